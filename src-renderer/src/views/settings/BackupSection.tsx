import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client';
import { usePlantFormat } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

type BackupNumber = 'intervalMinutes' | 'keepHourly' | 'keepDaily';
/** The schedule's numbers, each with its smallest allowed value (0 minutes: no schedule). */
const BACKUP_NUMBERS: readonly [BackupNumber, number][] = [
  ['intervalMinutes', 0],
  ['keepHourly', 1],
  ['keepDaily', 0],
];

/**
 * Backups of the plant's database: the schedule and retention, a backup now, and a restore. A
 * restore replaces the database at the next start of Leitstand (the current file is kept as a
 * before-restore backup), so the section says so until then.
 */
export function BackupSection() {
  const { t } = useTranslation('backup');
  const { formatDateTime } = usePlantFormat();
  const list = useProcedure('backup.list', {}, { refreshOn: ['settings.changed'] });
  const settings = useProcedure('backup.settings', {}, { refreshOn: ['settings.changed'] });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await work();
      setConfirming(null);
      list.refetch();
    } catch (caught) {
      setError(caught instanceof ApiCallError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  const saveNumber = (key: BackupNumber, text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value)) return;
    void run(() => call('backup.setSettings', { [key]: value }).then(() => settings.refetch()));
  };

  return (
    <section
      className="panel settings-panel"
      aria-labelledby="settings-backup-title"
      data-testid="settings-backup"
    >
      <header className="panel__head">
        <h2 className="panel__title" id="settings-backup-title">
          {t('title')}
        </h2>
        <span className="panel__meta">{list.data?.folder ?? ''}</span>
      </header>
      <div className="panel__body">
        {list.data?.pendingRestore ? (
          <div className="settings-confirm" role="status" data-testid="backup-pending">
            <p>{t('pending', { name: list.data.pendingRestore })}</p>
            <button
              type="button"
              className="button button--ghost"
              disabled={busy}
              onClick={() => void run(() => call('backup.restore', { name: null }))}
            >
              {t('cancelRestore')}
            </button>
          </div>
        ) : null}
        {settings.data ? (
          <div className="settings-grid">
            {BACKUP_NUMBERS.map(([key, min]) => (
              <label className="settings-field" key={key}>
                <span className="settings-field__label">{t(key)}</span>
                <input
                  type="number"
                  min={min}
                  defaultValue={settings.data?.[key]}
                  onBlur={(event) => saveNumber(key, event.target.value)}
                />
              </label>
            ))}
          </div>
        ) : null}
        <p className="faint">
          {list.data?.nextDueAt
            ? t('nextDue', { at: formatDateTime(list.data.nextDueAt) })
            : t('scheduleOff')}
        </p>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(() => call('backup.now', {}))}
          data-testid="backup-now"
        >
          {t('now')}
        </button>
        {error ? (
          <p className="settings-error" role="alert">
            {error}
          </p>
        ) : null}
        {list.data && list.data.backups.length === 0 ? <p className="faint">{t('none')}</p> : null}
        <ul className="settings-sync" data-testid="backup-list">
          {list.data?.backups.map((backup) => (
            <li key={backup.name}>
              <strong>{formatDateTime(backup.takenAt)}</strong>
              <span>
                {t(`kind.${backup.kind}`)} · {t('size', { mb: megabytes(backup.bytes) })}
              </span>
              {confirming === backup.name ? (
                <span className="settings-confirm" role="alertdialog">
                  {t('confirmRestore')}{' '}
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => void run(() => call('backup.restore', { name: backup.name }))}
                  >
                    {t('restoreAtNextStart')}
                  </button>
                  <button type="button" className="button button--ghost" onClick={() => setConfirming(null)}>
                    {t('cancel')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--ghost"
                  disabled={busy}
                  onClick={() => setConfirming(backup.name)}
                >
                  {t('restore')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
