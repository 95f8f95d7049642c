import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client';
import { setLanguage } from '../../i18n';
import { ShiftRows } from './ShiftRows';
import type { Settings, SettingsUpdate } from './types';

type Draft = Omit<Settings, 'plant'> & { plant: NonNullable<Settings['plant']> | null };

function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child each caller passes in
    <label className={wide ? 'settings-field settings-field--wide' : 'settings-field'}>
      <span className="settings-field__label">{label}</span>
      {children}
    </label>
  );
}

/** How the ingest listener fared with the settings last saved: it follows them without a restart. */
function IngestStatusLine({ status }: { status: Settings['ingestStatus'] }) {
  const { t } = useTranslation('settings');
  if (!status) return <p className="faint settings-field--wide">{t('system.ingestLive')}</p>;
  const text =
    status.state === 'listening'
      ? t('system.ingestListening', { url: status.url })
      : status.state === 'failed'
        ? t('system.ingestFailed', { error: status.error })
        : status.offByCommandLine
          ? t('system.ingestOffByCommandLine')
          : t('system.ingestOff');
  return (
    <p
      className={
        status.state === 'failed' ? 'settings-error settings-field--wide' : 'faint settings-field--wide'
      }
      role="status"
      data-testid="settings-ingest-status"
    >
      {text}
    </p>
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed between the stored settings and the form: settings.update takes only that. */
function changes(saved: Settings, draft: Draft): SettingsUpdate {
  const update: SettingsUpdate = {};
  if (draft.plant && !same(saved.plant, draft.plant)) {
    const { isDemo: _demo, id: _id, ...plant } = draft.plant;
    update.plant = plant;
  }
  if (!same(saved.shifts, draft.shifts)) update.shifts = draft.shifts;
  if (saved.frozenWindowMinutes !== draft.frozenWindowMinutes)
    update.frozenWindowMinutes = draft.frozenWindowMinutes;
  if (saved.putAwayMinutes !== draft.putAwayMinutes) update.putAwayMinutes = draft.putAwayMinutes;
  if (!same(saved.baseMap, draft.baseMap)) update.baseMap = draft.baseMap;
  if (!same(saved.ingest, draft.ingest)) update.ingest = draft.ingest;
  if (saved.language !== draft.language) update.language = draft.language;
  if (!same(saved.sync, draft.sync))
    update.sync = { ...draft.sync, folder: draft.sync.folder?.trim() || null };
  return update;
}

/** The plant's settings in one form; saving sends what changed, validated by the plant. */
export function SettingsForm({ saved, onSaved }: { saved: Settings; onSaved: () => void }) {
  const { t } = useTranslation('settings');
  const [draft, setDraft] = useState<Draft>(saved);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  // A refetch after any settings.changed (a sync file, another desk) keeps the edits in progress
  // unless the stored settings themselves changed.
  const savedKey = JSON.stringify(saved);
  // biome-ignore lint/correctness/useExhaustiveDependencies: savedKey stands for saved's content
  useEffect(() => setDraft(saved), [savedKey]);

  const patch = (next: Partial<Draft>) => setDraft((current) => ({ ...current, ...next }));
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

  async function save(event: FormEvent) {
    event.preventDefault();
    const update = changes(saved, draft);
    if (Object.keys(update).length === 0) {
      setMessage({ ok: true, text: t('form.unchanged') });
      return;
    }
    setSaving(true);
    setMessage(null);
    try {
      await call('settings.update', update);
      if (update.language) setLanguage(update.language);
      setMessage({ ok: true, text: t('form.saved') });
      onSaved();
    } catch (caught) {
      setMessage({ ok: false, text: caught instanceof ApiCallError ? caught.message : String(caught) });
    } finally {
      setSaving(false);
    }
  }

  const plant = draft.plant;
  return (
    <form className="settings-form" onSubmit={(event) => void save(event)} data-testid="settings-form">
      {plant ? (
        <section className="panel settings-panel" aria-labelledby="settings-plant-title">
          <header className="panel__head">
            <h2 className="panel__title" id="settings-plant-title">
              {t('plant.title')}
            </h2>
          </header>
          <div className="panel__body settings-grid">
            <Field label={t('plant.name')}>
              <input
                className="input"
                value={plant.name}
                onChange={(e) => patch({ plant: { ...plant, name: e.target.value } })}
              />
            </Field>
            <Field label={t('plant.city')}>
              <input
                className="input"
                value={plant.city}
                onChange={(e) => patch({ plant: { ...plant, city: e.target.value } })}
              />
            </Field>
            <Field label={t('plant.lat')}>
              <input
                className="input num"
                type="number"
                step="any"
                value={plant.lat}
                onChange={(e) => patch({ plant: { ...plant, lat: number(e.target.value) } })}
              />
            </Field>
            <Field label={t('plant.lon')}>
              <input
                className="input num"
                type="number"
                step="any"
                value={plant.lon}
                onChange={(e) => patch({ plant: { ...plant, lon: number(e.target.value) } })}
              />
            </Field>
            <Field label={t('plant.geofence')}>
              <input
                className="input num"
                type="number"
                min={10}
                value={plant.geofenceRadiusM}
                onChange={(e) => patch({ plant: { ...plant, geofenceRadiusM: number(e.target.value) } })}
                data-testid="settings-geofence"
              />
            </Field>
            <Field label={t('plant.timeZone')}>
              <input
                className="input"
                value={plant.timeZone}
                spellCheck={false}
                onChange={(e) => patch({ plant: { ...plant, timeZone: e.target.value } })}
                data-testid="settings-timezone"
              />
            </Field>
          </div>
        </section>
      ) : null}

      <section className="panel settings-panel" aria-labelledby="settings-planning-title">
        <header className="panel__head">
          <h2 className="panel__title" id="settings-planning-title">
            {t('planning.title')}
          </h2>
        </header>
        <div className="panel__body settings-grid">
          <Field label={t('planning.frozenWindow')}>
            <input
              className="input num"
              type="number"
              min={0}
              value={draft.frozenWindowMinutes}
              onChange={(e) => patch({ frozenWindowMinutes: number(e.target.value) })}
              data-testid="settings-frozen"
            />
          </Field>
          <Field label={t('planning.putAway')}>
            <input
              className="input num"
              type="number"
              min={0}
              value={draft.putAwayMinutes}
              onChange={(e) => patch({ putAwayMinutes: number(e.target.value) })}
            />
          </Field>
          <div className="settings-field settings-field--wide">
            <span className="settings-field__label">{t('planning.shifts')}</span>
            <ShiftRows shifts={draft.shifts} onChange={(shifts) => patch({ shifts })} />
          </div>
        </div>
      </section>

      <section className="panel settings-panel" aria-labelledby="settings-system-title">
        <header className="panel__head">
          <h2 className="panel__title" id="settings-system-title">
            {t('system.title')}
          </h2>
        </header>
        <div className="panel__body settings-grid">
          <Field label={t('system.language')}>
            <select
              className="input"
              value={draft.language}
              data-testid="settings-language"
              onChange={(e) => patch({ language: e.target.value === 'en' ? 'en' : 'de' })}
            >
              <option value="de">Deutsch</option>
              <option value="en">English</option>
            </select>
          </Field>
          <Field label={t('system.baseMap')}>
            <select
              className="input"
              value={draft.baseMap.source}
              onChange={(e) =>
                patch({
                  baseMap: { ...draft.baseMap, source: e.target.value === 'online' ? 'online' : 'offline' },
                })
              }
            >
              <option value="offline">{t('system.baseMapOffline')}</option>
              <option value="online">{t('system.baseMapOnline')}</option>
            </select>
          </Field>
          <Field label={t('system.tileUrl')} wide>
            <input
              className="input"
              value={draft.baseMap.tileUrl}
              spellCheck={false}
              onChange={(e) => patch({ baseMap: { ...draft.baseMap, tileUrl: e.target.value } })}
            />
          </Field>
          <Field label={t('system.attribution')} wide>
            <input
              className="input"
              value={draft.baseMap.attribution}
              onChange={(e) => patch({ baseMap: { ...draft.baseMap, attribution: e.target.value } })}
            />
          </Field>
          <label className="settings-field settings-check">
            <input
              type="checkbox"
              checked={draft.ingest.enabled}
              onChange={(e) => patch({ ingest: { ...draft.ingest, enabled: e.target.checked } })}
            />
            {t('system.ingestEnabled')}
          </label>
          <Field label={t('system.ingestHost')}>
            <input
              className="input"
              value={draft.ingest.host}
              spellCheck={false}
              onChange={(e) => patch({ ingest: { ...draft.ingest, host: e.target.value } })}
            />
          </Field>
          <Field label={t('system.ingestPort')}>
            <input
              className="input num"
              type="number"
              min={1}
              max={65535}
              value={draft.ingest.port}
              onChange={(e) => patch({ ingest: { ...draft.ingest, port: number(e.target.value) } })}
            />
          </Field>
          <IngestStatusLine status={saved.ingestStatus} />
          <Field label={t('system.syncFolder')} wide>
            <input
              className="input"
              value={draft.sync.folder ?? ''}
              placeholder={t('system.syncFolderPlaceholder')}
              spellCheck={false}
              onChange={(e) => patch({ sync: { ...draft.sync, folder: e.target.value } })}
              data-testid="settings-sync-folder"
            />
          </Field>
          <Field label={t('system.syncScan')}>
            <input
              className="input num"
              type="number"
              min={5}
              value={draft.sync.scanSeconds}
              onChange={(e) => patch({ sync: { ...draft.sync, scanSeconds: number(e.target.value) } })}
            />
          </Field>
        </div>
      </section>

      <div className="settings-form__actions">
        <button type="submit" className="button" disabled={saving} data-testid="settings-save">
          {t('form.save')}
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={saving}
          onClick={() => setDraft(saved)}
        >
          {t('form.reset')}
        </button>
        {message ? (
          <p
            className={message.ok ? 'settings-ok' : 'settings-error'}
            role={message.ok ? 'status' : 'alert'}
            data-testid="settings-message"
          >
            {message.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
