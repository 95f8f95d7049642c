import { memo, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLateness, formatMinutes } from '../../format/duration';
import { usePlantFormat } from '../../format/plantTime';
import { clampToScale, type TimeScale } from '../docks/timeScale';
import type { PlacedOrder } from './ganttLayout';

const MINUTE = 60_000;

export interface OrderBarProps {
  placed: PlacedOrder;
  lineId: string;
  scale: TimeScale;
  selected: boolean;
  /** The one bar of the board that Tab reaches (roving focus). */
  tabStop: boolean;
  /** While dragged: how far the pointer has carried the bar, in pixels. */
  dragOffset: { x: number; y: number } | null;
  /** Stopped lines wait inside this order: the bar says so to a screen reader too. */
  waiting: boolean;
  onPointerDown: (event: PointerEvent<HTMLButtonElement>, placed: PlacedOrder, lineId: string) => void;
  onSelect: (orderId: string) => void;
}

/**
 * One order on its line: the setup before it (hatched), the bar from first to last unit with the
 * running order's progress, a padlock when it is frozen, and its due time as a tick underneath.
 */
export const OrderBar = memo(function OrderBar({
  placed,
  lineId,
  scale,
  selected,
  tabStop,
  dragOffset,
  waiting,
  onPointerDown,
  onSelect,
}: OrderBarProps) {
  const { t } = useTranslation('lines');
  const { formatDateTime, formatTime } = usePlantFormat();
  const { order, setupStart, start, end, open, preview, moved } = placed;
  const late = !preview && order.tardinessMinutes > 0;
  const progress = order.quantity > 0 ? Math.min(1, order.producedUnits / order.quantity) : 0;
  const shown = clampToScale(scale, start, end);
  const setup = start > setupStart ? clampToScale(scale, setupStart, start) : null;
  const dueX = scale.x(order.dueAt);
  const setupMinutes = Math.round((start - setupStart) / MINUTE);

  const label = [
    t('order.label', {
      id: order.id,
      product: order.productName,
      quantity: order.quantity,
      start: formatDateTime(start),
      end: open ? t('order.pastHorizon') : formatDateTime(end),
      due: formatDateTime(order.dueAt),
    }),
    order.status === 'running' ? t('order.produced', { produced: order.producedUnits }) : null,
    setupMinutes > 0 ? t('order.setup', { minutes: formatMinutes(setupMinutes) }) : null,
    late ? t('order.lateBy', { late: formatLateness(order.tardinessMinutes) }) : null,
    waiting ? t('order.waiting') : null,
    order.frozen ? t('order.frozenWhy') : null,
    preview ? t('order.preview') : null,
  ]
    .filter(Boolean)
    .join(' ');

  const classes = [
    'order-bar',
    `order-bar--${order.status}`,
    late ? 'order-bar--late' : '',
    order.frozen ? 'order-bar--frozen' : '',
    preview ? 'order-bar--preview' : '',
    moved ? 'order-bar--moved' : '',
    dragOffset ? 'order-bar--dragging' : '',
    open ? 'order-bar--open' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <>
      {setup ? (
        <span
          className={`order-setup${preview ? ' order-setup--preview' : ''}`}
          style={{ left: `${scale.x(setup.start)}%`, width: `${scale.width(setup.start, setup.end)}%` }}
          title={t('order.setupTitle', {
            minutes: formatMinutes(setupMinutes),
            from: formatTime(setupStart),
            product: order.productName,
          })}
          aria-hidden="true"
        />
      ) : null}
      {shown ? (
        <button
          type="button"
          className={classes}
          data-testid="order-bar"
          data-order-id={order.id}
          data-line-id={lineId}
          data-status={order.status}
          data-frozen={order.frozen}
          data-late={late}
          tabIndex={tabStop ? 0 : -1}
          aria-pressed={selected}
          aria-label={label}
          aria-roledescription={t('order.role')}
          title={label}
          style={{
            left: `${scale.x(shown.start)}%`,
            width: `${scale.width(shown.start, shown.end)}%`,
            transform: dragOffset ? `translate(${dragOffset.x}px, ${dragOffset.y}px)` : undefined,
          }}
          onPointerDown={(event) => onPointerDown(event, placed, lineId)}
          onClick={() => onSelect(order.id)}
        >
          {order.status === 'running' ? (
            <span className="order-bar__progress" style={{ width: `${progress * 100}%` }} />
          ) : null}
          <span className="order-bar__text">
            {order.frozen ? <span className="padlock" aria-hidden="true" /> : null}
            <span className="order-bar__product">{order.productName}</span>
            <span className="order-bar__quantity">
              {order.status === 'running' ? `${order.producedUnits}/${order.quantity}` : order.quantity}
            </span>
            {late ? <span className="order-bar__late">{formatLateness(order.tardinessMinutes)}</span> : null}
          </span>
        </button>
      ) : null}
      {dueX >= 0 && dueX <= 100 ? (
        <span
          className={`order-due${late ? ' order-due--late' : ''}${preview ? ' order-due--preview' : ''}`}
          style={{ left: `${dueX}%` }}
          title={t('order.due', { id: order.id, due: formatDateTime(order.dueAt) })}
          aria-hidden="true"
        />
      ) : null}
    </>
  );
});
