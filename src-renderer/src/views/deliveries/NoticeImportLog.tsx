import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../../src-main/api/contract';
import { usePlantFormat } from '../../format/plantTime';

type Message = ProcedureOutput<'notices.messages'>[number];

/** The plant's audit of incoming notices, newest first: what came in, and what became of it. */
export function NoticeImportLog({ messages }: { messages: Message[] }) {
  const { t } = useTranslation('notices');
  const format = usePlantFormat();
  if (!messages.length) return null;
  return (
    <details className="notice-import__log" data-testid="notice-log">
      <summary>{t('log.title')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('log.received')}</th>
            <th scope="col">{t('log.from')}</th>
            <th scope="col">{t('log.notices')}</th>
            <th scope="col">{t('log.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((message) => (
            <tr key={message.id}>
              <td>{format.formatDateTime(message.receivedAt)}</td>
              <td>
                {message.fileName ?? message.partnerName ?? t(`log.source.${message.source}`)}{' '}
                <span className="notice-import__muted">{message.format.toUpperCase()}</span>
              </td>
              <td>{message.noticeNumbers.join(', ') || '–'}</td>
              <td>
                <span className={`notice-import__outcome notice-import__outcome--${message.outcome}`}>
                  {t(`log.outcomes.${message.outcome}`)}
                </span>
                {message.error ? <div className="notice-import__muted">{message.error}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
