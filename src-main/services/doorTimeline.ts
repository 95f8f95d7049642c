import type { AppContext } from '../app/context';
import { plantTimeZone, readDoors } from './dock/dockReads';
import { readGridMinutes } from './dock/gridSetting';
import { overlapsByDelivery, SLOT_COLUMNS, type SlotRow, slotFromRow } from './dock/slotView';
import { currentStoppageFeeds, partsCarried } from './dock/stoppageFeeds';

/** Slots are at most a few hours long: look back this far for one that reaches into the range. */
const LOOK_BACK_MS = 6 * 60 * 60 * 1000;

/**
 * Doors as rows, each with the slots that overlap [from, to): the dock timeline's data. One query
 * for the slots and one for the parts of the stoppages the projection predicts, however many slots
 * (60 doors × 7 days is about 5,000).
 */
export async function doorTimeline(ctx: AppContext, from: number, to: number) {
  const { sqlite } = ctx.database;
  const feeds = await currentStoppageFeeds(ctx);
  const now = ctx.clock.now();
  const timeZone = plantTimeZone(sqlite);
  const doors = readDoors(sqlite);
  const rows = sqlite
    .prepare(
      `SELECT ${SLOT_COLUMNS} FROM inbound_delivery d JOIN partner s ON s.id = d.supplier_id
       WHERE d.door_id IS NOT NULL AND d.status != 'cancelled'
         AND d.slot_start >= ? AND d.slot_start < ? AND d.slot_end > ?
       ORDER BY d.slot_start, d.id`,
    )
    .all(from - LOOK_BACK_MS, to, from) as SlotRow[];
  const view = {
    now,
    timeZone,
    doors: new Map(doors.map((door) => [door.id, door])),
    overlaps: overlapsByDelivery(rows),
    feeds,
    parts: partsCarried(
      sqlite,
      rows.map((row) => row.id),
      feeds.partIds,
    ),
  };
  return {
    now,
    gridMinutes: readGridMinutes(sqlite),
    doors: doors.map((door) => ({
      id: door.id,
      name: door.name,
      unloadMinutes: door.unloadMinutes,
      capabilities: door.capabilities,
      openingHours: door.openingHours,
    })),
    slots: rows.map((row) => slotFromRow(row, view)),
  };
}

export type DoorTimeline = Awaited<ReturnType<typeof doorTimeline>>;
