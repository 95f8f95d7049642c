import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerTokenRow } from './types';

/**
 * Asks before a token is revoked: the devices using it are refused from their next request on.
 * showModal focuses the first button, Cancel, so Enter never revokes by accident; Escape cancels.
 */
export function RevokeTokenDialog({
  token,
  busy,
  onConfirm,
  onCancel,
}: {
  token: PartnerTokenRow | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('partners');
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (token && !element.open) element.showModal();
    if (!token && element.open) element.close();
  }, [token]);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="revoke-token-title"
      aria-describedby="revoke-token-text"
      onClose={onCancel}
      data-testid="token-revoke-dialog"
    >
      {token ? (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            onConfirm();
          }}
        >
          <h2 id="revoke-token-title" className="confirm-dialog__title">
            {t('tokens.revokeTitle', { label: token.label })}
          </h2>
          <p id="revoke-token-text" className="confirm-dialog__text">
            {t('tokens.revokeText')}
          </p>
          <div className="confirm-dialog__actions">
            <button type="button" className="button" onClick={onCancel}>
              {t('tokens.cancel')}
            </button>
            <button
              type="submit"
              className="button button--danger"
              disabled={busy}
              data-testid="token-revoke-confirm"
            >
              {t('tokens.revokeConfirm')}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
