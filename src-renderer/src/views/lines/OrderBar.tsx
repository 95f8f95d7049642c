import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLateness } from '../../format/duration';
import { usePlantFormat } from '../../format/plantTime';
import { clampToScale, type TimeScale } from '../docks/timeScale';
import type { EstimatedOrder } from './orderSchedule';

export interface OrderBarProps {
  estimate: EstimatedOrder;
  scale: TimeScale;
  selected: boolean;
  onSelect: (orderId: string) => void;
}

/** One order on its line's strip: estimated start to end, progress, due time, lateness. */
export const OrderBar = memo(function OrderBar({ estimate, scale, selected, onSelect }: OrderBarProps) {
  const { t } = useTranslation('lines');
  const { formatDateTime } = usePlantFormat();
  const { order, start, end, minutesLate } = estimate;
  const late = minutesLate !== null && minutesLate > 0;
  const progress = order.quantity > 0 ? Math.min(1, order.producedUnits / order.quantity) : 0;
  const dueX = scale.x(order.dueAt);
  // An order that began before the strip starts at its left edge, so its name stays readable.
  const shown = clampToScale(scale, start, end) ?? { start, end };
  const label = t('order.label', {
    product: order.productName,
    quantity: order.quantity,
    start: formatDateTime(start),
    end: formatDateTime(end),
    due: formatDateTime(order.dueAt),
  });
  return (
    <>
      <button
        type="button"
        className={`order-bar order-bar--${order.status}${late ? ' order-bar--late' : ''}${order.frozen ? ' order-bar--frozen' : ''}`}
        data-testid="order-bar"
        data-order-id={order.id}
        data-status={order.status}
        data-late={late}
        aria-pressed={selected}
        aria-label={late ? `${label} ${t('order.lateBy', { late: formatLateness(minutesLate) })}` : label}
        title={label}
        style={{ left: `${scale.x(shown.start)}%`, width: `${scale.width(shown.start, shown.end)}%` }}
        onClick={() => onSelect(order.id)}
      >
        {order.status === 'running' ? (
          <span className="order-bar__progress" style={{ width: `${progress * 100}%` }} />
        ) : null}
        <span className="order-bar__text">
          {order.frozen ? <span className="order-bar__frozen" title={t('order.frozen')} /> : null}
          <span className="order-bar__product">{order.productName}</span>
          <span className="order-bar__quantity">{order.quantity}</span>
          {late ? <span className="order-bar__late">{formatLateness(minutesLate)}</span> : null}
        </span>
      </button>
      {order.status !== 'done' && dueX >= 0 && dueX <= 100 ? (
        <span
          className={`order-due${late ? ' order-due--late' : ''}`}
          style={{ left: `${dueX}%` }}
          aria-hidden="true"
          title={t('order.due', { due: formatDateTime(order.dueAt) })}
        />
      ) : null}
    </>
  );
});
