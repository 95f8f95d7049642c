import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLateness } from '../../format/duration';
import { usePlantFormat } from '../../format/plantTime';
import { clampToScale, type TimeScale } from '../docks/timeScale';
import { OrderBar } from './OrderBar';
import { estimateSchedule, type ProductionLine } from './orderSchedule';

export interface LineRowProps {
  line: ProductionLine;
  now: number;
  scale: TimeScale;
  selectedOrderId: string | null;
  onSelect: (orderId: string) => void;
}

/** One line: its current order's progress on the left, its sequence across the next 48 h. */
export const LineRow = memo(function LineRow({ line, now, scale, selectedOrderId, onSelect }: LineRowProps) {
  const { t } = useTranslation('lines');
  const { formatDateTime } = usePlantFormat();
  const schedule = useMemo(() => estimateSchedule(line, now), [line, now]);
  const current = schedule.find((estimate) => estimate.order.status === 'running');
  const visible = schedule.filter((estimate) => clampToScale(scale, estimate.start, estimate.end) !== null);
  const beyond = schedule.filter((estimate) => estimate.start >= scale.to).length;
  const lateCount = schedule.filter((estimate) => (estimate.minutesLate ?? 0) > 0).length;
  return (
    <li className="line-row" data-testid="line-row" data-line-id={line.id}>
      <div className="line-row__head">
        <div className="line-row__title">
          <span className="line-row__name">{line.name}</span>
          {lateCount > 0 ? (
            <span className="line-row__late-count">{t('line.lateOrders', { count: lateCount })}</span>
          ) : null}
        </div>
        {current ? (
          <div className="line-row__current">
            <div className="line-row__product">
              {current.order.productName}
              <span className="line-row__numbers">
                {current.order.producedUnits} / {current.order.quantity}
              </span>
            </div>
            <progress
              className="line-row__progress"
              max={current.order.quantity}
              value={current.order.producedUnits}
              aria-label={t('line.progress')}
            />
            <div className="line-row__due">
              {t('line.due', { due: formatDateTime(current.order.dueAt) })}
              {(current.minutesLate ?? 0) > 0 ? (
                <span className="line-row__lateness">{formatLateness(current.minutesLate)}</span>
              ) : (
                <span className="line-row__on-time">{t('line.onTime')}</span>
              )}
            </div>
          </div>
        ) : (
          <div className="line-row__idle">{t('line.idle')}</div>
        )}
      </div>
      <div className="line-row__strip">
        {visible.map((estimate) => (
          <OrderBar
            key={estimate.order.id}
            estimate={estimate}
            scale={scale}
            selected={estimate.order.id === selectedOrderId}
            onSelect={onSelect}
          />
        ))}
        {beyond > 0 ? <span className="line-row__beyond">{t('line.beyond', { count: beyond })}</span> : null}
      </div>
    </li>
  );
});
