import './DockTimelineView.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { usePlantFormat, usePlantTime } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';
import { DockLegend } from './DockLegend';
import { DockRow } from './DockRow';
import type { DockSlot } from './dockTypes';
import { RangeSwitch } from './RangeSwitch';
import { SlotHoverCard } from './SlotHoverCard';
import { NowLine, TimeAxis, TimeGrid } from './TimeAxis';
import { hourTicks, type RangeMode, timelineRange } from './timelineRange';
import { timeScale } from './timeScale';

const MINUTE = 60_000;
/** Narrower than this and 30-minute slots become unreadable slivers; the view scrolls instead. */
const MIN_WIDTH_PX: Record<RangeMode, number> = { shift: 1600, today: 2900, threeDays: 4800 };

/** Doors as rows, time across: booked slots, what actually happened, and where now is. */
export function DockTimelineView() {
  const { t } = useTranslation('docks');
  const format = usePlantFormat();
  const { now } = usePlantTime();
  const [mode, setMode] = useState<RangeMode>('shift');
  const [hover, setHover] = useState<{ slot: DockSlot; anchor: DOMRect } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  // Bars move by the minute; re-laying them out every clock tick would buy nothing.
  const minute = Math.floor(now / MINUTE) * MINUTE;
  const range = useMemo(() => timelineRange(mode, minute, format), [mode, minute, format]);
  const timeline = useProcedure(
    'docks.timeline',
    { from: range.from, to: range.to },
    // Punctuality shifts as the clock runs even when no delivery changes; a slow tick-driven refetch follows it.
    { refreshOn: ['deliveries.changed', 'plant.reset', 'clock.tick'], minIntervalMs: 3000 },
  );
  const scale = useMemo(() => timeScale(range.from, range.to), [range.from, range.to]);
  const ticks = useMemo(() => hourTicks(range), [range]);

  const slotsByDoor = useMemo(() => {
    const byDoor = new Map<string, DockSlot[]>();
    for (const slot of timeline.data?.slots ?? []) {
      if (!slot.doorId) continue;
      const list = byDoor.get(slot.doorId) ?? [];
      list.push(slot);
      byDoor.set(slot.doorId, list);
    }
    return byDoor;
  }, [timeline.data]);

  const onHover = useCallback((slot: DockSlot | null, anchor: DOMRect | null) => {
    setHover(slot && anchor ? { slot, anchor } : null);
  }, []);

  // On a range switch, scroll so that now sits a third into the visible width.
  const nowRef = useRef(minute);
  nowRef.current = minute;
  const hasData = timeline.data !== undefined;
  useEffect(() => {
    const element = scroller.current;
    if (!element || !hasData) return;
    const track = element.scrollWidth;
    const x = ((nowRef.current - range.from) / (range.to - range.from)) * track;
    element.scrollLeft = Math.max(0, x - element.clientWidth / 3);
  }, [range.from, range.to, hasData]);

  const empty = timeline.data && timeline.data.doors.length === 0;
  return (
    <div className="dock-timeline" data-testid="dock-timeline" data-range={mode}>
      <div className="dock-timeline__toolbar">
        <h1 className="dock-timeline__title">{t('title')}</h1>
        <RangeSwitch mode={mode} onChange={setMode} />
        <span className="dock-timeline__range">
          {range.shift ? `${t(`shift.${range.shift}`)} · ` : ''}
          {format.formatDateTime(range.from)} – {format.formatDateTime(range.to)}
        </span>
        <DockLegend />
      </div>
      {timeline.error && !timeline.data ? (
        <ErrorState error={timeline.error} onRetry={timeline.refetch} />
      ) : !timeline.data ? (
        <LoadingState />
      ) : empty ? (
        <EmptyState title={t('empty.title')} text={t('empty.text')} />
      ) : (
        <div className="dock-timeline__scroll" ref={scroller} onScroll={() => setHover(null)}>
          <div className="dock-timeline__canvas" style={{ minWidth: MIN_WIDTH_PX[mode] }}>
            <div className="dock-timeline__head">
              <div className="dock-timeline__corner">{t('door.column')}</div>
              <TimeAxis scale={scale} ticks={ticks} />
            </div>
            <div className="dock-timeline__body">
              <div className="dock-timeline__grid">
                <TimeGrid scale={scale} ticks={ticks} />
              </div>
              <ul className="dock-timeline__rows" aria-label={t('rows.label')}>
                {timeline.data.doors.map((door) => (
                  <DockRow
                    key={door.id}
                    door={door}
                    slots={slotsByDoor.get(door.id) ?? NO_SLOTS}
                    scale={scale}
                    now={minute}
                    onHover={onHover}
                  />
                ))}
              </ul>
              <div className="dock-timeline__grid">
                <NowLine scale={scale} now={minute} />
              </div>
            </div>
          </div>
        </div>
      )}
      {hover ? <SlotHoverCard slot={hover.slot} anchor={hover.anchor} /> : null}
    </div>
  );
}

const NO_SLOTS: readonly DockSlot[] = [];
