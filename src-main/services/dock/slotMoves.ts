import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';
import { placementProblem } from '../../domain/slots/placement';
import { logDeliveryEvent } from './deliveryLog';
import {
  bookedWindows,
  type DockDelivery,
  type DockDoor,
  deliveryLabel,
  plantTimeZone,
  readDoors,
  requireDelivery,
  requireDoor,
} from './dockReads';
import { readGridMinutes } from './gridSetting';
import { placementRefusal, statusRefusal } from './refusals';
import { type DockSlot, isMovable, readSlot } from './slotView';
import { currentStoppageFeeds, type StoppageFeeds } from './stoppageFeeds';

// Moving a slot to another time or door, booking a door for a delivery without one, and swapping
// two deliveries' slots. Each is one synchronous transaction: the rules are checked against the
// bookings as they are at the moment of the write, with its event-log entry; the views are told
// after the commit (the coverage projector re-reads the delivery: another door unloads at
// another pace).

function labelReader(sqlite: BetterSqlite3.Database) {
  const statement = sqlite.prepare('SELECT notice_number FROM inbound_delivery WHERE id = ?');
  return (id: string) => {
    const row = statement.get(id) as { notice_number: string | null } | undefined;
    return row?.notice_number ?? id;
  };
}

function requireMovable(delivery: DockDelivery, what: string): void {
  if (!isMovable(delivery.status)) {
    throw statusRefusal(deliveryLabel(delivery), delivery.id, delivery.status, what);
  }
}

interface Placement {
  delivery: DockDelivery;
  door: DockDoor;
  start: number;
  end: number;
}

/** Throws the refusal for the first rule the placement breaks. */
function checkPlacement(
  sqlite: BetterSqlite3.Database,
  placement: Placement,
  options: { now: number; timeZone: string; gridMinutes: number | null; ignore: readonly string[] },
): void {
  const { delivery, door, start, end } = placement;
  const booked = bookedWindows(sqlite, start, end, door.id).filter(
    (window) => !options.ignore.includes(window.deliveryId),
  );
  const problem = placementProblem({
    window: { start, end },
    door,
    required: delivery.requiredCapabilities,
    booked,
    now: options.now,
    timeZone: options.timeZone,
    gridMinutes: options.gridMinutes,
  });
  if (problem) {
    throw placementRefusal(problem, {
      label: deliveryLabel(delivery),
      deliveryId: delivery.id,
      door,
      start,
      end,
      timeZone: options.timeZone,
      labelOf: labelReader(sqlite),
    });
  }
}

function writeSlot(
  sqlite: BetterSqlite3.Database,
  deliveryId: string,
  slot: { doorId: string; start: number; end: number },
  now: number,
) {
  sqlite
    .prepare(
      'UPDATE inbound_delivery SET door_id = ?, slot_start = ?, slot_end = ?, updated_at = ? WHERE id = ?',
    )
    .run(slot.doorId, slot.start, slot.end, now, deliveryId);
}

function slotOrFail(ctx: AppContext, deliveryId: string, feeds: StoppageFeeds): DockSlot {
  const { sqlite } = ctx.database;
  const slot = readSlot(sqlite, deliveryId, {
    now: ctx.clock.now(),
    timeZone: plantTimeZone(sqlite),
    doors: new Map(readDoors(sqlite).map((door) => [door.id, door])),
    feeds,
  });
  if (!slot) throw new DomainError('NOT_FOUND', `Delivery ${deliveryId} has no door booked.`);
  return slot;
}

export interface SlotMove {
  deliveryId: string;
  doorId: string;
  slotStart: number;
}

/**
 * Moves a delivery's slot to `slotStart` at `doorId`, keeping its length; for a delivery without
 * a door this books one. Refused (and nothing written) when the start is off the grid, the window
 * has passed, the door lacks a capability, is too slow for the window, is closed during it or is
 * booked for someone else then, or the truck is already at a door.
 */
export async function moveSlot(ctx: AppContext, move: SlotMove): Promise<DockSlot> {
  const feeds = await currentStoppageFeeds(ctx);
  const { sqlite } = ctx.database;
  const now = ctx.clock.now();
  const timeZone = plantTimeZone(sqlite);
  const changed = sqlite.transaction(() => {
    const delivery = requireDelivery(sqlite, move.deliveryId);
    const door = requireDoor(sqlite, move.doorId);
    requireMovable(delivery, 'only a delivery not yet at a door can get another slot.');
    const start = move.slotStart;
    const end = start + (delivery.slotEnd - delivery.slotStart);
    if (delivery.doorId === door.id && delivery.slotStart === start) return false;
    checkPlacement(
      sqlite,
      { delivery, door, start, end },
      { now, timeZone, gridMinutes: readGridMinutes(sqlite), ignore: [delivery.id] },
    );
    writeSlot(sqlite, delivery.id, { doorId: door.id, start, end }, now);
    logDeliveryEvent(sqlite, now, delivery.doorId === null ? 'slot.booked' : 'slot.moved', delivery.id, {
      fromDoorId: delivery.doorId,
      fromStart: delivery.slotStart,
      toDoorId: door.id,
      toStart: start,
    });
    return true;
  })();
  if (changed) ctx.bus.emit('deliveries.changed', { ids: [move.deliveryId] });
  return slotOrFail(ctx, move.deliveryId, feeds);
}

/**
 * Swaps two deliveries' slots: each takes the other's door and window. Both must still be
 * movable, and each must fit the other's door (capabilities, unloading time, opening hours).
 */
export async function swapSlots(
  ctx: AppContext,
  deliveryId: string,
  withDeliveryId: string,
): Promise<{ slots: DockSlot[] }> {
  const feeds = await currentStoppageFeeds(ctx);
  const { sqlite } = ctx.database;
  const now = ctx.clock.now();
  const timeZone = plantTimeZone(sqlite);
  sqlite.transaction(() => {
    const first = requireDelivery(sqlite, deliveryId);
    const second = requireDelivery(sqlite, withDeliveryId);
    for (const delivery of [first, second]) {
      requireMovable(delivery, 'only deliveries not yet at a door can swap slots.');
      if (delivery.doorId === null) {
        throw new DomainError(
          'CONFLICT',
          `Delivery ${deliveryLabel(delivery)} has no door booked yet; book it a slot instead of swapping.`,
          { reason: 'status', deliveryId: delivery.id, status: delivery.status },
        );
      }
    }
    const firstDoor = requireDoor(sqlite, first.doorId!);
    const secondDoor = requireDoor(sqlite, second.doorId!);
    const ignore = [first.id, second.id];
    const options = { now, timeZone, gridMinutes: null, ignore };
    checkPlacement(
      sqlite,
      { delivery: first, door: secondDoor, start: second.slotStart, end: second.slotEnd },
      options,
    );
    checkPlacement(
      sqlite,
      { delivery: second, door: firstDoor, start: first.slotStart, end: first.slotEnd },
      options,
    );
    writeSlot(sqlite, first.id, { doorId: secondDoor.id, start: second.slotStart, end: second.slotEnd }, now);
    writeSlot(sqlite, second.id, { doorId: firstDoor.id, start: first.slotStart, end: first.slotEnd }, now);
    for (const [delivery, other] of [
      [first, second],
      [second, first],
    ] as const) {
      logDeliveryEvent(sqlite, now, 'slot.swapped', delivery.id, {
        fromDoorId: delivery.doorId,
        fromStart: delivery.slotStart,
        toDoorId: other.doorId,
        toStart: other.slotStart,
        withDeliveryId: other.id,
      });
    }
  })();
  ctx.bus.emit('deliveries.changed', { ids: [deliveryId, withDeliveryId] });
  return { slots: [slotOrFail(ctx, deliveryId, feeds), slotOrFail(ctx, withDeliveryId, feeds)] };
}
