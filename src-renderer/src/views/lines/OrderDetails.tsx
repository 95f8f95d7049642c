import { useTranslation } from 'react-i18next';
import { formatLateness } from '../../format/duration';
import { usePlantFormat } from '../../format/plantTime';
import type { EstimatedOrder } from './orderSchedule';

/** The selected order in figures: what the bar only hints at. */
export function OrderDetails({
  estimate,
  lineName,
  onClose,
}: {
  estimate: EstimatedOrder;
  lineName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('lines');
  const { formatDateTime } = usePlantFormat();
  const { order } = estimate;
  const facts: [string, string][] = [
    [t('details.line'), lineName],
    [t('details.status'), t(`status.${order.status}`)],
    [t('details.sequence'), String(order.sequence)],
    [t('details.progress'), `${order.producedUnits} / ${order.quantity}`],
    // Finished orders show what happened, the others what is expected.
    [t(order.status === 'done' ? 'details.started' : 'details.start'), formatDateTime(estimate.start)],
    [t(order.status === 'done' ? 'details.completed' : 'details.end'), formatDateTime(estimate.end)],
    [t('details.due'), formatDateTime(order.dueAt)],
    [
      t('details.lateness'),
      estimate.minutesLate === null
        ? '–'
        : estimate.minutesLate > 0
          ? formatLateness(estimate.minutesLate)
          : t('line.onTime'),
    ],
    [t('details.frozen'), order.frozen ? t('details.yes') : t('details.no')],
  ];
  return (
    <section className="order-details" data-testid="order-details" aria-labelledby="order-details-title">
      <header className="order-details__head">
        <h2 id="order-details-title">
          {order.productName} <span className="mono muted">{order.id}</span>
        </h2>
        <button
          type="button"
          className="order-details__close"
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
    </section>
  );
}
