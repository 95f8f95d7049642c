import { z } from 'zod';
import type { AppContext } from '../app/context';
import { punctuality } from '../domain/punctuality';

const capabilities = z.array(z.string()).catch([]);
const openingHours = z
  .array(z.object({ days: z.array(z.number().int().min(0).max(7)), open: z.string(), close: z.string() }))
  .catch([]);

/** Doors as rows, each with the slots that overlap [from, to): the dock timeline's data. */
export async function doorTimeline(ctx: AppContext, from: number, to: number) {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const [doors, slots] = await Promise.all([
    db.selectFrom('dockDoor').selectAll().orderBy('sortOrder').execute(),
    db
      .selectFrom('inboundDelivery as d')
      .innerJoin('partner as s', 's.id', 'd.supplierId')
      .select([
        'd.id',
        'd.doorId',
        'd.noticeNumber',
        'd.truckPlate',
        's.name as supplierName',
        'd.status',
        'd.slotStart',
        'd.slotEnd',
        'd.eta',
        'd.etaConfidenceMinutes',
        'd.gateInAt',
        'd.unloadingStartedAt',
        'd.unloadedAt',
        'd.gateOutAt',
      ])
      .where('d.doorId', 'is not', null)
      .where('d.status', '!=', 'cancelled')
      // Indexed on slot_start; a slot is at most a few hours long, so look back a little.
      .where('d.slotStart', '>=', from - 6 * 60 * 60 * 1000)
      .where('d.slotStart', '<', to)
      .where('d.slotEnd', '>', from)
      .orderBy('d.slotStart')
      .execute(),
  ]);
  return {
    now,
    doors: doors.map((door) => ({
      id: door.id,
      name: door.name,
      unloadMinutes: door.unloadMinutes,
      capabilities: capabilities.parse(JSON.parse(door.capabilities)),
      openingHours: openingHours.parse(JSON.parse(door.openingHours)),
    })),
    slots: slots.map((slot) => ({ ...slot, punctuality: punctuality(slot, now) })),
  };
}
