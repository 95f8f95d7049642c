import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client';

/** The demo plant is only a demo: it can be removed, after a confirmation, for an own plant. */
export function DemoRemoval() {
  const { t } = useTranslation('settings');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await call('plant.removeDemo', { confirm: true });
      setAsking(false);
    } catch (caught) {
      setError(caught instanceof ApiCallError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      className="panel settings-panel settings-demo"
      aria-labelledby="settings-demo-title"
      data-testid="settings-demo"
    >
      <header className="panel__head">
        <h2 className="panel__title" id="settings-demo-title">
          <span className="demo-badge">{t('demo.badge')}</span> {t('demo.title')}
        </h2>
      </header>
      <div className="panel__body">
        <p>{t('demo.text')}</p>
        {asking ? (
          <div className="settings-confirm" role="alertdialog" aria-labelledby="settings-demo-confirm">
            <p id="settings-demo-confirm">{t('demo.confirm')}</p>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void remove()}
              data-testid="demo-remove-confirm"
            >
              {t('demo.removeNow')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              disabled={busy}
              onClick={() => setAsking(false)}
            >
              {t('demo.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="button" onClick={() => setAsking(true)} data-testid="demo-remove">
            {t('demo.remove')}
          </button>
        )}
        {error ? (
          <p className="settings-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </section>
  );
}
