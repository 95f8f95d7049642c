import { useTranslation } from 'react-i18next';
import { addDays, isPlantDay } from '../format/plantCalendar';
import { usePlantFormat, usePlantToday } from '../format/plantTime';
import { Icon } from './icons';

/** Picks a plant-local day ("2026-11-27"): previous / date field / next, and back to today. */
export function DayPicker({ day, onChange }: { day: string; onChange: (day: string) => void }) {
  const { t } = useTranslation('common');
  const today = usePlantToday();
  const { formatDay, dayRange } = usePlantFormat();
  // Noon of the day avoids any doubt about which day a daylight-saving midnight belongs to.
  const label = formatDay(dayRange(day).start + 12 * 60 * 60 * 1000);
  return (
    <fieldset className="day-picker" data-testid="day-picker">
      <legend className="visually-hidden">{t('day.label')}</legend>
      <button
        type="button"
        className="icon-button"
        onClick={() => onChange(addDays(day, -1))}
        aria-label={t('day.previous')}
        title={t('day.previous')}
      >
        <Icon name="chevronLeft" size={16} />
      </button>
      <label className="day-picker__field">
        <span className="visually-hidden">{t('day.label')}</span>
        <input
          type="date"
          className="input input--date"
          value={day}
          required
          data-testid="day-input"
          onChange={(event) => {
            if (isPlantDay(event.target.value)) onChange(event.target.value);
          }}
        />
      </label>
      <button
        type="button"
        className="icon-button"
        onClick={() => onChange(addDays(day, 1))}
        aria-label={t('day.next')}
        title={t('day.next')}
      >
        <Icon name="chevronRight" size={16} />
      </button>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => onChange(today)}
        disabled={day === today}
      >
        {t('day.today')}
      </button>
      <span className="day-picker__label" aria-live="polite">
        {label}
      </span>
    </fieldset>
  );
}
