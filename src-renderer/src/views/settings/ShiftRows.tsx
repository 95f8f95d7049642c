import { useTranslation } from 'react-i18next';
import type { Settings } from './types';

type Shift = Settings['shifts'][number];

/**
 * A time of day as 24-hour HH:MM, as the plant writes it: an <input type="time"> would follow the
 * browser's own language and show "02:00 PM" on an English system in a German plant.
 */
function ClockTimeInput(props: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <input
      className="input num"
      type="text"
      inputMode="numeric"
      pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
      placeholder="HH:MM"
      maxLength={5}
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

/** The shift calendar as editable rows; a shift left out is removed (with its line assignments). */
export function ShiftRows({ shifts, onChange }: { shifts: Shift[]; onChange: (shifts: Shift[]) => void }) {
  const { t } = useTranslation('settings');
  const set = (index: number, patch: Partial<Shift>) =>
    onChange(shifts.map((shift, at) => (at === index ? { ...shift, ...patch } : shift)));
  return (
    <div className="settings-shifts" data-testid="settings-shifts">
      {shifts.map((shift, index) => (
        // Rows are edited in place, ids included, so the position is the identity here.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div className="settings-shifts__row" key={index}>
          <input
            className="input"
            aria-label={t('shifts.id')}
            value={shift.id}
            onChange={(e) => set(index, { id: e.target.value })}
          />
          <input
            className="input"
            aria-label={t('shifts.name')}
            value={shift.name}
            onChange={(e) => set(index, { name: e.target.value })}
          />
          <ClockTimeInput
            label={t('shifts.start')}
            value={shift.start}
            onChange={(start) => set(index, { start })}
          />
          <ClockTimeInput label={t('shifts.end')} value={shift.end} onChange={(end) => set(index, { end })} />
          <button
            type="button"
            className="button button--ghost"
            onClick={() => onChange(shifts.filter((_, at) => at !== index))}
          >
            {t('shifts.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--ghost"
        onClick={() =>
          onChange([...shifts, { id: `S${shifts.length + 1}`, name: '', start: '06:00', end: '14:00' }])
        }
      >
        {t('shifts.add')}
      </button>
    </div>
  );
}
