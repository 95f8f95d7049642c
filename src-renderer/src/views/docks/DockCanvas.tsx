import { memo, type ReactNode, type RefObject, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlantFormat } from '../../format/plantTime';
import type { DockLayout, LayoutRow } from './dockLayout';
import type { DockDoor, DockSlot } from './dockTypes';
import type { Interval } from './openingHours';
import type { PixelScale } from './pixelScale';
import { SlotBar, type SlotBarActions } from './SlotBar';
import { SlotGhost } from './SlotGhost';
import type { Ghost } from './useSlotMove';
import type { VirtualWindow } from './virtualWindow';

export const DOOR_COLUMN_PX = 168;
export const AXIS_HEIGHT_PX = 46;
export const LANE_HEIGHT_PX = 40;
export const ROW_PADDING_PX = 6;
/** The planned bar's height within a lane; the strips for what actually happened go below it. */
const BAR_OFFSET_PX = 2;

export interface DockCanvasProps {
  scroller: RefObject<HTMLDivElement | null>;
  body: RefObject<HTMLDivElement | null>;
  layout: DockLayout<DockDoor, DockSlot>;
  scale: PixelScale;
  view: VirtualWindow<DockDoor, DockSlot>;
  ticks: readonly number[];
  closedByDoor: ReadonlyMap<string, Interval[]>;
  now: number;
  selectedId: string | null;
  tabbableId: string | null;
  savingIds: ReadonlySet<string>;
  ghost: Ghost | null;
  /** The plant-local day at the left edge of the view, written in the corner above the doors. */
  leftDay: string;
  actions: SlotBarActions;
  /** The hover card belongs to where the bar was: scrolling hides it. */
  onScroll: () => void;
  children?: ReactNode;
}

/**
 * The scrolling canvas: the hour axis (sticky on top), the door names (sticky on the left), and
 * only the rows and bars of the virtual window, absolutely placed on a canvas as large as the
 * whole range, so the scrollbars tell the true extent.
 */
export const DockCanvas = memo(function DockCanvas(props: DockCanvasProps) {
  const { t } = useTranslation('docks');
  const { scroller, body, layout, scale, view, ticks, now, ghost } = props;
  const visibleTicks = useMemo(
    () => ticks.filter((at) => at >= view.from - 3_600_000 * 3 && at <= view.to),
    [ticks, view.from, view.to],
  );
  const nowX = scale.x(now);
  return (
    <div className="dock-timeline__scroll" ref={scroller} data-testid="dock-scroll" onScroll={props.onScroll}>
      <div
        className="dock-canvas"
        style={{ width: DOOR_COLUMN_PX + scale.width, height: AXIS_HEIGHT_PX + layout.height }}
      >
        <div className="dock-axis" style={{ width: DOOR_COLUMN_PX + scale.width }}>
          <div className="dock-axis__corner">
            <span className="dock-axis__left-day" data-testid="dock-left-day">
              {props.leftDay}
            </span>
            {t('door.column')}
          </div>
          <DockAxisTicks ticks={visibleTicks} scale={scale} />
          {nowX >= 0 && nowX <= scale.width ? <NowLabel x={DOOR_COLUMN_PX + nowX} now={now} /> : null}
        </div>
        <div className="dock-body" ref={body} style={{ height: layout.height }}>
          <div className="dock-body__grid" aria-hidden="true">
            {visibleTicks.map((at) => (
              <span key={at} className="dock-body__gridline" style={{ left: DOOR_COLUMN_PX + scale.x(at) }} />
            ))}
          </div>
          <ul className="dock-rows" aria-label={t('rows.label')}>
            {view.rows.map(({ row, bars }) => (
              <DockRow
                key={row.door.id}
                row={row}
                bars={bars}
                scale={scale}
                windowFrom={view.from}
                windowTo={view.to}
                closed={props.closedByDoor.get(row.door.id) ?? NO_INTERVALS}
                now={now}
                selectedId={props.selectedId}
                tabbableId={props.tabbableId}
                savingIds={props.savingIds}
                liftedId={ghost?.slot.id ?? null}
                actions={props.actions}
              />
            ))}
          </ul>
          {nowX >= 0 && nowX <= scale.width ? (
            <span className="dock-body__now" style={{ left: DOOR_COLUMN_PX + nowX }} data-testid="now-line" />
          ) : null}
          {ghost ? (
            <SlotGhost ghost={ghost} layout={layout} scale={scale} doorColumn={DOOR_COLUMN_PX} />
          ) : null}
          {props.children}
        </div>
      </div>
    </div>
  );
});

const NO_INTERVALS: Interval[] = [];

function DockAxisTicks({ ticks, scale }: { ticks: readonly number[]; scale: PixelScale }) {
  const { formatTime, formatShortDay, dayOf } = usePlantFormat();
  return (
    <div className="dock-axis__track" aria-hidden="true">
      {ticks.map((at) => {
        const midnight = formatTime(at) === '00:00' || at === scale.from;
        return (
          <span
            key={at}
            className={`dock-axis__tick${midnight ? ' dock-axis__tick--day' : ''}`}
            style={{ left: scale.x(at) }}
            data-day={dayOf(at)}
          >
            {midnight ? <span className="dock-axis__day">{formatShortDay(at)}</span> : null}
            <span className="dock-axis__time">{formatTime(at)}</span>
          </span>
        );
      })}
    </div>
  );
}

function NowLabel({ x, now }: { x: number; now: number }) {
  const { formatTime } = usePlantFormat();
  return (
    <span className="dock-axis__now" style={{ left: x }} aria-hidden="true">
      {formatTime(now)}
    </span>
  );
}

interface DockRowProps {
  row: LayoutRow<DockDoor, DockSlot>;
  bars: LayoutRow<DockDoor, DockSlot>['bars'];
  scale: PixelScale;
  windowFrom: number;
  windowTo: number;
  closed: readonly Interval[];
  now: number;
  selectedId: string | null;
  tabbableId: string | null;
  savingIds: ReadonlySet<string>;
  liftedId: string | null;
  actions: SlotBarActions;
}

/** One door: its name and capabilities (sticky), its closed hours shaded, its visible bars. */
const DockRow = memo(function DockRow(props: DockRowProps) {
  const { t } = useTranslation('docks');
  const { row, bars, scale, now } = props;
  const { door } = row;
  const busy = row.bars.some(
    ({ slot }) =>
      (slot.status === 'at_door' || slot.status === 'unloading') && slot.slotStart < now + 86_400_000,
  );
  return (
    <li
      className="dock-row"
      data-testid="dock-row"
      data-door-id={door.id}
      style={{ top: row.top, height: row.height, width: DOOR_COLUMN_PX + scale.width }}
    >
      <div className="dock-row__door">
        <span className="dock-row__name">{door.name}</span>
        <span className="dock-row__meta">
          {busy ? <span className="dock-row__busy">{t('door.busy')}</span> : null}
          {door.capabilities.map((capability) => (
            <span
              key={capability}
              className="dock-row__capability"
              title={t(`capability.${capability}`, capability)}
            >
              {t(`capabilityShort.${capability}`, capability)}
            </span>
          ))}
        </span>
      </div>
      <div className="dock-row__track" style={{ width: scale.width }}>
        {props.closed
          .filter((interval) => interval.end > props.windowFrom && interval.start < props.windowTo)
          .map((interval) => (
            <span
              key={interval.start}
              className="dock-row__closed"
              data-testid="door-closed"
              style={{
                left: scale.x(interval.start),
                width: scale.x(interval.end) - scale.x(interval.start),
              }}
              title={t('door.closed')}
            />
          ))}
        {bars.map(({ slot, lane }) => (
          <SlotBar
            key={slot.id}
            slot={slot}
            left={scale.x(slot.slotStart)}
            width={scale.x(slot.slotEnd) - scale.x(slot.slotStart)}
            top={ROW_PADDING_PX + lane * LANE_HEIGHT_PX + BAR_OFFSET_PX}
            now={now}
            selected={slot.id === props.selectedId}
            tabbable={slot.id === props.tabbableId}
            lifted={slot.id === props.liftedId}
            saving={props.savingIds.has(slot.id)}
            actions={props.actions}
          />
        ))}
      </div>
    </li>
  );
});
