import { useTranslation } from 'react-i18next';
import { usePlantFormat } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';

/** When the last good stock and order files came through the sync folder, and what was wrong last. */
export function SyncStatusPanel({ folder }: { folder: string | null }) {
  const { t } = useTranslation('settings');
  const { formatDateTime } = usePlantFormat();
  const status = useProcedure('plantData.syncStatus', {}, { refreshOn: ['settings.changed', 'plant.reset'] });
  const entries = Object.entries(status.data ?? {});
  return (
    <section
      className="panel settings-panel"
      aria-labelledby="settings-sync-title"
      data-testid="settings-sync"
    >
      <header className="panel__head">
        <h2 className="panel__title" id="settings-sync-title">
          {t('sync.title')}
        </h2>
        <span className="panel__meta">{folder ?? t('sync.off')}</span>
      </header>
      <div className="panel__body">
        {entries.length === 0 ? (
          <p className="faint">{t('sync.nothingYet')}</p>
        ) : (
          <ul className="settings-sync">
            {entries.map(([dataSet, entry]) => (
              <li key={dataSet}>
                <strong>{t(`dataSets.${dataSet}`, { defaultValue: dataSet })}</strong>
                <span>
                  {entry.lastGood
                    ? t('sync.lastGood', { file: entry.lastGood.file, at: formatDateTime(entry.lastGood.at) })
                    : t('sync.noGood')}
                </span>
                {entry.lastError && (!entry.lastGood || entry.lastError.at >= entry.lastGood.at) ? (
                  <details className="settings-error">
                    <summary>
                      {t('sync.lastError', {
                        file: entry.lastError.file,
                        at: formatDateTime(entry.lastError.at),
                      })}
                    </summary>
                    <ul>
                      {entry.lastError.issues.map((text) => (
                        <li key={text}>{text}</li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
