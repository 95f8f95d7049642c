import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '../../../../src-main/db/schema';
import { StatusBadge } from '../../components/StatusBadge';
import { DELIVERY_STATUSES } from '../../components/statusTones';
import { formatMinutes } from '../../format/duration';
import { usePlantFormat } from '../../format/plantTime';
import { DockStepChange, isDockStep } from './DockStepChange';
import type { DeliveryHistoryEntry } from './types';

function asStatus(value: unknown): DeliveryStatus | null {
  return typeof value === 'string' && (DELIVERY_STATUSES as readonly string[]).includes(value)
    ? (value as DeliveryStatus)
    : null;
}

/** The entry's headline: the kind of change in the plant's words, or the raw kind if unknown. */
function kindLabel(kind: string, t: TFunction<'deliveries'>) {
  return t(`history.kind.${kind}`, { defaultValue: kind });
}

function Change({ entry }: { entry: DeliveryHistoryEntry }) {
  const details = entry.details;
  if (!details) return null;
  if (isDockStep(entry.kind)) return <DockStepChange kind={entry.kind} details={details} />;
  const from = asStatus(details.from);
  const to = asStatus(details.to);
  if (from || to) {
    return (
      <span className="history__change">
        {from ? <StatusBadge status={from} /> : null}
        {from && to ? <span aria-hidden="true">→</span> : null}
        {to ? <StatusBadge status={to} /> : null}
      </span>
    );
  }
  if (details.from !== undefined || details.to !== undefined) {
    return (
      <span className="history__change">
        {String(details.from ?? '–')} → {String(details.to ?? '–')}
      </span>
    );
  }
  if (entry.kind === 'delivery.disrupted' && typeof details.kind === 'string') {
    return <Disruption kind={details.kind} minutes={details.minutes} />;
  }
  return typeof details.note === 'string' ? <span className="history__note">{details.note}</span> : null;
}

function Disruption({ kind, minutes }: { kind: string; minutes: unknown }) {
  const { t } = useTranslation('deliveries');
  return (
    <span className="history__change">
      {t(`history.disruption.${kind}`, { defaultValue: kind })}
      {typeof minutes === 'number' ? <span className="num"> · +{formatMinutes(minutes)}</span> : null}
    </span>
  );
}

/** Who did it: known system actors in words, people and partners as recorded. */
function actorLabel(actor: string, t: TFunction<'deliveries'>) {
  return /^\w+$/.test(actor) ? t(`history.actor.${actor}`, { defaultValue: actor }) : actor;
}

/** The audit trail from the event log, oldest first, as a vertical timeline. */
export function StatusHistory({ history }: { history: readonly DeliveryHistoryEntry[] }) {
  const { t } = useTranslation('deliveries');
  const { formatDateTime } = usePlantFormat();
  return (
    <section className="detail-section">
      <h3 className="detail-section__title">{t('history.title')}</h3>
      {history.length === 0 ? (
        <p className="faint">{t('history.empty')}</p>
      ) : (
        <ol className="history">
          {history.map((entry) => (
            <li
              key={entry.id}
              className="history__entry"
              data-testid="status-history-entry"
              data-kind={entry.kind}
            >
              <span className="history__dot" aria-hidden="true" />
              <time className="history__time num" dateTime={new Date(entry.at).toISOString()}>
                {formatDateTime(entry.at)}
              </time>
              <div className="history__body">
                <span className="history__kind">{kindLabel(entry.kind, t)}</span>
                <Change entry={entry} />
                <span className="history__actor">
                  {t('history.by', { actor: actorLabel(entry.actor, t) })}
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
