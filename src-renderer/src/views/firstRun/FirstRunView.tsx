import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client';
import { hrefOf } from '../../router/routes';
import '../settings/Settings.css';

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The plant is empty: start with the demo plant (clearly marked, removable in the settings), an
 * empty plant (its location first), or an import of the plant's own files.
 */
export function FirstRunView() {
  const { t } = useTranslation('settings');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [demoLoaded, setDemoLoaded] = useState(false);
  const [plant, setPlant] = useState({
    name: '',
    city: '',
    lat: '',
    lon: '',
    geofenceRadiusM: '500',
    timeZone: BROWSER_ZONE,
  });

  const fail = (caught: unknown) =>
    setError(caught instanceof ApiCallError ? caught.message : String(caught));

  async function loadDemo() {
    setBusy(true);
    setError(null);
    try {
      await call('plant.loadDemo', {});
      setDemoLoaded(true);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  }

  async function createEmpty(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('settings.update', {
        plant: {
          name: plant.name,
          city: plant.city,
          lat: Number(plant.lat),
          lon: Number(plant.lon),
          geofenceRadiusM: Number(plant.geofenceRadiusM),
          timeZone: plant.timeZone,
        },
      });
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof typeof plant, label: string, type = 'text') => (
    <label className="settings-field">
      <span className="settings-field__label">{label}</span>
      <input
        className="input"
        type={type}
        step={type === 'number' ? 'any' : undefined}
        required
        value={plant[key]}
        onChange={(event) => setPlant({ ...plant, [key]: event.target.value })}
        data-testid={`first-run-${key}`}
      />
    </label>
  );

  return (
    <div className="view first-run" data-testid="first-run">
      <h1 className="view__title">{t('firstRun.title')}</h1>
      <p>{t('firstRun.intro')}</p>
      {demoLoaded ? (
        <p className="settings-ok" role="status">
          {t('firstRun.demoLoaded')}
        </p>
      ) : null}
      {error ? (
        <p className="settings-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="first-run__choices">
        <section className="panel settings-panel">
          <header className="panel__head">
            <h2 className="panel__title">
              <span className="demo-badge">{t('demo.badge')}</span> {t('firstRun.demoTitle')}
            </h2>
          </header>
          <div className="panel__body">
            <p>{t('firstRun.demoText')}</p>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void loadDemo()}
              data-testid="first-run-demo"
            >
              {t('firstRun.demoAction')}
            </button>
          </div>
        </section>
        <section className="panel settings-panel">
          <header className="panel__head">
            <h2 className="panel__title">{t('firstRun.emptyTitle')}</h2>
          </header>
          <form className="panel__body settings-grid" onSubmit={(event) => void createEmpty(event)}>
            {field('name', t('plant.name'))}
            {field('city', t('plant.city'))}
            {field('lat', t('plant.lat'), 'number')}
            {field('lon', t('plant.lon'), 'number')}
            {field('geofenceRadiusM', t('plant.geofence'), 'number')}
            {field('timeZone', t('plant.timeZone'))}
            <button type="submit" className="button" disabled={busy} data-testid="first-run-empty">
              {t('firstRun.emptyAction')}
            </button>
          </form>
        </section>
        <section className="panel settings-panel">
          <header className="panel__head">
            <h2 className="panel__title">{t('firstRun.importTitle')}</h2>
          </header>
          <div className="panel__body">
            <p>{t('firstRun.importText')}</p>
            <a className="button" href={hrefOf('settings', 'import')} data-testid="first-run-import">
              {t('firstRun.importAction')}
            </a>
          </div>
        </section>
      </div>
    </div>
  );
}
