import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { usePlantFormat } from '../../format/plantTime';
import { RevokeTokenDialog } from './RevokeTokenDialog';
import { TokenCreated } from './TokenCreated';
import type { CreatedPartnerToken, PartnerTokenRow } from './types';

const errorText = (caught: unknown) => (caught instanceof ApiCallError ? caught.message : String(caught));

/** The partner's ingest tokens: create one (its secret shown once), see its use, revoke it. */
export function PartnerTokens({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  const { t } = useTranslation('partners');
  const { formatDateTime } = usePlantFormat();
  const labelId = useId();
  const [tokens, setTokens] = useState<PartnerTokenRow[] | null>(null);
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<CreatedPartnerToken | null>(null);
  const [revoking, setRevoking] = useState<PartnerTokenRow | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    call('partnerTokens.list', { partnerId }).then(setTokens, (caught: unknown) =>
      setError(errorText(caught)),
    );
  }, [partnerId]);
  useEffect(reload, [reload]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      setCreated(await call('partnerTokens.create', { partnerId, label: label.trim() }));
      setLabel('');
      reload();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async () => {
    if (!revoking) return;
    setError(null);
    setBusy(true);
    try {
      await call('partnerTokens.revoke', { id: revoking.id });
      setRevoking(null);
      reload();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const active = tokens?.filter((token) => token.revokedAt === null).length ?? 0;
  return (
    <section
      className="panel partner-section"
      aria-labelledby="partner-tokens-title"
      data-testid="partner-tokens"
    >
      <header className="panel__head">
        <h2 className="panel__title" id="partner-tokens-title">
          {t('tokens.title')}
        </h2>
        <span className="panel__meta">{tokens ? t('tokens.count', { count: active }) : null}</span>
      </header>
      <div className="panel__body partner-tokens">
        <p className="partner-tokens__intro">{t('tokens.intro', { partner: partnerName })}</p>
        <form className="partner-tokens__create" onSubmit={create}>
          <label htmlFor={labelId} className="visually-hidden">
            {t('tokens.label')}
          </label>
          <input
            id={labelId}
            className="input partner-tokens__label"
            value={label}
            maxLength={80}
            required
            placeholder={t('tokens.labelPlaceholder')}
            onChange={(event) => setLabel(event.target.value)}
            data-testid="token-label"
          />
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || label.trim() === ''}
            data-testid="token-create"
          >
            {t('tokens.create')}
          </button>
        </form>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {created ? <TokenCreated created={created} onDone={() => setCreated(null)} /> : null}
        {tokens === null ? (
          <LoadingState />
        ) : tokens.length === 0 ? (
          <EmptyState title={t('tokens.none')} text={t('tokens.noneText')} />
        ) : (
          <div className="token-table-wrap">
            <table className="table token-table" aria-label={t('tokens.title')}>
              <thead>
                <tr>
                  <th scope="col">{t('tokens.label')}</th>
                  <th scope="col">{t('tokens.createdAt')}</th>
                  <th scope="col">{t('tokens.lastUsedAt')}</th>
                  <th scope="col">{t('tokens.state')}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr
                    key={token.id}
                    className="table__row"
                    data-testid="token-row"
                    data-token-id={token.id}
                    data-revoked={token.revokedAt !== null}
                  >
                    <td>{token.label}</td>
                    <td className="num">{formatDateTime(token.createdAt)}</td>
                    <td className="num">
                      {token.lastUsedAt === null ? (
                        <span className="faint">{t('tokens.never')}</span>
                      ) : (
                        formatDateTime(token.lastUsedAt)
                      )}
                    </td>
                    <td>
                      {token.revokedAt === null ? (
                        <span className="token-state">
                          <span className="token-state__badge token-state__badge--active">
                            {t('tokens.active')}
                          </span>
                          <button
                            type="button"
                            className="button button--ghost button--small"
                            onClick={() => setRevoking(token)}
                            data-testid="token-revoke"
                          >
                            {t('tokens.revoke')}
                          </button>
                        </span>
                      ) : (
                        <span className="cell-stack">
                          <span>
                            <span className="token-state__badge token-state__badge--revoked">
                              {t('tokens.revoked')}
                            </span>
                          </span>
                          <span className="cell-stack__sub num">{formatDateTime(token.revokedAt)}</span>
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <RevokeTokenDialog
        token={revoking}
        busy={busy}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      />
    </section>
  );
}
