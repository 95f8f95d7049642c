import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client';
import { usePlantFormat } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';
import type { AutoExportOverview } from './types';

type Settings = AutoExportOverview['settings'];
const FORMATS: readonly Settings['formats'][number][] = ['pdf', 'xlsx', 'csv'];

/** Where each shift's report lands by itself at the shift's end, and what was written last. */
export function AutoExportSettings() {
  const { t } = useTranslation('reports');
  const { formatDateTime } = usePlantFormat();
  const overview = useProcedure(
    'reports.autoExportSettings',
    {},
    { refreshOn: ['reports.exported', 'plant.reset'] },
  );
  const [draft, setDraft] = useState<Settings | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const saved = overview.data?.settings;
  useEffect(() => {
    if (saved && !draft) setDraft(saved);
  }, [saved, draft]);
  const form = draft ?? saved;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    setSaving(true);
    setMessage(null);
    try {
      const next = await call('reports.setAutoExport', form);
      setDraft(next.settings);
      overview.refetch();
      setMessage({ ok: true, text: t('auto.saved') });
    } catch (caught) {
      setMessage({ ok: false, text: caught instanceof ApiCallError ? caught.message : String(caught) });
    } finally {
      setSaving(false);
    }
  }

  const update = (patch: Partial<Settings>) => form && setDraft({ ...form, ...patch });

  return (
    <section className="panel auto-export" aria-labelledby="auto-export-title" data-testid="auto-export">
      <header className="panel__head">
        <h2 className="panel__title" id="auto-export-title">
          {t('auto.title')}
        </h2>
        <span className="panel__meta">{t('auto.meta')}</span>
      </header>
      {!form ? null : (
        <form className="panel__body auto-export__form" onSubmit={(event) => void save(event)}>
          <label className="auto-export__switch">
            <input
              type="checkbox"
              checked={form.enabled}
              onChange={(event) => update({ enabled: event.target.checked })}
              data-testid="auto-export-enabled"
            />
            {t('auto.enabled')}
          </label>
          <label className="report-field auto-export__folder">
            <span className="report-field__label">{t('auto.folder')}</span>
            <input
              className="input"
              value={form.folder}
              placeholder={t('auto.folderPlaceholder')}
              onChange={(event) => update({ folder: event.target.value })}
              data-testid="auto-export-folder"
              spellCheck={false}
            />
          </label>
          <fieldset className="auto-export__formats">
            <legend className="report-field__label">{t('auto.formats')}</legend>
            {FORMATS.map((format) => (
              <label key={format} className="auto-export__format">
                <input
                  type="checkbox"
                  checked={form.formats.includes(format)}
                  onChange={(event) =>
                    update({
                      formats: event.target.checked
                        ? FORMATS.filter((f) => f === format || form.formats.includes(f))
                        : form.formats.filter((f) => f !== format),
                    })
                  }
                />
                {format.toUpperCase()}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button" disabled={saving} data-testid="auto-export-save">
            {t('auto.save')}
          </button>
          {message ? (
            <p
              className={message.ok ? 'auto-export__ok' : 'report-export__error'}
              role={message.ok ? 'status' : 'alert'}
            >
              {message.text}
            </p>
          ) : null}
        </form>
      )}
      {overview.data && overview.data.recent.length > 0 ? (
        <ul className="auto-export__recent">
          {overview.data.recent.map((entry) => (
            <li key={`${entry.at}-${entry.report}`} className={entry.ok ? '' : 'auto-export__failed'}>
              <span className="num">{formatDateTime(entry.at)}</span>
              <span>{entry.report}</span>
              <span className="faint">
                {entry.ok
                  ? t('auto.wrote', { count: entry.files.length })
                  : t('auto.failed', { error: entry.error })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
