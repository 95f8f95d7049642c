import {
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { NowLine, TimeAxis, TimeGrid } from '../docks/TimeAxis';
import type { TimeScale } from '../docks/timeScale';
import type { BandSegment } from './coverageBand';
import { type MoveRefusal, mayRunOn, type OrderPlace, type Sequence } from './draftSequence';
import type { LineLayout } from './ganttLayout';
import { LineRow } from './LineRow';
import type { CoverageLine, PredictedStoppage } from './types';
import { insertionAt, useOrderDrag } from './useOrderDrag';

export interface MoveRequest {
  orderId: string;
  toLine: string;
  toIndex: number;
}

export interface GanttBoardProps {
  lines: readonly CoverageLine[];
  layouts: ReadonlyMap<string, LineLayout>;
  stoppagesByLine: ReadonlyMap<string, PredictedStoppage[]>;
  previewStoppages: boolean;
  bands: ReadonlyMap<string, BandSegment[]>;
  frozenUntil: ReadonlyMap<string, number | null>;
  sequence: Sequence;
  places: ReadonlyMap<string, OrderPlace>;
  /** Some order tells which other lines it may run on: dragging across lines is possible. */
  crossLine: boolean;
  scale: TimeScale;
  ticks: readonly number[];
  /** Hours that fill the visible width; fewer than the scale's span makes the board scroll sideways. */
  visibleHours: number;
  /** Controls for the corner above the line column (the zoom). */
  corner?: ReactNode;
  now: number;
  selectedOrderId: string | null;
  selectedPartId: string | null;
  onSelectOrder: (orderId: string | null) => void;
  onOpenPart: (partId: string) => void;
  /** Returns why a move was refused, or null when it is in the draft. */
  onMove: (request: MoveRequest) => MoveRefusal | null;
  onRefuse: (orderId: string, reason: MoveRefusal, lineId: string) => void;
}

/**
 * The lines as a Gantt board. Keyboard: one tab stop; arrows walk the bars, Alt+arrows move the
 * focused order (←/→ earlier or later; ↑/↓ to the neighbouring line where it may run, else like
 * ←/→), Enter opens its details, Escape closes them.
 */
export function GanttBoard(props: GanttBoardProps) {
  const { t } = useTranslation('lines');
  const { lines, layouts, sequence, places, scale, ticks, now, onMove, onRefuse, onSelectOrder } = props;
  const boardRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const spanHours = (scale.to - scale.from) / 3_600_000;
  const widthFactor = Math.max(1, spanHours / props.visibleHours);

  // Zoomed in, the board scrolls so that now stands near the left edge, past the look-back; only
  // when the zoom changes, so the planner's own scrolling stays where it is.
  const latestScale = useRef({ scale, now });
  latestScale.current = { scale, now };
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller || widthFactor <= 1) return;
    const lane = scroller.querySelector<HTMLElement>('.line-lane');
    if (!lane) return;
    const { scale: current, now: at } = latestScale.current;
    const nowX = ((at - current.from) / (current.to - current.from)) * lane.offsetWidth;
    // The look-back stays in view left of now, as wide as it is on the whole-horizon board.
    const lookBack = ((at - current.from) / (current.to - current.from)) * widthFactor;
    scroller.scrollLeft = Math.max(0, nowX - (scroller.clientWidth - lane.offsetLeft) * lookBack);
  }, [widthFactor]);
  const [focusId, setFocusId] = useState<string | null>(null);
  const refocus = useRef<string | null>(null);

  const onDrop = useCallback(
    (orderId: string, toLine: string, toIndex: number) => {
      if (onMove({ orderId, toLine, toIndex }) === null) refocus.current = orderId;
    },
    [onMove],
  );
  const { drag, onPointerDown, consumeClick } = useOrderDrag({
    boardRef,
    scale,
    layouts,
    sequence,
    places,
    onDrop,
    onRefuse,
  });

  /** Bars in the order the eye reads them: per line, left to right. */
  const barsByLine = useMemo(
    () =>
      lines.map((line) => ({
        lineId: line.id,
        bars: (layouts.get(line.id)?.placed ?? [])
          .filter((placed) => placed.end > scale.from && placed.start < scale.to)
          .sort((a, b) => a.start - b.start),
      })),
    [lines, layouts, scale],
  );
  const allIds = useMemo(
    () => barsByLine.flatMap((entry) => entry.bars.map((bar) => bar.order.id)),
    [barsByLine],
  );
  const tabStop =
    focusId && allIds.includes(focusId) ? focusId : (props.selectedOrderId ?? allIds[0] ?? null);

  // A moved bar may be re-created in another row: give it the focus back after the render.
  useLayoutEffect(() => {
    const id = refocus.current;
    if (!id) return;
    const bar = boardRef.current?.querySelector<HTMLElement>(
      `[data-testid="order-bar"][data-order-id="${CSS.escape(id)}"]`,
    );
    if (bar && document.activeElement !== bar) bar.focus();
    if (bar) refocus.current = null;
  });

  const focusBar = (id: string | undefined) => {
    if (!id) return;
    setFocusId(id);
    boardRef.current
      ?.querySelector<HTMLElement>(`[data-testid="order-bar"][data-order-id="${CSS.escape(id)}"]`)
      ?.focus();
  };

  const moveBy = (orderId: string, lineId: string, step: number) => {
    const ids = sequence[lineId] ?? [];
    const index = ids.indexOf(orderId);
    const toIndex = index + step;
    if (toIndex < 0 || toIndex >= ids.length) {
      onRefuse(orderId, 'unchanged', lineId);
      return;
    }
    if (onMove({ orderId, toLine: lineId, toIndex }) === null) refocus.current = orderId;
  };

  const moveAcross = (orderId: string, lineId: string, direction: 1 | -1) => {
    const place = places.get(orderId);
    if (!place) return;
    const order = lines.findIndex((line) => line.id === lineId);
    for (let index = order + direction; index >= 0 && index < lines.length; index += direction) {
      const target = lines[index];
      if (!target || !mayRunOn(place, target.id)) continue;
      const placed = layouts.get(lineId)?.placed.find((entry) => entry.order.id === orderId);
      const others = (sequence[target.id] ?? []).filter((id) => id !== orderId);
      const placedById = new Map(
        (layouts.get(target.id)?.placed ?? []).map((entry) => [entry.order.id, entry] as const),
      );
      const { index: toIndex } = insertionAt(placed?.start ?? now, others, placedById, places);
      if (onMove({ orderId, toLine: target.id, toIndex }) === null) refocus.current = orderId;
      return;
    }
    onRefuse(orderId, 'notEligible', lineId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const bar = (event.target as HTMLElement).closest<HTMLElement>('[data-testid="order-bar"]');
    const orderId = bar?.dataset.orderId;
    const lineId = bar?.dataset.lineId;
    if (!orderId || !lineId) {
      if (event.key === 'Escape') onSelectOrder(null);
      return;
    }
    const row = barsByLine.findIndex((entry) => entry.lineId === lineId);
    const bars = barsByLine[row]?.bars ?? [];
    const position = bars.findIndex((placed) => placed.order.id === orderId);
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    if (event.altKey && !event.ctrlKey && !event.metaKey) {
      const arrow = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key);
      if (arrow && bar?.dataset.status === 'done') {
        handled();
        onRefuse(orderId, 'done', lineId);
      } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        handled();
        moveBy(orderId, lineId, event.key === 'ArrowLeft' ? -1 : 1);
      } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
        handled();
        if (props.crossLine) moveAcross(orderId, lineId, event.key === 'ArrowUp' ? -1 : 1);
        else moveBy(orderId, lineId, event.key === 'ArrowUp' ? -1 : 1);
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowRight': {
        handled();
        focusBar(bars[position + (event.key === 'ArrowLeft' ? -1 : 1)]?.order.id);
        break;
      }
      case 'ArrowUp':
      case 'ArrowDown': {
        handled();
        const current = bars[position];
        const next = barsByLine[row + (event.key === 'ArrowUp' ? -1 : 1)]?.bars ?? [];
        const middle = current ? (current.start + current.end) / 2 : now;
        const nearest = [...next].sort(
          (a, b) => Math.abs((a.start + a.end) / 2 - middle) - Math.abs((b.start + b.end) / 2 - middle),
        )[0];
        focusBar(nearest?.order.id);
        break;
      }
      case 'Home':
        handled();
        focusBar(bars[0]?.order.id);
        break;
      case 'End':
        handled();
        focusBar(bars.at(-1)?.order.id);
        break;
      case 'Escape':
        onSelectOrder(null);
        break;
    }
  };

  const onSelect = useCallback(
    (orderId: string) => {
      if (consumeClick()) return;
      onSelectOrder(orderId);
    },
    [consumeClick, onSelectOrder],
  );

  return (
    <section className="lines-board" aria-label={t('board.label')} aria-describedby="lines-board-keys">
      <p id="lines-board-keys" className="visually-hidden">
        {t(props.crossLine ? 'board.keysCrossLine' : 'board.keys')}
      </p>
      <div className="lines-board__scroll" ref={scrollRef}>
        <div
          className="lines-board__content"
          style={{ '--board-width-factor': widthFactor } as CSSProperties}
        >
          <div className="lines-board__head">
            <div className="lines-board__corner">
              <span>{t('board.line')}</span>
              {props.corner}
            </div>
            <TimeAxis scale={scale} ticks={ticks} />
          </div>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: the keys reach it from the bars inside, which are buttons. */}
          <div
            className={`lines-board__body${drag ? ' lines-board__body--dragging' : ''}`}
            ref={boardRef}
            onKeyDown={onKeyDown}
            onFocus={(event) => {
              const id = (event.target as HTMLElement).dataset.orderId;
              if (id) setFocusId(id);
            }}
          >
            <div className="lines-board__grid">
              <TimeGrid scale={scale} ticks={ticks} />
            </div>
            <ul className="lines-board__rows">
              {lines.map((line) => (
                <LineRow
                  key={line.id}
                  line={line}
                  layout={layouts.get(line.id) ?? { placed: [], beyond: 0 }}
                  stoppages={props.stoppagesByLine.get(line.id) ?? []}
                  previewStoppages={props.previewStoppages}
                  band={props.bands.get(line.id) ?? []}
                  frozenUntil={props.frozenUntil.get(line.id) ?? null}
                  now={now}
                  scale={scale}
                  selectedOrderId={props.selectedOrderId}
                  selectedPartId={props.selectedPartId}
                  focusOrderId={tabStop}
                  drag={drag}
                  onPointerDown={onPointerDown}
                  onSelectOrder={onSelect}
                  onOpenPart={props.onOpenPart}
                />
              ))}
            </ul>
            <div className="lines-board__grid">
              <NowLine scale={scale} now={now} />
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
