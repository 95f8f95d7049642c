import { useTranslation } from 'react-i18next';

/** Offline map (always works) or OpenStreetMap tiles (need the internet). */
export function TileToggle({ online, onChange }: { online: boolean; onChange: (online: boolean) => void }) {
  const { t } = useTranslation('map');
  return (
    <fieldset className="tile-toggle">
      <legend className="tile-toggle__legend">{t('tiles.label')}</legend>
      <button
        type="button"
        aria-pressed={!online}
        onClick={() => onChange(false)}
        data-testid="tiles-offline"
      >
        {t('tiles.offline')}
      </button>
      <button
        type="button"
        aria-pressed={online}
        onClick={() => onChange(true)}
        title={t('tiles.onlineHint')}
        data-testid="tiles-online"
      >
        {t('tiles.online')}
      </button>
    </fieldset>
  );
}
