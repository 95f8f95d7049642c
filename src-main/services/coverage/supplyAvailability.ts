import type { DoorRow, PartRow, SupplyRow } from './plantReads';

// When a delivery's goods can feed the lines: the truck's arrival (its ETA, or its slot start
// without one), plus the door's unloading time, plus the part's put-away time — the two lead
// times the plant configures per door and per part. Two yard rules make it match the dock: a
// truck is called to its door at most half an hour before its slot (an early truck waits), and a
// truck in the yard waits while another one occupies its door. Those waits are what a
// dock-priority proposal ("unload it now at a free door") takes away.

const MINUTE = 60_000;
/** Trucks are not called to their door earlier than this before their slot. */
export const YARD_CALL_AHEAD_MINUTES = 30;
/** Unloading time of a delivery that has no door yet: the slowest door's. */
const FALLBACK_UNLOAD_MINUTES = 30;

export function fallbackUnloadMinutes(doors: ReadonlyMap<string, DoorRow>): number {
  let slowest = 0;
  for (const door of doors.values()) slowest = Math.max(slowest, door.unloadMinutes);
  return slowest > 0 ? slowest : FALLBACK_UNLOAD_MINUTES;
}

/** The arrival time this delivery is planned with: its ETA, or its slot start without one. */
export const plannedArrival = (row: Pick<SupplyRow, 'eta' | 'slotStart'>) => row.eta ?? row.slotStart;

/** When each door is free again from the trucks standing at it (unloading or about to). */
function doorsBusyUntil(
  rows: readonly SupplyRow[],
  unloadMs: (doorId: string | null) => number,
  now: number,
) {
  const busy = new Map<string, number>();
  for (const row of rows) {
    if (row.doorId === null || (row.status !== 'at_door' && row.status !== 'unloading')) continue;
    const start = row.unloadingStartedAt ?? Math.max(now, row.doorArrivedAt ?? now);
    busy.set(row.doorId, Math.max(busy.get(row.doorId) ?? 0, start + unloadMs(row.doorId)));
  }
  return busy;
}

/** When the truck of `row` starts unloading, as things stand (epoch ms). */
function unloadStart(row: SupplyRow, now: number, busyUntil: ReadonlyMap<string, number>): number {
  switch (row.status) {
    case 'unloading':
      return row.unloadingStartedAt ?? now;
    case 'at_door':
      return Math.max(now, row.doorArrivedAt ?? now);
    case 'at_gate':
      return Math.max(
        now,
        row.slotStart - YARD_CALL_AHEAD_MINUTES * MINUTE,
        (row.doorId !== null ? busyUntil.get(row.doorId) : undefined) ?? now,
      );
    default:
      return Math.max(plannedArrival(row), row.slotStart - YARD_CALL_AHEAD_MINUTES * MINUTE);
  }
}

/** Availability (epoch ms) of every supply row, in row order. */
export function availabilityTimes(
  rows: readonly SupplyRow[],
  doors: ReadonlyMap<string, DoorRow>,
  parts: ReadonlyMap<string, PartRow>,
  now: number,
): number[] {
  const fallback = fallbackUnloadMinutes(doors);
  const unloadMs = (doorId: string | null) =>
    ((doorId !== null ? doors.get(doorId)?.unloadMinutes : undefined) ?? fallback) * MINUTE;
  const busyUntil = doorsBusyUntil(rows, unloadMs, now);
  return rows.map(
    (row) =>
      unloadStart(row, now, busyUntil) +
      unloadMs(row.doorId) +
      (parts.get(row.partId)?.putAwayMinutes ?? 0) * MINUTE,
  );
}

/** Minutes from t = 0, on the 1/64-minute grid RESCHEDULING.md requires, never before t = 0. */
export function instanceMinutes(at: number, origin: number): number {
  return Math.max(0, Math.round(((at - origin) / MINUTE) * 64) / 64);
}

/** Like instanceMinutes, but may be negative (an overdue order's due time). */
export function signedInstanceMinutes(at: number, origin: number): number {
  return Math.round(((at - origin) / MINUTE) * 64) / 64;
}

/** Instance minutes back to epoch milliseconds. */
export const epochOf = (minutes: number, origin: number) => Math.round(origin + minutes * MINUTE);
