import './ViewerLinks.css';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../../src-main/api/contract';
import { ApiCallError, call } from '../../api/client';
import { usePlantTime } from '../../format/plantTime';
import { defaultViewerLinkBase, viewerLinkUrl } from './viewerLinkUrl';

type Link = ProcedureOutput<'viewerLinks.list'>[number];

const errorText = (caught: unknown) => (caught instanceof ApiCallError ? caught.message : String(caught));

/**
 * The desk's administration of viewer links: create one for a wall PC (its address with the token
 * is shown this once), see when each was last used, revoke. Never rendered for a viewer.
 */
export function ViewerLinksButton() {
  const { t } = useTranslation('viewerLinks');
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="viewer-links__open"
        data-testid="viewer-links-open"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {t('open')}
      </button>
      <dialog
        ref={dialog}
        className="viewer-links"
        aria-labelledby="viewer-links-title"
        data-testid="viewer-links"
        onClose={() => setOpen(false)}
      >
        {open ? <ViewerLinksPanel onClose={() => dialog.current?.close()} /> : null}
      </dialog>
    </>
  );
}

function ViewerLinksPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('viewerLinks');
  const { formatDateTime } = usePlantTime();
  const [links, setLinks] = useState<Link[]>([]);
  const [label, setLabel] = useState('');
  const [base, setBase] = useState(() => defaultViewerLinkBase(window.location));
  const [created, setCreated] = useState<{ label: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const urlField = useRef<HTMLInputElement>(null);

  const report = (caught: unknown) => setError(errorText(caught));
  const reload = useCallback(() => {
    call('viewerLinks.list', {}).then(setLinks, (caught: unknown) => setError(errorText(caught)));
  }, []);
  useEffect(reload, [reload]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const link = await call('viewerLinks.create', { label });
      setCreated({ label: link.label, token: link.token });
      setCopied(false);
      setLabel('');
      reload();
    } catch (caught) {
      report(caught);
    }
  };
  const revoke = async (id: string) => {
    setError(null);
    try {
      await call('viewerLinks.revoke', { id });
      reload();
    } catch (caught) {
      report(caught);
    }
  };
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // The clipboard API needs a secure context; over plain http on the LAN, select the text.
      urlField.current?.select();
    }
  };

  const url = created ? viewerLinkUrl(base, created.token) : null;
  return (
    <div className="viewer-links__panel">
      <header className="viewer-links__head">
        <h2 id="viewer-links-title">{t('title')}</h2>
        <button type="button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      <p className="viewer-links__intro">{t('intro')}</p>
      <label className="viewer-links__field">
        <span>{t('base')}</span>
        <input
          value={base}
          onChange={(event) => setBase(event.target.value)}
          data-testid="viewer-links-base"
        />
      </label>
      <form className="viewer-links__create" onSubmit={create}>
        <label className="viewer-links__field">
          <span>{t('label')}</span>
          <input
            value={label}
            maxLength={80}
            required
            placeholder={t('labelPlaceholder')}
            onChange={(event) => setLabel(event.target.value)}
            data-testid="viewer-links-label"
          />
        </label>
        <button type="submit" data-testid="viewer-links-create">
          {t('create')}
        </button>
      </form>
      {error ? (
        <p className="viewer-links__error" role="alert">
          {error}
        </p>
      ) : null}
      {created && url ? (
        <div className="viewer-links__created" data-testid="viewer-links-created">
          <p>{t('createdOnce', { label: created.label })}</p>
          <div className="viewer-links__url">
            <input ref={urlField} readOnly value={url} data-testid="viewer-links-url" />
            <button type="button" onClick={() => void copy(url)}>
              {copied ? t('copied') : t('copy')}
            </button>
          </div>
        </div>
      ) : null}
      <table className="viewer-links__list">
        <thead>
          <tr>
            <th>{t('label')}</th>
            <th>{t('createdAt')}</th>
            <th>{t('lastUsedAt')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {links.length === 0 ? (
            <tr>
              <td colSpan={4}>{t('none')}</td>
            </tr>
          ) : null}
          {links.map((link) => (
            <tr key={link.id} data-testid="viewer-link-row" data-revoked={link.revokedAt !== null}>
              <td>{link.label}</td>
              <td>{formatDateTime(link.createdAt)}</td>
              <td>{link.lastUsedAt === null ? t('never') : formatDateTime(link.lastUsedAt)}</td>
              <td>
                {link.revokedAt === null ? (
                  <button type="button" onClick={() => void revoke(link.id)}>
                    {t('revoke')}
                  </button>
                ) : (
                  t('revokedAt', { time: formatDateTime(link.revokedAt) })
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
