import './LinesView.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { usePlantTime } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';
import { NowLine, TimeAxis, TimeGrid } from '../docks/TimeAxis';
import { timeScale } from '../docks/timeScale';
import { LineRow } from './LineRow';
import { OrderDetails } from './OrderDetails';
import { estimateSchedule } from './orderSchedule';
import { StockShortages } from './StockShortages';
import { stripTicks } from './stripTicks';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A little of the past, so the running order and the last finished ones stay in view. */
const LOOK_BACK = 2 * HOUR;
const LOOK_AHEAD = 48 * HOUR;

/** Per line, its orders in sequence over the next 48 h; below, the parts under safety stock. */
export function LinesView() {
  const { t } = useTranslation('lines');
  const { now, timeZone } = usePlantTime();
  const [selectedOrderId, setSelectedOrderId] = useState<string | null>(null);
  const overview = useProcedure(
    'lines.overview',
    {},
    { refreshOn: ['orders.changed', 'plant.reset'], minIntervalMs: 2000 },
  );
  const stock = useProcedure(
    'parts.stock',
    {},
    { refreshOn: ['stock.changed', 'plant.reset'], minIntervalMs: 2000 },
  );

  // Estimates move by the minute; recomputing them on every clock tick would buy nothing.
  const minute = Math.floor(now / MINUTE) * MINUTE;
  const scale = useMemo(() => timeScale(minute - LOOK_BACK, minute + LOOK_AHEAD), [minute]);
  const ticks = useMemo(() => stripTicks(scale.from, scale.to, timeZone), [scale, timeZone]);

  const selected = useMemo(() => {
    if (!selectedOrderId || !overview.data) return null;
    for (const line of overview.data.lines) {
      const estimate = estimateSchedule(line, minute).find((entry) => entry.order.id === selectedOrderId);
      if (estimate) return { estimate, lineName: line.name };
    }
    return null;
  }, [selectedOrderId, overview.data, minute]);

  const toggle = useCallback((orderId: string) => {
    setSelectedOrderId((current) => (current === orderId ? null : orderId));
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setSelectedOrderId(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="lines-view" data-testid="lines-view">
      <h1 className="lines-view__title">{t('title')}</h1>
      {overview.error && !overview.data ? (
        <ErrorState error={overview.error} onRetry={overview.refetch} />
      ) : !overview.data ? (
        <LoadingState />
      ) : overview.data.lines.length === 0 ? (
        <EmptyState title={t('empty.title')} text={t('empty.text')} />
      ) : (
        <section className="lines-board" aria-label={t('board.label')}>
          <div className="lines-board__head">
            <div className="lines-board__corner">{t('board.line')}</div>
            <TimeAxis scale={scale} ticks={ticks} />
          </div>
          <div className="lines-board__body">
            <div className="lines-board__grid">
              <TimeGrid scale={scale} ticks={ticks} />
            </div>
            <ul className="lines-board__rows">
              {overview.data.lines.map((line) => (
                <LineRow
                  key={line.id}
                  line={line}
                  now={minute}
                  scale={scale}
                  selectedOrderId={selectedOrderId}
                  onSelect={toggle}
                />
              ))}
            </ul>
            <div className="lines-board__grid">
              <NowLine scale={scale} now={minute} />
            </div>
          </div>
        </section>
      )}
      {selected ? (
        <OrderDetails
          estimate={selected.estimate}
          lineName={selected.lineName}
          onClose={() => setSelectedOrderId(null)}
        />
      ) : null}
      {stock.data ? (
        <StockShortages parts={stock.data} />
      ) : stock.error ? (
        <ErrorState error={stock.error} onRetry={stock.refetch} />
      ) : null}
    </div>
  );
}
