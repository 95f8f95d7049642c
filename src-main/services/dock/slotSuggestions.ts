import type BetterSqlite3 from 'better-sqlite3';
import type { AppContext } from '../../app/context';
import { ceilToGrid } from '../../domain/slots/grid';
import type { TimeWindow } from '../../domain/slots/overlap';
import { type SlotSuggestion, suggestSlots } from '../../domain/slots/suggest';
import {
  type BookedWindow,
  type DockDelivery,
  type DockDoor,
  deliveryLabel,
  plantTimeZone,
  readDoors,
  requireDelivery,
} from './dockReads';
import { readGridMinutes } from './gridSetting';
import { statusRefusal } from './refusals';
import { isMovable } from './slotView';
import { currentStoppageFeeds, partsCarried, type StoppageFeeds } from './stoppageFeeds';

// Slot booking: the best free slots for a delivery (door capabilities, ETA, what production waits
// for). The search looks a day ahead of the time the truck can first be at the door.

const HOUR = 3_600_000;
export const SUGGESTION_HORIZON_MS = 24 * HOUR;

const ON_SITE = new Set(['at_gate']);

/** When the truck can be at a door: now for a truck on site, else its ETA (or slot start), never before now. */
export function readyAt(delivery: Pick<DockDelivery, 'status' | 'eta' | 'slotStart'>, now: number): number {
  if (ON_SITE.has(delivery.status)) return now;
  return Math.max(now, delivery.eta ?? delivery.slotStart);
}

export function bookedByDoor(windows: readonly BookedWindow[], leaveOut: ReadonlySet<string>) {
  const byDoor = new Map<string, TimeWindow[]>();
  for (const window of windows) {
    if (leaveOut.has(window.deliveryId)) continue;
    const list = byDoor.get(window.doorId) ?? [];
    list.push(window);
    byDoor.set(window.doorId, list);
  }
  return byDoor;
}

export interface DockPicture {
  now: number;
  timeZone: string;
  gridMinutes: number;
  doors: DockDoor[];
  booked: BookedWindow[];
}

export function readDockPicture(sqlite: BetterSqlite3.Database, now: number, until: number): DockPicture {
  return {
    now,
    timeZone: plantTimeZone(sqlite),
    gridMinutes: readGridMinutes(sqlite),
    doors: readDoors(sqlite),
    booked: bookedWindowsBetween(sqlite, now, until),
  };
}

function bookedWindowsBetween(sqlite: BetterSqlite3.Database, from: number, to: number): BookedWindow[] {
  const rows = sqlite
    .prepare(
      `SELECT id, door_id, slot_start, slot_end FROM inbound_delivery
       WHERE door_id IS NOT NULL AND status NOT IN ('cancelled', 'departed') AND slot_start < ? AND slot_end > ?`,
    )
    .all(to, from) as { id: string; door_id: string; slot_start: number; slot_end: number }[];
  return rows.map((row) => ({
    deliveryId: row.id,
    doorId: row.door_id,
    start: row.slot_start,
    end: row.slot_end,
  }));
}

export function suggestionsFor(
  delivery: DockDelivery,
  critical: boolean,
  picture: DockPicture,
  limit: number,
  leaveOut: ReadonlySet<string> = new Set([delivery.id]),
): { earliest: number; suggestions: SlotSuggestion[] } {
  const earliest = ceilToGrid(readyAt(delivery, picture.now), picture.gridMinutes, picture.timeZone);
  const suggestions = suggestSlots(
    {
      required: delivery.requiredCapabilities,
      durationMs: delivery.slotEnd - delivery.slotStart,
      earliest,
      plannedStart: delivery.slotStart,
      currentDoorId: delivery.doorId,
      critical,
    },
    {
      doors: picture.doors,
      bookedByDoor: bookedByDoor(picture.booked, leaveOut),
      gridMinutes: picture.gridMinutes,
      timeZone: picture.timeZone,
      horizonMs: SUGGESTION_HORIZON_MS,
      limit,
    },
  );
  return { earliest, suggestions };
}

export function isCritical(sqlite: BetterSqlite3.Database, delivery: DockDelivery, feeds: StoppageFeeds) {
  const parts = partsCarried(sqlite, [delivery.id], feeds.partIds).get(delivery.id) ?? [];
  return (
    feeds.feedOf(
      {
        id: delivery.id,
        status: delivery.status,
        arrival: delivery.gateInAt ?? delivery.eta ?? delivery.slotStart,
      },
      parts,
    ) !== null
  );
}

/** The best free slots for a delivery not yet at a door, best first. */
export async function suggestDeliverySlots(ctx: AppContext, deliveryId: string, limit: number) {
  const feeds = await currentStoppageFeeds(ctx);
  const { sqlite } = ctx.database;
  const now = ctx.clock.now();
  const delivery = requireDelivery(sqlite, deliveryId);
  if (!isMovable(delivery.status)) {
    throw statusRefusal(
      deliveryLabel(delivery),
      delivery.id,
      delivery.status,
      'only a delivery not yet at a door can be booked a slot.',
    );
  }
  const critical = isCritical(sqlite, delivery, feeds);
  const picture = readDockPicture(sqlite, now, readyAt(delivery, now) + SUGGESTION_HORIZON_MS + 2 * HOUR);
  const { suggestions } = suggestionsFor(delivery, critical, picture, limit);
  return { deliveryId: delivery.id, eta: delivery.eta, critical, suggestions };
}
