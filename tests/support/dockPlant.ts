import type { Insertable, Updateable } from 'kysely';
import type { AppContext } from '../../src-main/app/context';
import type { DockDoorTable, InboundDeliveryTable } from '../../src-main/db/schema';
import { ALWAYS_OPEN } from '../../src-main/domain/openingHours';

// What the dock tests arrange on the coverage plant (tests/support/coveragePlant.ts), whose Tor 1
// (side loading) is open round the clock and whose Tor 2 has no opening hours: more doors, and
// deliveries read and changed straight in the database.

/** Tor 3: cooled, office hours (Monday to Friday 06:00–20:00), 20 minutes to unload. */
export const COOLED_TOR_3: Insertable<DockDoorTable> = {
  id: 'T3',
  name: 'Tor 3',
  capabilities: '["cooled"]',
  openingHours: JSON.stringify([{ days: [1, 2, 3, 4, 5], open: '06:00', close: '20:00' }]),
  unloadMinutes: 20,
  sortOrder: 3,
};

/** Opens Tor 2 round the clock and adds `doors` beside it. */
export async function openDockDoors(ctx: AppContext, doors: Insertable<DockDoorTable>[]): Promise<void> {
  const { db } = ctx.database;
  await db
    .updateTable('dockDoor')
    .set({ openingHours: JSON.stringify(ALWAYS_OPEN) })
    .where('id', '=', 'T2')
    .execute();
  await db.insertInto('dockDoor').values(doors).execute();
}

/** A delivery's row as stored. */
export const deliveryRow = (ctx: AppContext, id: string) =>
  ctx.database.db.selectFrom('inboundDelivery').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Changes one delivery's row straight in the database (arranging a case, not a use case). */
export async function updateDelivery(
  ctx: AppContext,
  id: string,
  values: Updateable<InboundDeliveryTable>,
): Promise<void> {
  await ctx.database.db.updateTable('inboundDelivery').set(values).where('id', '=', id).execute();
}
