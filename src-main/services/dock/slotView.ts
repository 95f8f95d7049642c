import type BetterSqlite3 from 'better-sqlite3';
import type { DeliveryStatus, DockHandling } from '../../db/schema';
import { type Punctuality, punctuality } from '../../domain/punctuality';
import { missingCapabilities, parseCapabilities } from '../../domain/slots/capability';
import { openForWindow } from '../../domain/slots/openWindow';
import { overlappingPairs } from '../../domain/slots/overlap';
import type { DockDoor } from './dockReads';
import { partsCarried, type StoppageFeed, type StoppageFeeds } from './stoppageFeeds';

// A delivery's slot as the dock timeline draws it: the booked window against what happened
// (gate, door, unloading), how long the truck has stood on site, whether it may still be moved,
// what is wrong with the booking, and the predicted stoppage it feeds.

export interface SlotConflict {
  kind: 'overlap' | 'capability' | 'closed';
  /** overlap: the delivery booked at the same door at the same time. */
  withDeliveryId?: string;
  /** capability: what the door lacks. */
  capability?: string;
}

const MINUTE = 60_000;
/** A slot may be moved until the truck is at a door; a truck still on the way may be rebooked. */
export const MOVABLE_STATUSES: ReadonlySet<DeliveryStatus> = new Set(['announced', 'in_transit', 'at_gate']);
const ON_SITE: ReadonlySet<DeliveryStatus> = new Set(['at_gate', 'at_door', 'unloading', 'unloaded']);
const RELEASED: ReadonlySet<DeliveryStatus> = new Set(['cancelled', 'departed']);

export const SLOT_COLUMNS = `d.id, d.door_id, d.notice_number, d.truck_plate, s.name AS supplier_name, d.status,
  d.slot_start, d.slot_end, d.eta, d.eta_confidence_minutes, d.departed_at, d.gate_in_at, d.door_arrived_at,
  d.unloading_started_at, d.unloaded_at, d.gate_out_at, d.required_capabilities, d.dock_handling`;

export interface SlotRow {
  id: string;
  door_id: string;
  notice_number: string | null;
  truck_plate: string | null;
  supplier_name: string;
  status: DeliveryStatus;
  slot_start: number;
  slot_end: number;
  eta: number | null;
  eta_confidence_minutes: number | null;
  departed_at: number | null;
  gate_in_at: number | null;
  door_arrived_at: number | null;
  unloading_started_at: number | null;
  unloaded_at: number | null;
  gate_out_at: number | null;
  required_capabilities: string;
  dock_handling: DockHandling;
}

export interface DockSlot {
  id: string;
  doorId: string;
  noticeNumber: string | null;
  truckPlate: string | null;
  supplierName: string;
  status: DeliveryStatus;
  slotStart: number;
  slotEnd: number;
  eta: number | null;
  etaConfidenceMinutes: number | null;
  /** When the truck left its supplier. */
  departedAt: number | null;
  gateInAt: number | null;
  doorArrivedAt: number | null;
  unloadingStartedAt: number | null;
  unloadedAt: number | null;
  gateOutAt: number | null;
  punctuality: Punctuality;
  requiredCapabilities: string[];
  dockHandling: DockHandling;
  /** Gate in → gate out, or → now while the truck is on site; null before it arrived. */
  dwellMinutes: number | null;
  movable: boolean;
  conflicts: SlotConflict[];
  feedsStoppage: StoppageFeed | null;
}

export function dwellMinutes(
  slot: { status: DeliveryStatus; gateInAt: number | null; gateOutAt: number | null },
  now: number,
): number | null {
  if (slot.gateInAt === null) return null;
  const until = slot.gateOutAt ?? (ON_SITE.has(slot.status) ? now : null);
  return until === null ? null : Math.max(0, Math.round((until - slot.gateInAt) / MINUTE));
}

export const isMovable = (status: DeliveryStatus) => MOVABLE_STATUSES.has(status);

/** Deliveries that overlap another one at their door: delivery id → the other ids. */
export function overlapsByDelivery(rows: readonly SlotRow[]): Map<string, string[]> {
  const byDoor = new Map<string, SlotRow[]>();
  for (const row of rows) {
    if (RELEASED.has(row.status)) continue;
    const list = byDoor.get(row.door_id) ?? [];
    list.push(row);
    byDoor.set(row.door_id, list);
  }
  const overlaps = new Map<string, string[]>();
  const note = (a: string, b: string) => {
    const list = overlaps.get(a) ?? [];
    list.push(b);
    overlaps.set(a, list);
  };
  for (const list of byDoor.values()) {
    const pairs = overlappingPairs(list.map((row) => ({ start: row.slot_start, end: row.slot_end })));
    for (const [a, b] of pairs) {
      note(list[a]!.id, list[b]!.id);
      note(list[b]!.id, list[a]!.id);
    }
  }
  return overlaps;
}

export interface SlotViewContext {
  now: number;
  timeZone: string;
  doors: ReadonlyMap<string, DockDoor>;
  overlaps: ReadonlyMap<string, readonly string[]>;
  feeds: StoppageFeeds;
  parts: ReadonlyMap<string, readonly string[]>;
}

export function slotFromRow(row: SlotRow, view: SlotViewContext): DockSlot {
  const required = parseCapabilities(row.required_capabilities);
  const door = view.doors.get(row.door_id);
  const conflicts: SlotConflict[] = (view.overlaps.get(row.id) ?? []).map((withDeliveryId) => ({
    kind: 'overlap',
    withDeliveryId,
  }));
  // A truck that has left no longer needs its door to fit or be open.
  if (door && !RELEASED.has(row.status)) {
    for (const capability of missingCapabilities(required, door.capabilities)) {
      conflicts.push({ kind: 'capability', capability });
    }
    if (!openForWindow(door.openingHours, row.slot_start, row.slot_end, view.timeZone)) {
      conflicts.push({ kind: 'closed' });
    }
  }
  const timing = {
    status: row.status,
    slotStart: row.slot_start,
    slotEnd: row.slot_end,
    eta: row.eta,
    etaConfidenceMinutes: row.eta_confidence_minutes,
    gateInAt: row.gate_in_at,
  };
  return {
    id: row.id,
    doorId: row.door_id,
    noticeNumber: row.notice_number,
    truckPlate: row.truck_plate,
    supplierName: row.supplier_name,
    status: row.status,
    slotStart: row.slot_start,
    slotEnd: row.slot_end,
    eta: row.eta,
    etaConfidenceMinutes: row.eta_confidence_minutes,
    departedAt: row.departed_at,
    gateInAt: row.gate_in_at,
    doorArrivedAt: row.door_arrived_at,
    unloadingStartedAt: row.unloading_started_at,
    unloadedAt: row.unloaded_at,
    gateOutAt: row.gate_out_at,
    punctuality: punctuality(timing, view.now),
    requiredCapabilities: required,
    dockHandling: row.dock_handling,
    dwellMinutes: dwellMinutes(
      { status: row.status, gateInAt: row.gate_in_at, gateOutAt: row.gate_out_at },
      view.now,
    ),
    movable: isMovable(row.status),
    conflicts,
    feedsStoppage: view.feeds.feedOf(
      { id: row.id, status: row.status, arrival: row.gate_in_at ?? row.eta ?? row.slot_start },
      view.parts.get(row.id) ?? [],
    ),
  };
}

/** One delivery's slot, with its conflicts against the other bookings at its door. */
export function readSlot(
  sqlite: BetterSqlite3.Database,
  deliveryId: string,
  context: Omit<SlotViewContext, 'overlaps' | 'parts'>,
): DockSlot | null {
  const row = sqlite
    .prepare(
      `SELECT ${SLOT_COLUMNS} FROM inbound_delivery d JOIN partner s ON s.id = d.supplier_id
       WHERE d.id = ? AND d.door_id IS NOT NULL`,
    )
    .get(deliveryId) as SlotRow | undefined;
  if (!row) return null;
  const neighbours = sqlite
    .prepare(
      `SELECT ${SLOT_COLUMNS} FROM inbound_delivery d JOIN partner s ON s.id = d.supplier_id
       WHERE d.door_id = ? AND d.id != ? AND d.slot_start < ? AND d.slot_end > ?`,
    )
    .all(row.door_id, row.id, row.slot_end, row.slot_start) as SlotRow[];
  return slotFromRow(row, {
    ...context,
    overlaps: overlapsByDelivery([row, ...neighbours]),
    parts: partsCarried(sqlite, [row.id], context.feeds.partIds),
  });
}
