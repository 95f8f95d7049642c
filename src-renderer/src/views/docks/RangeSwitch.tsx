import { useTranslation } from 'react-i18next';
import { RANGE_MODES, type RangeMode } from './timelineRange';

/** Shift around now · today · three days · week: a segmented control (buttons with aria-pressed). */
export function RangeSwitch({ mode, onChange }: { mode: RangeMode; onChange: (mode: RangeMode) => void }) {
  const { t } = useTranslation('docks');
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset.
    <div className="range-switch" role="group" aria-label={t('range.label')}>
      {RANGE_MODES.map((value) => (
        <button
          key={value}
          type="button"
          aria-pressed={value === mode}
          data-testid={`range-${value}`}
          onClick={() => onChange(value)}
        >
          {t(`range.${value}`)}
        </button>
      ))}
    </div>
  );
}
