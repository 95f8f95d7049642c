import { DomainError } from '../api/result';
import type { AppContext } from '../app/context';

/**
 * Records a note on a delivery (gate or dock staff: "pallet damaged", "driver without papers").
 * The note and its event-log entry are written in one transaction, then the views are told.
 */
export async function addDeliveryNote(ctx: AppContext, deliveryId: string, note: string, actor: string) {
  const now = ctx.clock.now();
  const notes = await ctx.database.db.transaction().execute(async (trx) => {
    const delivery = await trx
      .selectFrom('inboundDelivery')
      .select(['notes'])
      .where('id', '=', deliveryId)
      .executeTakeFirst();
    if (!delivery) throw new DomainError('NOT_FOUND', `There is no delivery ${deliveryId}.`);
    const combined = delivery.notes ? `${delivery.notes}\n${note}` : note;
    await trx
      .updateTable('inboundDelivery')
      .set({ notes: combined, updatedAt: now })
      .where('id', '=', deliveryId)
      .execute();
    await trx
      .insertInto('eventLog')
      .values({
        at: now,
        actor,
        kind: 'delivery.note',
        entityType: 'delivery',
        entityId: deliveryId,
        payload: JSON.stringify({ note }),
      })
      .execute();
    return combined;
  });
  ctx.bus.emit('deliveries.changed', { ids: [deliveryId] });
  return { id: deliveryId, notes };
}
