import { memo, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlantFormat } from '../../format/plantTime';
import { clampToScale, type TimeScale } from '../docks/timeScale';
import { CoverageBand } from './CoverageBand';
import type { BandSegment } from './coverageBand';
import type { LineLayout, PlacedOrder } from './ganttLayout';
import { LineHead } from './LineHead';
import { OrderBar } from './OrderBar';
import { StoppageMarker } from './StoppageMarker';
import type { CoverageLine, PredictedStoppage } from './types';
import type { DragState } from './useOrderDrag';

export interface LineRowProps {
  line: CoverageLine;
  layout: LineLayout;
  stoppages: readonly PredictedStoppage[];
  /** Stoppages of the draft: drawn instead of the plan's while a draft is open. */
  previewStoppages: boolean;
  band: readonly BandSegment[];
  /** End of the line's frozen orders: the part of its plan that no longer changes. */
  frozenUntil: number | null;
  now: number;
  scale: TimeScale;
  selectedOrderId: string | null;
  selectedPartId: string | null;
  focusOrderId: string | null;
  drag: DragState | null;
  onPointerDown: (event: PointerEvent<HTMLButtonElement>, placed: PlacedOrder, lineId: string) => void;
  onSelectOrder: (orderId: string) => void;
  onOpenPart: (partId: string) => void;
}

/** One line: what it does now on the left; across, its next 48 hours and how well it is covered. */
export const LineRow = memo(function LineRow({
  line,
  layout,
  stoppages,
  previewStoppages,
  band,
  frozenUntil,
  now,
  scale,
  selectedOrderId,
  selectedPartId,
  focusOrderId,
  drag,
  onPointerDown,
  onSelectOrder,
  onOpenPart,
}: LineRowProps) {
  const { t } = useTranslation('lines');
  const { formatTime } = usePlantFormat();
  const frozen = frozenUntil !== null ? clampToScale(scale, Math.min(now, frozenUntil), frozenUntil) : null;
  const target = drag?.target?.lineId === line.id ? drag.target : null;
  const refused = drag?.refusedLine === line.id;
  const stopping = stoppages.some((stoppage) => stoppage.end > scale.from && stoppage.start < scale.to);
  return (
    <li
      className={`line-row${stopping ? ' line-row--stopping' : ''}${target ? ' line-row--drop' : ''}${refused ? ' line-row--refused' : ''}`}
      data-testid="line-row"
      data-line-id={line.id}
      aria-label={line.name}
    >
      <LineHead line={line} stoppages={stoppages} onOpenPart={onOpenPart} />
      <div className="line-lane">
        {frozen ? (
          <span
            className="line-lane__frozen"
            style={{ left: `${scale.x(frozen.start)}%`, width: `${scale.width(frozen.start, frozen.end)}%` }}
            title={t('frozen.zone', { until: formatTime(frozenUntil) })}
            aria-hidden="true"
          />
        ) : null}
        {layout.placed.map((placed) => (
          <OrderBar
            key={placed.order.id}
            placed={placed}
            lineId={line.id}
            scale={scale}
            selected={placed.order.id === selectedOrderId}
            tabStop={placed.order.id === focusOrderId}
            dragOffset={drag?.orderId === placed.order.id ? drag.offset : null}
            waiting={stoppages.some((stoppage) => stoppage.orderId === placed.order.id)}
            onPointerDown={onPointerDown}
            onSelect={onSelectOrder}
          />
        ))}
        {stoppages.map((stoppage) => (
          <StoppageMarker
            key={stoppage.id}
            stoppage={stoppage}
            scale={scale}
            preview={previewStoppages}
            selected={stoppage.partId === selectedPartId}
            onOpen={onOpenPart}
          />
        ))}
        {target ? (
          <span className="line-lane__insert" style={{ left: `${target.x}%` }} aria-hidden="true" />
        ) : null}
        {layout.beyond > 0 ? (
          <span className="line-lane__beyond">{t('lane.beyond', { count: layout.beyond })}</span>
        ) : null}
      </div>
      <CoverageBand segments={band} scale={scale} lineName={line.name} />
    </li>
  );
});
