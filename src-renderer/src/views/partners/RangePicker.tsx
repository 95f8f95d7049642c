import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isPlantDay } from '../../format/plantCalendar';
import { type DayRange, isValidRange, presetOf, presetRange, RANGE_PRESETS } from './scorecardRange';

/** The scorecard's range: presets by weeks, or any two plant days. */
export function RangePicker({
  range,
  today,
  onChange,
}: {
  range: DayRange;
  today: string;
  onChange: (range: DayRange) => void;
}) {
  const { t } = useTranslation('partners');
  const fromId = useId();
  const toId = useId();
  const preset = presetOf(range, today);
  const change = (next: DayRange) => {
    if (isValidRange(next)) onChange(next);
  };
  return (
    <div className="range-picker" data-testid="scorecard-range">
      <fieldset className="chips">
        <legend className="visually-hidden">{t('range.presets')}</legend>
        {RANGE_PRESETS.map((weeks) => (
          <button
            key={weeks}
            type="button"
            className="chip"
            aria-pressed={preset === weeks}
            onClick={() => onChange(presetRange(today, weeks))}
            data-testid={`scorecard-range-${weeks}`}
            title={t('range.presetTitle', { count: weeks })}
          >
            {t('range.weeks', { count: weeks })}
          </button>
        ))}
      </fieldset>
      <div className="range-picker__days">
        <label className="visually-hidden" htmlFor={fromId}>
          {t('range.from')}
        </label>
        <input
          id={fromId}
          type="date"
          className="input input--date"
          value={range.fromDay}
          max={range.toDay}
          required
          data-testid="scorecard-from"
          onChange={(event) => {
            if (isPlantDay(event.target.value)) change({ ...range, fromDay: event.target.value });
          }}
        />
        <span aria-hidden="true">–</span>
        <label className="visually-hidden" htmlFor={toId}>
          {t('range.to')}
        </label>
        <input
          id={toId}
          type="date"
          className="input input--date"
          value={range.toDay}
          min={range.fromDay}
          required
          data-testid="scorecard-to"
          onChange={(event) => {
            if (isPlantDay(event.target.value)) change({ ...range, toDay: event.target.value });
          }}
        />
      </div>
    </div>
  );
}
