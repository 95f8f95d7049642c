import { useTranslation } from 'react-i18next';

export const ZOOM_HOURS = [48, 24, 12] as const;
export type ZoomHours = (typeof ZOOM_HOURS)[number];

const STORAGE_KEY = 'leitstand.lines.zoom';

export function storedZoom(): ZoomHours {
  const stored = Number(localStorage.getItem(STORAGE_KEY));
  return ZOOM_HOURS.find((hours) => hours === stored) ?? 48;
}

export function storeZoom(hours: ZoomHours) {
  localStorage.setItem(STORAGE_KEY, String(hours));
}

/** How many hours fill the board's width: all 48, or a closer look that scrolls sideways. */
export function ZoomSwitch({ hours, onChange }: { hours: ZoomHours; onChange: (hours: ZoomHours) => void }) {
  const { t } = useTranslation('lines');
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset.
    <div className="zoom-switch" role="group" aria-label={t('zoom.label')}>
      {ZOOM_HOURS.map((value) => (
        <button
          key={value}
          type="button"
          aria-pressed={value === hours}
          data-testid={`lines-zoom-${value}`}
          onClick={() => onChange(value)}
        >
          {t('zoom.hours', { count: value })}
        </button>
      ))}
    </div>
  );
}
