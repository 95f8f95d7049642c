import './PartnerOutbox.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { usePlantFormat } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';
import { type PartnerChannel, PartnerChannelForm } from './PartnerChannelForm';

const STATUS_TONE = { queued: 'info', sending: 'transit', sent: 'ok', failed: 'bad' } as const;

/**
 * A partner's notices out: its channels (webhook, e-mail) and its communication log, with what
 * failed and why, and a button to send a failed notice again. Rendered in the partner detail.
 */
export function PartnerOutbox({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('partnerNotices');
  const { formatDateTime } = usePlantFormat();
  const [editing, setEditing] = useState<PartnerChannel | 'new' | null>(null);
  const [retryError, setRetryError] = useState<string | null>(null);
  const refresh = { refreshOn: ['notices.changed' as const], minIntervalMs: 1000 };
  const channels = useProcedure('partnerNotices.channels', { partnerId }, refresh);
  const log = useProcedure('partnerNotices.log', { partnerId, limit: 100 }, refresh);

  async function retry(id: string) {
    setRetryError(null);
    try {
      await call('partnerNotices.retry', { id });
      log.refetch();
    } catch (caught) {
      setRetryError(caught instanceof ApiCallError ? caught.message : String(caught));
    }
  }

  return (
    <section
      className="panel partner-section outbox"
      aria-labelledby="partner-outbox-title"
      data-testid="partner-outbox"
    >
      <header className="panel__head">
        <h2 className="panel__title" id="partner-outbox-title">
          {t('title')}
        </h2>
        <span className="panel__meta">
          {log.data && log.data.failed > 0 ? t('failedCount', { count: log.data.failed }) : null}
        </span>
      </header>
      <div className="panel__body">
        <div className="outbox__head">
          <h3>{t('channels')}</h3>
          {editing === null ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => setEditing('new')}
              data-testid="outbox-add-channel"
            >
              {t('addChannel')}
            </button>
          ) : null}
        </div>
        {channels.error ? <ErrorState error={channels.error} onRetry={channels.refetch} /> : null}
        {channels.loading && !channels.data ? <LoadingState /> : null}
        {editing !== null && channels.data ? (
          <PartnerChannelForm
            partnerId={partnerId}
            defaultLanguage={channels.data.defaultLanguage}
            channel={editing === 'new' ? undefined : editing}
            onSaved={() => {
              setEditing(null);
              channels.refetch();
            }}
            onCancel={() => setEditing(null)}
          />
        ) : null}
        {channels.data && channels.data.channels.length === 0 && editing === null ? (
          <p className="faint">{t('noChannelsText')}</p>
        ) : null}
        {channels.data && channels.data.channels.length > 0 ? (
          <ul className="outbox__channels">
            {channels.data.channels.map((channel) => (
              <li
                key={channel.id}
                className="outbox__channel"
                data-enabled={channel.enabled}
                data-testid="outbox-channel"
              >
                <span className="outbox__channel-kind">{t(`kind.${channel.kind}`)}</span>
                <span className="outbox__address">{channel.address}</span>
                <span>{t(`languages.${channel.language}`)}</span>
                <span>{channel.enabled ? t('enabled') : t('disabled')}</span>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => setEditing(channel)}
                >
                  {t('edit')}
                </button>
              </li>
            ))}
          </ul>
        ) : null}

        <h3>{t('log')}</h3>
        {retryError ? (
          <p className="form-error" role="alert">
            {retryError}
          </p>
        ) : null}
        {log.error ? <ErrorState error={log.error} onRetry={log.refetch} /> : null}
        {log.loading && !log.data ? <LoadingState /> : null}
        {log.data && log.data.messages.length === 0 ? <p className="faint">{t('noMessages')}</p> : null}
        {log.data && log.data.messages.length > 0 ? (
          <table className="table outbox__log" aria-label={t('log')}>
            <thead>
              <tr>
                <th scope="col">{t('column.time')}</th>
                <th scope="col">{t('column.kind')}</th>
                <th scope="col">{t('column.channel')}</th>
                <th scope="col">{t('column.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('column.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {log.data.messages.map((message) => (
                <tr
                  key={message.id}
                  className="table__row"
                  data-status={message.status}
                  data-testid="outbox-message"
                >
                  <td className="num">{formatDateTime(message.sentAt ?? message.createdAt)}</td>
                  <td>
                    <span title={message.subject}>{t(`notice.${message.kind}`)}</span>
                    {message.deliveryId ? (
                      <span className="outbox__delivery"> {message.deliveryId}</span>
                    ) : null}
                  </td>
                  <td>
                    {t(`kind.${message.channel}`)} <span className="outbox__address">{message.address}</span>
                  </td>
                  <td>
                    <span className={`badge badge--${STATUS_TONE[message.status]}`}>
                      <span className="badge__dot" aria-hidden="true" />
                      <span className="badge__label">{t(`status.${message.status}`)}</span>
                      <span className="badge__detail">{t('attempts', { count: message.attempts })}</span>
                    </span>
                    {message.lastError && message.status !== 'sent' ? (
                      <div className="outbox__error">
                        {message.lastError}
                        {message.status === 'queued' && message.nextAttemptAt
                          ? ` · ${t('nextAttempt', { time: formatDateTime(message.nextAttemptAt) })}`
                          : ''}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {message.status === 'failed' ? (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => void retry(message.id)}
                        data-testid="outbox-retry"
                      >
                        {t('retry')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </section>
  );
}
