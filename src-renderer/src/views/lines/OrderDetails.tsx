import { useTranslation } from 'react-i18next';
import { formatLateness, formatMinutes } from '../../format/duration';
import { usePlantFormat } from '../../format/plantTime';
import { eligibleLinesOf } from './draftSequence';
import type { PlacedOrder } from './ganttLayout';
import type { PredictedStoppage } from './types';

/** The selected order in figures: what the bar only hints at, and why it may not move. */
export function OrderDetails({
  placed,
  lineName,
  position,
  stoppages,
  lineNames,
  onClose,
}: {
  placed: PlacedOrder;
  lineName: string;
  position: number;
  stoppages: readonly PredictedStoppage[];
  lineNames: ReadonlyMap<string, string>;
  onClose: () => void;
}) {
  const { t } = useTranslation('lines');
  const { formatDateTime } = usePlantFormat();
  const { order } = placed;
  const setupMinutes = Math.round((placed.start - placed.setupStart) / 60_000);
  const waiting = stoppages.filter((stoppage) => stoppage.orderId === order.id);
  const delayed = stoppages.filter(
    (stoppage) => stoppage.orderId !== order.id && stoppage.ordersAffected.includes(order.id),
  );
  const eligible = eligibleLinesOf(order);
  const facts: [string, string][] = [
    [t('details.line'), lineName],
    [t('details.position'), String(position)],
    [t('details.status'), t(`status.${order.status}`)],
    [t('details.progress'), `${order.producedUnits} / ${order.quantity}`],
    [
      t('details.setup'),
      setupMinutes > 0
        ? `${formatDateTime(placed.setupStart)} · ${formatMinutes(setupMinutes)}`
        : t('details.noSetup'),
    ],
    [t('details.start'), formatDateTime(placed.start)],
    [t('details.end'), placed.open ? t('order.pastHorizon') : formatDateTime(placed.end)],
    [t('details.due'), formatDateTime(order.dueAt)],
    [
      t('details.lateness'),
      order.tardinessMinutes > 0 ? formatLateness(order.tardinessMinutes) : t('head.onTime'),
    ],
    [t('details.frozen'), order.frozen ? t('details.frozenYes') : t('details.no')],
  ];
  if (eligible) facts.push([t('details.eligible'), eligible.map((id) => lineNames.get(id) ?? id).join(', ')]);
  return (
    <section
      className="panel order-details"
      data-testid="order-details"
      aria-labelledby="order-details-title"
    >
      <header className="panel__head">
        <h2 id="order-details-title" className="panel__title">
          {order.productName} <span className="mono muted">{order.id}</span>
          {placed.preview ? <span className="order-details__preview">{t('details.preview')}</span> : null}
        </h2>
        <button
          type="button"
          className="icon-button icon-button--plain"
          onClick={onClose}
          aria-label={t('details.close')}
        >
          ×
        </button>
      </header>
      <dl className="order-details__facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {waiting.length > 0 ? (
        <p className="order-details__waiting">
          {t('details.waiting', {
            list: waiting.map((stoppage) => `${stoppage.partId} (${stoppage.lineName})`).join(', '),
          })}
        </p>
      ) : null}
      {delayed.length > 0 ? (
        <p className="order-details__waiting">
          {t('details.delayed', {
            list: delayed.map((stoppage) => `${stoppage.partId} (${stoppage.lineName})`).join(', '),
          })}
        </p>
      ) : null}
      {!order.frozen ? <p className="order-details__hint">{t('details.moveHint')}</p> : null}
    </section>
  );
}
