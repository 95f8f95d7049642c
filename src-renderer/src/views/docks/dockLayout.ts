import { assignLanes } from './lanes';

// The timeline's geometry, computed once per answer and independent of the scroll position:
// each door's row with its top and height (rows grow by a lane when two slots overlap) and its
// bars ordered by start, so the virtual window finds the visible ones by binary search.

export interface LayoutSlot {
  id: string;
  doorId: string | null;
  slotStart: number;
  slotEnd: number;
}

export interface PlacedBar<S> {
  slot: S;
  lane: number;
}

export interface LayoutRow<D, S> {
  door: D;
  index: number;
  top: number;
  height: number;
  lanes: number;
  /** By slot start. */
  bars: PlacedBar<S>[];
  /** The longest slot of the row: how far before a window a bar may start and still reach into it. */
  longestMs: number;
}

export interface DockLayout<D, S> {
  rows: LayoutRow<D, S>[];
  height: number;
  /** Where each slot is: row index and lane. */
  where: Map<string, { row: number; lane: number }>;
}

export interface LayoutMetrics {
  laneHeight: number;
  /** Above and below the lanes of a row. */
  rowPadding: number;
}

export function dockLayout<D extends { id: string }, S extends LayoutSlot>(
  doors: readonly D[],
  slots: readonly S[],
  metrics: LayoutMetrics,
): DockLayout<D, S> {
  const byDoor = new Map<string, S[]>();
  for (const slot of slots) {
    if (slot.doorId === null) continue;
    const list = byDoor.get(slot.doorId);
    if (list) list.push(slot);
    else byDoor.set(slot.doorId, [slot]);
  }
  const rows: LayoutRow<D, S>[] = [];
  const where = new Map<string, { row: number; lane: number }>();
  let top = 0;
  doors.forEach((door, index) => {
    const { lanes, placed } = assignLanes(byDoor.get(door.id) ?? []);
    let longestMs = 0;
    for (const bar of placed) {
      longestMs = Math.max(longestMs, bar.slot.slotEnd - bar.slot.slotStart);
      where.set(bar.slot.id, { row: index, lane: bar.lane });
    }
    const height = lanes * metrics.laneHeight + 2 * metrics.rowPadding;
    rows.push({ door, index, top, height, lanes, bars: placed, longestMs });
    top += height;
  });
  return { rows, height: top, where };
}

/** The index of the row at vertical position `y` (clamped to the rows). */
export function rowAt<D, S>(layout: DockLayout<D, S>, y: number): number {
  const { rows } = layout;
  let low = 0;
  let high = rows.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((rows[mid]?.top ?? 0) <= y) low = mid;
    else high = mid - 1;
  }
  return Math.max(0, low);
}
