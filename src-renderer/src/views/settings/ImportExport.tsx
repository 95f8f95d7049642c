import { type DragEvent, Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call, subscribe } from '../../api/client';
import { ImportPreview } from './ImportPreview';
import { downloadPlantFiles, type FileRef, readPicked, stageFiles } from './plantFiles';
import type { ImportMode, ImportOutcome } from './types';

interface Progress {
  phase: string;
  done: number;
  total: number;
}

/**
 * Import and export of the plant's master and planning data: drop or pick files, look at the dry
 * run (rows per data set, every error by file, row and column), then import all or nothing with a
 * progress bar. Export and templates download as files.
 */
export function ImportExport() {
  const { t } = useTranslation('settings');
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<File[]>([]);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [refs, setRefs] = useState<FileRef[] | null>(null);
  const [preview, setPreview] = useState<ImportOutcome | null>(null);
  const [result, setResult] = useState<ImportOutcome | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | 'export' | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const jobId = useRef<string | null>(null);

  useEffect(
    () =>
      subscribe('import.progress', (payload) => {
        if (payload.jobId === jobId.current) setProgress(payload);
      }),
    [],
  );

  const choose = (files: File[]) => {
    setPicked(files);
    setRefs(null);
    setPreview(null);
    setResult(null);
    setError(null);
  };

  const fail = (caught: unknown) =>
    setError(caught instanceof ApiCallError ? caught.message : String(caught));

  async function runPreview() {
    setBusy('preview');
    setError(null);
    setResult(null);
    try {
      const staged = await stageFiles(await readPicked(picked));
      setRefs(staged);
      setPreview(await call('plantData.preview', { files: staged, mode }));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(null);
    }
  }

  async function runImport() {
    if (!refs) return;
    setBusy('import');
    setError(null);
    jobId.current = crypto.randomUUID();
    setProgress({ phase: 'validate', done: 0, total: 1 });
    try {
      const outcome = await call('plantData.import', { files: refs, mode, jobId: jobId.current });
      setResult(outcome);
      setPreview(outcome.committed ? null : outcome);
      if (outcome.committed) {
        setPicked([]);
        setRefs(null);
      }
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(null);
      jobId.current = null;
    }
  }

  async function download(kind: 'export' | 'templates', format: 'csv' | 'xlsx') {
    setBusy('export');
    setError(null);
    try {
      const answer =
        kind === 'export'
          ? await call('plantData.export', { format })
          : await call('plantData.templates', { format });
      downloadPlantFiles(answer.files);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(null);
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(Array.from(event.dataTransfer.files));
  };

  const clean = preview !== null && preview.issueCount === 0;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <section
      className="panel settings-panel"
      aria-labelledby="settings-import-title"
      data-testid="settings-import"
    >
      <header className="panel__head">
        <h2 className="panel__title" id="settings-import-title">
          {t('import.title')}
        </h2>
        <span className="panel__meta">{t('import.meta')}</span>
      </header>
      <div className="panel__body settings-import">
        <div className="settings-import__downloads">
          {(['export', 'templates'] as const).map((kind) => (
            <Fragment key={kind}>
              <span className="settings-field__label">
                {t(kind === 'export' ? 'import.export' : 'import.templates')}
              </span>
              {(['xlsx', 'csv'] as const).map((format) => (
                <button
                  key={format}
                  type="button"
                  className="button button--ghost"
                  disabled={busy !== null}
                  onClick={() => void download(kind, format)}
                  data-testid={`${kind === 'export' ? 'export' : 'template'}-${format}`}
                >
                  {format.toUpperCase()}
                </button>
              ))}
            </Fragment>
          ))}
        </div>

        {/* The drop zone only takes files; picking them is the button inside, for keyboards. */}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping files needs no role */}
        <div
          className={dragging ? 'settings-drop settings-drop--active' : 'settings-drop'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="import-drop"
        >
          <p>
            {picked.length
              ? t('import.picked', {
                  count: picked.length,
                  names: picked.map((file) => file.name).join(', '),
                })
              : t('import.drop')}
          </p>
          <button type="button" className="button button--ghost" onClick={() => input.current?.click()}>
            {t('import.pick')}
          </button>
          <input
            ref={input}
            type="file"
            multiple
            accept=".csv,.xlsx"
            hidden
            onChange={(event) => choose(Array.from(event.target.files ?? []))}
            data-testid="import-files"
          />
        </div>

        <fieldset className="settings-import__mode">
          <legend className="settings-field__label">{t('import.mode')}</legend>
          {(['merge', 'replace'] as const).map((choice) => (
            <label key={choice} title={t(`import.modeHint.${choice}`)}>
              <input
                type="radio"
                name="import-mode"
                checked={mode === choice}
                onChange={() => {
                  setMode(choice);
                  setPreview(null);
                }}
              />
              {t(`import.modes.${choice}`)}
            </label>
          ))}
          <span className="faint">{t(`import.modeHint.${mode}`)}</span>
        </fieldset>

        <div className="settings-import__actions">
          <button
            type="button"
            className="button"
            disabled={picked.length === 0 || busy !== null}
            onClick={() => void runPreview()}
            data-testid="import-preview"
          >
            {t('import.check')}
          </button>
          <button
            type="button"
            className="button"
            disabled={!clean || busy !== null}
            onClick={() => void runImport()}
            data-testid="import-commit"
          >
            {t('import.commit')}
          </button>
        </div>

        {busy === 'import' && progress ? (
          <div className="settings-progress" data-testid="import-progress">
            <progress max={100} value={percent} aria-label={t('import.progress')} />
            <span className="num">
              {t(`import.phase.${progress.phase}`)} · {progress.done} / {progress.total}
            </span>
          </div>
        ) : null}
        {error ? (
          <p className="settings-error" role="alert">
            {error}
          </p>
        ) : null}
        {result?.committed ? (
          <p className="settings-ok" role="status" data-testid="import-done">
            {t('import.done', { rows: result.dataSets.reduce((sum, set) => sum + set.rows, 0) })}
          </p>
        ) : null}
        {preview ? <ImportPreview outcome={preview} /> : null}
      </div>
    </section>
  );
}
