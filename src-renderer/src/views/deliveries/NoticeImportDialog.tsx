import './NoticeImport.css';
import { type DragEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../../src-main/api/contract';
import { ApiCallError, call } from '../../api/client';
import { useProcedure } from '../../hooks/useProcedure';
import { NoticeImportLog } from './NoticeImportLog';
import { NoticeImportIssues, NoticeImportPreview } from './NoticeImportPreview';
import { MAX_NOTICE_FILE_BYTES, offerDownload, readNoticeFile } from './noticeFileText';

type Preview = ProcedureOutput<'notices.preview'>;
type Stage =
  | { kind: 'empty' }
  | { kind: 'checking'; fileName: string }
  | { kind: 'checked'; fileName: string; content: string; preview: Preview }
  | { kind: 'importing'; fileName: string; preview: Preview }
  | { kind: 'imported'; fileName: string; created: number; updated: number }
  | { kind: 'failed'; fileName: string; message: string };

const errorText = (caught: unknown) => (caught instanceof ApiCallError ? caught.message : String(caught));
const hasFiles = (event: { dataTransfer: DataTransfer | null }) =>
  Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * "Import shipping notices" in the Deliveries toolbar: a DESADV or CSV file, chosen or dropped
 * (onto the dialog or the deliveries list), is previewed first; nothing is imported until the
 * preview is clean and the user says so.
 */
export function NoticeImportButton() {
  const { t } = useTranslation('notices');
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [dropped, setDropped] = useState<File | null>(null);

  const show = useCallback(() => {
    setOpen(true);
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);

  // A file dropped anywhere on the Deliveries view opens the dialog with it.
  useEffect(() => {
    const view = button.current?.closest('.view');
    if (!view) return;
    const over = (event: Event) => {
      if (hasFiles(event as globalThis.DragEvent)) event.preventDefault();
    };
    const drop = (event: Event) => {
      const file = (event as globalThis.DragEvent).dataTransfer?.files[0];
      if (!file || dialog.current?.open) return;
      event.preventDefault();
      setDropped(file);
      show();
    };
    view.addEventListener('dragover', over);
    view.addEventListener('drop', drop);
    return () => {
      view.removeEventListener('dragover', over);
      view.removeEventListener('drop', drop);
    };
  }, [show]);

  return (
    <>
      <button ref={button} type="button" className="button" data-testid="notice-import-open" onClick={show}>
        {t('open')}
      </button>
      <dialog
        ref={dialog}
        className="notice-import"
        aria-labelledby="notice-import-title"
        data-testid="notice-import"
        onClose={() => {
          setOpen(false);
          setDropped(null);
        }}
      >
        {open ? <NoticeImportPanel initialFile={dropped} onClose={() => dialog.current?.close()} /> : null}
      </dialog>
    </>
  );
}

function NoticeImportPanel({ initialFile, onClose }: { initialFile: File | null; onClose: () => void }) {
  const { t } = useTranslation('notices');
  const [stage, setStage] = useState<Stage>({ kind: 'empty' });
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const log = useProcedure('notices.messages', { limit: 8 });

  const check = useCallback(
    async (file: File) => {
      if (file.size > MAX_NOTICE_FILE_BYTES) {
        setStage({ kind: 'failed', fileName: file.name, message: t('tooLarge') });
        return;
      }
      setStage({ kind: 'checking', fileName: file.name });
      try {
        const content = await readNoticeFile(file);
        const preview = await call('notices.preview', { fileName: file.name, content });
        setStage({ kind: 'checked', fileName: file.name, content, preview });
      } catch (caught) {
        setStage({ kind: 'failed', fileName: file.name, message: errorText(caught) });
      }
    },
    [t],
  );

  useEffect(() => {
    if (initialFile) void check(initialFile);
  }, [initialFile, check]);

  const commit = async () => {
    if (stage.kind !== 'checked' || !stage.preview.ok) return;
    const { fileName, content, preview } = stage;
    setStage({ kind: 'importing', fileName, preview });
    try {
      const outcome = await call('notices.import', { fileName, content });
      const count = (action: string) => outcome.notices.filter((notice) => notice.action === action).length;
      setStage({ kind: 'imported', fileName, created: count('created'), updated: count('updated') });
    } catch (caught) {
      setStage({ kind: 'failed', fileName, message: errorText(caught) });
    }
    log.refetch();
  };

  const downloadTemplate = async () => {
    try {
      const template = await call('notices.template', {});
      offerDownload(template.fileName, template.content);
    } catch (caught) {
      setStage({ kind: 'failed', fileName: '', message: errorText(caught) });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void check(file);
  };

  const preview = stage.kind === 'checked' || stage.kind === 'importing' ? stage.preview : null;
  return (
    <section
      aria-labelledby="notice-import-title"
      className={`notice-import__panel${dragging ? ' notice-import__panel--dragging' : ''}`}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header className="notice-import__head">
        <h2 id="notice-import-title">{t('title')}</h2>
        <button
          type="button"
          className="icon-button icon-button--plain"
          onClick={onClose}
          aria-label={t('close')}
        >
          ×
        </button>
      </header>
      <p className="notice-import__intro">{t('intro')}</p>
      <div className="notice-import__drop">
        <input
          ref={picker}
          type="file"
          accept=".edi,.edifact,.txt,.dat,.csv,text/csv,text/plain"
          className="visually-hidden"
          data-testid="notice-import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void check(file);
          }}
        />
        <button type="button" className="button" onClick={() => picker.current?.click()}>
          {t('choose')}
        </button>
        <span className="notice-import__muted">{t('dropHint')}</span>
        <span className="view__spacer" />
        <button
          type="button"
          className="button button--ghost"
          onClick={downloadTemplate}
          data-testid="notice-template"
        >
          {t('template')}
        </button>
      </div>

      {stage.kind === 'checking' ? <p role="status">{t('checking', { file: stage.fileName })}</p> : null}
      {stage.kind === 'failed' ? (
        <p className="notice-import__failed" role="alert">
          {stage.message}
        </p>
      ) : null}
      {stage.kind === 'imported' ? (
        <p className="notice-import__done" role="status" data-testid="notice-imported">
          {t('imported', { file: stage.fileName, created: stage.created, updated: stage.updated })}
        </p>
      ) : null}
      {preview ? (
        <>
          <p className="notice-import__file">
            <strong>{stage.kind === 'empty' ? '' : stage.fileName}</strong> · {preview.label}
          </p>
          {preview.ok ? (
            <NoticeImportPreview notices={preview.notices} />
          ) : (
            <NoticeImportIssues message={preview.message} issues={preview.issues} />
          )}
        </>
      ) : null}

      <NoticeImportLog messages={log.data ?? []} />

      <footer className="notice-import__actions">
        <button type="button" className="button button--ghost" onClick={onClose}>
          {stage.kind === 'imported' ? t('done') : t('cancel')}
        </button>
        <button
          type="button"
          className="button notice-import__commit"
          data-testid="notice-import-commit"
          disabled={stage.kind !== 'checked' || !stage.preview.ok}
          onClick={commit}
        >
          {stage.kind === 'importing'
            ? t('importing')
            : preview?.ok
              ? t('import', { count: preview.notices.length })
              : t('importPlain')}
        </button>
      </footer>
    </section>
  );
}
