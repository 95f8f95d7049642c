import './DockTimelineView.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { usePlantFormat, usePlantTime } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';
import { navigate, useRoute } from '../../router/useRoute';
import { BookingPanel } from './BookingPanel';
import { AXIS_HEIGHT_PX, DOOR_COLUMN_PX, DockCanvas, LANE_HEIGHT_PX, ROW_PADDING_PX } from './DockCanvas';
import { DockLegend } from './DockLegend';
import { dockLayout } from './dockLayout';
import type { DockDoor, DockSlot } from './dockTypes';
import { GridSelect } from './GridSelect';
import { type NavKey, neighbourSlot } from './keyboardNav';
import { MoveStatus } from './MoveStatus';
import { moveCheckText } from './moveText';
import { checkMove, type MoveTarget } from './moveValidation';
import { closedIntervals, type Interval } from './openingHours';
import { pixelScale } from './pixelScale';
import { RangeSwitch } from './RangeSwitch';
import type { SlotBarActions } from './SlotBar';
import { SlotHoverCard } from './SlotHoverCard';
import { hourTicks, RANGE_MODES, type RangeMode, timelineRange } from './timelineRange';
import { type Ghost, useSlotMove } from './useSlotMove';
import { useViewport } from './useViewport';
import { virtualWindow } from './virtualWindow';

const MINUTE = 60_000;
/** Narrower than this and 30-minute slots become unreadable slivers; the view scrolls instead. */
const PX_PER_MINUTE: Record<RangeMode, number> = { shift: 2.2, today: 1.6, threeDays: 0.9, week: 0.7 };
/** The overscan keeps the DOM within twice the visible bars (see virtualWindow.ts). */
const WINDOW = { overscanRows: 1, overscanShare: 0.1 };
const STICKY = { top: AXIS_HEIGHT_PX, left: DOOR_COLUMN_PX };
const RANGE_KEY = 'leitstand.docks.range';
/** User timing: set when the bars of a new range are painted (the bench reads it). */
export const DOCKS_PAINTED_MARK = 'leitstand:docks-painted';
export const DOCKS_MOUNT_MARK = 'leitstand:docks-mounted';
export const DOCKS_SWITCH_MARK = 'leitstand:docks-range-switch';
export const DOCKS_RENDER_MEASURE = 'leitstand:docks-render';

interface PendingMove extends MoveTarget {
  slotEnd: number;
}

function storedMode(): RangeMode {
  const stored = localStorage.getItem(RANGE_KEY);
  return (RANGE_MODES as readonly string[]).includes(stored ?? '') ? (stored as RangeMode) : 'shift';
}

/** Doors as rows, time across: booked slots, what actually happened, and where now is. */
export function DockTimelineView() {
  const { t } = useTranslation('docks');
  const format = usePlantFormat();
  const { now } = usePlantTime();
  const [mode, setModeState] = useState<RangeMode>(storedMode);
  const [hover, setHover] = useState<{ slot: DockSlot; anchor: DOMRect } | null>(null);
  const route = useRoute();
  // The selected delivery lives in the address (#/docks/<id>): links from elsewhere open it here.
  const selectedId = route.view === 'docks' ? (route.params[0] ?? null) : null;
  const select = useCallback((id: string | null) => (id ? navigate('docks', id) : navigate('docks')), []);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [pending, setPending] = useState<ReadonlyMap<string, PendingMove>>(new Map());
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [refusal, setRefusal] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const wantFocus = useRef<string | null>(null);

  useEffect(() => {
    performance.mark(DOCKS_MOUNT_MARK);
  }, []);

  const modeRef = useRef(mode);
  modeRef.current = mode;
  const setMode = useCallback((next: RangeMode) => {
    if (next === modeRef.current) return;
    performance.mark(DOCKS_SWITCH_MARK);
    localStorage.setItem(RANGE_KEY, next);
    setModeState(next);
  }, []);

  // Bars move by the minute; re-laying them out every clock tick would buy nothing.
  const minute = Math.floor(now / MINUTE) * MINUTE;
  const range = useMemo(() => timelineRange(mode, minute, format), [mode, minute, format]);
  const timeline = useProcedure(
    'docks.timeline',
    { from: range.from, to: range.to },
    // Punctuality shifts as the clock runs even when no delivery changes; a slow tick-driven refetch follows it.
    {
      refreshOn: ['deliveries.changed', 'coverage.changed', 'stock.changed', 'plant.reset', 'clock.tick'],
      minIntervalMs: 3000,
    },
  );
  const data = timeline.data;
  const gridMinutes = data?.gridMinutes ?? 30;

  // A move waits for the server with the bar already at its new place; once the answer's data
  // shows it there, the placeholder goes.
  useEffect(() => {
    if (!data) return;
    setPending((current) => {
      if (current.size === 0) return current;
      const next = new Map(current);
      for (const [id, move] of current) {
        const slot = data.slots.find((candidate) => candidate.id === id);
        if (!slot || (slot.doorId === move.doorId && slot.slotStart === move.slotStart)) next.delete(id);
      }
      return next.size === current.size ? current : next;
    });
  }, [data]);

  const slots = useMemo(() => {
    const all = data?.slots ?? [];
    if (pending.size === 0) return all;
    return all.map((slot) => {
      const move = pending.get(slot.id);
      return move ? { ...slot, doorId: move.doorId, slotStart: move.slotStart, slotEnd: move.slotEnd } : slot;
    });
  }, [data, pending]);
  const doors = data?.doors ?? NO_DOORS;
  const layout = useMemo(
    () => dockLayout(doors, slots, { laneHeight: LANE_HEIGHT_PX, rowPadding: ROW_PADDING_PX }),
    [doors, slots],
  );
  const doorsById = useMemo(() => new Map(doors.map((door) => [door.id, door])), [doors]);
  const closedByDoor = useMemo(() => {
    const map = new Map<string, Interval[]>();
    for (const door of doors)
      map.set(door.id, closedIntervals(door.openingHours, range.from, range.to, format));
    return map;
  }, [doors, range.from, range.to, format]);

  const viewport = useViewport(scroller, STICKY, data !== undefined && doors.length > 0);
  const minutes = (range.to - range.from) / MINUTE;
  const pxPerMinute = Math.max(PX_PER_MINUTE[mode], viewport.width / minutes);
  const scale = useMemo(
    () => pixelScale(range.from, range.to, pxPerMinute),
    [range.from, range.to, pxPerMinute],
  );
  const ticks = useMemo(() => hourTicks(range), [range]);
  // The window moves in steps (a tenth of the width, two lanes of height), so while scrolling
  // within a step nothing re-renders; the overscan covers the step.
  const stepX = Math.max(1, Math.round(viewport.width / 10));
  const stepY = 2 * LANE_HEIGHT_PX;
  const left = Math.floor(viewport.scrollLeft / stepX) * stepX;
  const top = Math.floor(viewport.scrollTop / stepY) * stepY;
  const view = useMemo(
    () =>
      virtualWindow(
        layout,
        scale,
        { scrollLeft: left, scrollTop: top, width: viewport.width + stepX, height: viewport.height + stepY },
        WINDOW,
      ),
    [layout, scale, left, top, viewport.width, viewport.height, stepX, stepY],
  );

  const check = useCallback(
    (slot: DockSlot, target: MoveTarget) =>
      checkMove(slot, target, {
        doors: doorsById,
        slotsOf: (doorId) =>
          layout.rows.find((row) => row.door.id === doorId)?.bars.map((bar) => bar.slot) ?? [],
        now,
        time: format,
      }),
    [doorsById, layout, now, format],
  );

  const commit = useCallback(
    async (slot: DockSlot, target: MoveTarget) => {
      const move = { ...target, slotEnd: target.slotStart + (slot.slotEnd - slot.slotStart) };
      setPending((current) => new Map(current).set(slot.id, move));
      setSaving((current) => new Set(current).add(slot.id));
      const where = `${doorsById.get(target.doorId)?.name ?? target.doorId} ${format.formatTime(target.slotStart)}`;
      try {
        await call('docks.moveSlot', {
          deliveryId: slot.id,
          doorId: target.doorId,
          slotStart: target.slotStart,
        });
        setRefusal(null);
        setAnnouncement(t('move.saved', { plate: slot.truckPlate ?? slot.noticeNumber ?? slot.id, where }));
        timeline.refetch();
      } catch (error) {
        setPending((current) => {
          const next = new Map(current);
          next.delete(slot.id);
          return next;
        });
        const message = error instanceof ApiCallError ? error.message : String(error);
        setRefusal(message);
        setAnnouncement(t('move.refused', { message }));
      } finally {
        setSaving((current) => {
          const next = new Set(current);
          next.delete(slot.id);
          return next;
        });
      }
    },
    [doorsById, format, t, timeline],
  );

  const announceMove = useCallback(
    (ghost: Ghost | null, event: 'pick' | 'move' | 'cancel') => {
      if (!ghost) return;
      const door = doorsById.get(ghost.doorId)?.name ?? ghost.doorId;
      const end = ghost.slotStart + (ghost.slot.slotEnd - ghost.slot.slotStart);
      const where = t('move.where', {
        door,
        start: format.formatTime(ghost.slotStart),
        end: format.formatTime(end),
      });
      if (event === 'cancel') setAnnouncement(t('move.cancelled'));
      else
        setAnnouncement(
          `${event === 'pick' ? t('move.picked') : ''} ${where}. ${moveCheckText(t, ghost.check, format)}`.trim(),
        );
    },
    [doorsById, format, t],
  );

  const move = useSlotMove({
    layout,
    scale,
    gridMinutes,
    doorColumn: DOOR_COLUMN_PX,
    body,
    scroller,
    check,
    commit: (slot, target) => void commit(slot, target),
    select: (slot) => {
      select(slot.id);
      setFocusId(slot.id);
    },
    returnFocus: (slot) => {
      wantFocus.current = slot.id;
      setFocusId(slot.id);
    },
    announce: announceMove,
  });

  /** Scrolls so that [start, end) of a row is in view; the bar is then rendered and can take focus. */
  const reveal = useCallback(
    (doorId: string, start: number, end: number) => {
      const element = scroller.current;
      const row = layout.rows.find((candidate) => candidate.door.id === doorId);
      if (!element || !row) return;
      const left = scale.x(start);
      const right = scale.x(end);
      const width = element.clientWidth - DOOR_COLUMN_PX;
      if (left < element.scrollLeft || right > element.scrollLeft + width)
        element.scrollLeft = Math.max(0, left - width / 3);
      const height = element.clientHeight - AXIS_HEIGHT_PX;
      if (row.top < element.scrollTop || row.top + row.height > element.scrollTop + height)
        element.scrollTop = Math.max(0, row.top - height / 3);
    },
    [layout, scale],
  );

  // A delivery opened by address (or from the late-trucks list) is scrolled into view once.
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedId || revealed.current === selectedId || viewport.width === 0) return;
    const slot = slots.find((candidate) => candidate.id === selectedId);
    if (!slot?.doorId) return;
    revealed.current = selectedId;
    reveal(slot.doorId, slot.slotStart, slot.slotEnd);
  }, [selectedId, slots, reveal, viewport.width]);

  // A keyboard-carried slot stays in view as it moves.
  const ghost = move.ghost;
  useEffect(() => {
    if (ghost?.via === 'keyboard')
      reveal(ghost.doorId, ghost.slotStart, ghost.slotStart + ghost.slot.slotEnd - ghost.slot.slotStart);
  }, [ghost, reveal]);

  // Focus follows the arrow keys onto bars that may only now have been rendered.
  useEffect(() => {
    const id = wantFocus.current;
    if (!id) return;
    const element = scroller.current?.querySelector<HTMLElement>(`[data-delivery-id="${CSS.escape(id)}"]`);
    if (element) {
      wantFocus.current = null;
      element.focus({ preventScroll: true });
    }
  });

  const actionsRef = useRef({ move, reveal, check, layout });
  actionsRef.current = { move, reveal, check, layout };
  const actions = useMemo<SlotBarActions>(
    () => ({
      pointerDown: (slot, event) => {
        setHover(null);
        actionsRef.current.move.pointerDown(slot, event);
      },
      hover: (slot, anchor) => setHover(slot && anchor ? { slot, anchor } : null),
      focus: (slot) => setFocusId(slot.id),
      keyDown: (slot, event) => {
        const { move: mover, reveal: show, layout: current } = actionsRef.current;
        const key = event.key;
        if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key)) {
          event.preventDefault();
          const next = neighbourSlot(current, slot.id, key as NavKey);
          if (!next?.doorId) return;
          wantFocus.current = next.id;
          setFocusId(next.id);
          show(next.doorId, next.slotStart, next.slotEnd);
        } else if (key === 'Enter') {
          event.preventDefault();
          select(slot.id);
        } else if (key === ' ' || key === 'm') {
          event.preventDefault();
          if (slot.movable) mover.pickUp(slot);
          else setAnnouncement(t('move.reason.status'));
        } else if (key === 'Escape') {
          select(null);
        }
      },
    }),
    [t, select],
  );

  // On a range switch, scroll so that now sits a third into the visible width.
  const nowRef = useRef(minute);
  nowRef.current = minute;
  const pxPerMinuteRef = useRef(pxPerMinute);
  pxPerMinuteRef.current = pxPerMinute;
  const hasData = data !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-anchor on every range switch (range.to changes alone with the mode).
  useEffect(() => {
    const element = scroller.current;
    if (!element || !hasData) return;
    const x = ((nowRef.current - range.from) / MINUTE) * pxPerMinuteRef.current;
    element.scrollLeft = Math.max(0, x - (element.clientWidth - DOOR_COLUMN_PX) / 3);
  }, [range.from, range.to, hasData]);

  // User timing for the bench: when the first answer for a range has its bars on screen.
  const rangeKey = `${range.from}-${range.to}`;
  const paint = useRef<{ key: string; stale: unknown; done: boolean }>({
    key: '',
    stale: undefined,
    done: true,
  });
  if (paint.current.key !== rangeKey) paint.current = { key: rangeKey, stale: data, done: false };
  useEffect(() => {
    const marker = paint.current;
    if (marker.done || !data || data === marker.stale || viewport.width === 0) return;
    marker.done = true;
    // After the frame that draws the bars: rAF runs before the paint, the task after it.
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark(DOCKS_PAINTED_MARK, { detail: { range: rangeKey } });
        if (performance.getEntriesByName(DOCKS_SWITCH_MARK, 'mark').length > 0) {
          performance.measure(DOCKS_RENDER_MEASURE, DOCKS_SWITCH_MARK, DOCKS_PAINTED_MARK);
          performance.clearMarks(DOCKS_SWITCH_MARK);
        }
      }, 0),
    );
  }, [data, rangeKey, viewport.width]);

  const clearHover = useCallback(() => setHover(null), []);
  const refetchRef = useRef(timeline.refetch);
  refetchRef.current = timeline.refetch;
  const closePanel = useCallback(() => select(null), [select]);
  const panelDone = useCallback((message: string) => {
    setRefusal(null);
    setAnnouncement(message);
    refetchRef.current();
  }, []);

  const firstVisible = view.rows.find((row) => row.bars.length > 0)?.bars[0]?.slot.id ?? null;
  const tabbableId = focusId && layout.where.has(focusId) ? focusId : firstVisible;
  const selected = selectedId ? (slots.find((slot) => slot.id === selectedId) ?? null) : null;
  const empty = data && data.doors.length === 0;
  const domBars = view.rows.reduce((sum, row) => sum + row.bars.length, 0);

  return (
    <div
      className="dock-timeline"
      data-testid="dock-timeline"
      data-range={mode}
      data-grid-minutes={gridMinutes}
      data-slot-count={data?.slots.length ?? 0}
      data-dom-bars={domBars}
      data-px-per-minute={scale.pxPerMinute}
    >
      <div className="dock-timeline__toolbar">
        <h1 className="dock-timeline__title">{t('title')}</h1>
        <RangeSwitch mode={mode} onChange={setMode} />
        {data ? <GridSelect value={gridMinutes} onChanged={timeline.refetch} onError={setRefusal} /> : null}
        <span className="dock-timeline__range">
          {range.shift ? `${t(`shift.${range.shift}`)} · ` : ''}
          {format.formatDateTime(range.from)} – {format.formatDateTime(range.to)}
        </span>
        <DockLegend />
      </div>
      <MoveStatus refusal={refusal} announcement={announcement} onDismiss={() => setRefusal(null)} />
      <p className="dock-timeline__hint" id="dock-keyboard-hint">
        {t('hint')}
      </p>
      <div className="dock-timeline__main">
        {timeline.error && !data ? (
          <ErrorState error={timeline.error} onRetry={timeline.refetch} />
        ) : !data ? (
          <LoadingState />
        ) : empty ? (
          <EmptyState title={t('empty.title')} text={t('empty.text')} />
        ) : (
          <DockCanvas
            scroller={scroller}
            body={body}
            layout={layout}
            scale={scale}
            view={view}
            ticks={ticks}
            closedByDoor={closedByDoor}
            now={minute}
            selectedId={selectedId}
            tabbableId={tabbableId}
            savingIds={saving}
            ghost={move.ghost}
            leftDay={format.formatDay(scale.at(viewport.scrollLeft))}
            actions={actions}
            onScroll={clearHover}
          />
        )}
        {data && !empty ? (
          <BookingPanel
            timeline={data}
            selectedId={selectedId}
            selected={selected}
            onSelect={select}
            onClose={closePanel}
            onRefused={setRefusal}
            onDone={panelDone}
          />
        ) : null}
      </div>
      {hover && !move.ghost ? <SlotHoverCard slot={hover.slot} anchor={hover.anchor} /> : null}
    </div>
  );
}

const NO_DOORS: DockDoor[] = [];
