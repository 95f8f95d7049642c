import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../api/result';
import type { DeliveryStatus, DockHandling } from '../../db/schema';
import { type OpeningWindow, parseOpeningHours } from '../../domain/openingHours';
import { parseCapabilities } from '../../domain/slots/capability';

// What the dock's use cases read, synchronously through better-sqlite3 so that a check and the
// write it guards run in one transaction with nothing (not even a simulator step) in between.

export interface DockDoor {
  id: string;
  name: string;
  capabilities: string[];
  openingHours: OpeningWindow[];
  unloadMinutes: number;
  sortOrder: number;
}

export interface DockDelivery {
  id: string;
  noticeNumber: string | null;
  supplierName: string;
  status: DeliveryStatus;
  doorId: string | null;
  slotStart: number;
  slotEnd: number;
  eta: number | null;
  gateInAt: number | null;
  requiredCapabilities: string[];
  dockHandling: DockHandling;
}

/**
 * A booked window at a door that blocks others. A cancelled truck never comes and a departed
 * one has left: neither holds its door any more.
 */
export interface BookedWindow {
  deliveryId: string;
  doorId: string;
  start: number;
  end: number;
}

interface DoorRow {
  id: string;
  name: string;
  capabilities: string;
  opening_hours: string;
  unload_minutes: number;
  sort_order: number;
}

/** A DockDelivery as DOCK_DELIVERY_SELECT reads it. */
export interface DockDeliveryRow {
  id: string;
  notice_number: string | null;
  supplier_name: string;
  status: DeliveryStatus;
  door_id: string | null;
  slot_start: number;
  slot_end: number;
  eta: number | null;
  gate_in_at: number | null;
  required_capabilities: string;
  dock_handling: DockHandling;
}

/** The plant's time zone; UTC for a database without a plant (as the coverage projection reads it). */
export function plantTimeZone(sqlite: BetterSqlite3.Database): string {
  const row = sqlite.prepare('SELECT time_zone FROM site ORDER BY is_demo DESC LIMIT 1').get() as
    | { time_zone: string }
    | undefined;
  return row?.time_zone ?? 'UTC';
}

export const doorFromRow = (row: DoorRow): DockDoor => ({
  id: row.id,
  name: row.name,
  capabilities: parseCapabilities(row.capabilities),
  openingHours: parseOpeningHours(row.opening_hours),
  unloadMinutes: row.unload_minutes,
  sortOrder: row.sort_order,
});

export function readDoors(sqlite: BetterSqlite3.Database): DockDoor[] {
  const rows = sqlite
    .prepare(
      'SELECT id, name, capabilities, opening_hours, unload_minutes, sort_order FROM dock_door ORDER BY sort_order, id',
    )
    .all() as DoorRow[];
  return rows.map(doorFromRow);
}

export function requireDoor(sqlite: BetterSqlite3.Database, doorId: string): DockDoor {
  const row = sqlite
    .prepare(
      'SELECT id, name, capabilities, opening_hours, unload_minutes, sort_order FROM dock_door WHERE id = ?',
    )
    .get(doorId) as DoorRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `There is no dock door ${doorId}.`);
  return doorFromRow(row);
}

/** The columns of a DockDelivery: inbound_delivery as d with its supplier as s. */
export const DOCK_DELIVERY_SELECT = `SELECT d.id, d.notice_number, s.name AS supplier_name, d.status, d.door_id,
    d.slot_start, d.slot_end, d.eta, d.gate_in_at, d.required_capabilities, d.dock_handling
  FROM inbound_delivery d JOIN partner s ON s.id = d.supplier_id`;

export const deliveryFromRow = (row: DockDeliveryRow): DockDelivery => ({
  id: row.id,
  noticeNumber: row.notice_number,
  supplierName: row.supplier_name,
  status: row.status,
  doorId: row.door_id,
  slotStart: row.slot_start,
  slotEnd: row.slot_end,
  eta: row.eta,
  gateInAt: row.gate_in_at,
  requiredCapabilities: parseCapabilities(row.required_capabilities),
  dockHandling: row.dock_handling,
});

export function requireDelivery(sqlite: BetterSqlite3.Database, deliveryId: string): DockDelivery {
  const row = sqlite.prepare(`${DOCK_DELIVERY_SELECT} WHERE d.id = ?`).get(deliveryId) as
    | DockDeliveryRow
    | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `There is no delivery ${deliveryId}.`);
  return deliveryFromRow(row);
}

/** How people name a delivery in a sentence: its shipping notice number, else its id. */
export const deliveryLabel = (delivery: { id: string; noticeNumber: string | null }) =>
  delivery.noticeNumber ?? delivery.id;

/** Windows booked at doors that overlap [from, to), every door or one. */
export function bookedWindows(
  sqlite: BetterSqlite3.Database,
  from: number,
  to: number,
  doorId?: string,
): BookedWindow[] {
  const rows = sqlite
    .prepare(
      `SELECT id, door_id, slot_start, slot_end FROM inbound_delivery
       WHERE door_id IS NOT NULL AND status NOT IN ('cancelled', 'departed')
         AND slot_start < ? AND slot_end > ? AND (? IS NULL OR door_id = ?)
       ORDER BY slot_start`,
    )
    .all(to, from, doorId ?? null, doorId ?? null) as {
    id: string;
    door_id: string;
    slot_start: number;
    slot_end: number;
  }[];
  return rows.map((row) => ({
    deliveryId: row.id,
    doorId: row.door_id,
    start: row.slot_start,
    end: row.slot_end,
  }));
}
