import type { Kysely } from 'kysely';
import { deliveriesWithParties } from '../../db/repositories/deliveries';
import { requireSite } from '../../db/repositories/site';
import type { Database } from '../../db/schema';
import type { DeliveryFacts, PlantFacts } from './noticeTypes';

// Reads what a notice speaks of from the plant's tables.

export async function plantFacts(db: Kysely<Database>): Promise<PlantFacts> {
  const site = await requireSite(db);
  return { name: site.name, timeZone: site.timeZone };
}

export interface DeliveryParties {
  supplierId: string;
  carrierId: string | null;
}

export async function deliveryFacts(
  db: Kysely<Database>,
  deliveryId: string,
): Promise<{ facts: DeliveryFacts; parties: DeliveryParties; doorId: string | null } | null> {
  const row = await deliveriesWithParties(db)
    .select([
      'd.id',
      'd.noticeNumber',
      'd.truckPlate',
      'd.supplierId',
      'd.carrierId',
      'd.doorId',
      'd.slotStart',
      'd.slotEnd',
      's.name as supplierName',
      'c.name as carrierName',
      'door.name as doorName',
    ])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
  if (!row) return null;
  const items = await db
    .selectFrom('deliveryItem as i')
    .innerJoin('part as p', 'p.id', 'i.partId')
    .select(['i.partId', 'i.supplierPartNumber', 'p.description', 'i.quantityAnnounced', 'p.unit'])
    .where('i.deliveryId', '=', deliveryId)
    .orderBy('i.lineNo')
    .execute();
  return {
    parties: { supplierId: row.supplierId, carrierId: row.carrierId },
    doorId: row.doorId,
    facts: {
      id: row.id,
      noticeNumber: row.noticeNumber,
      truckPlate: row.truckPlate,
      supplierName: row.supplierName,
      carrierName: row.carrierName,
      doorName: row.doorName,
      slotStart: row.slotStart,
      slotEnd: row.slotEnd,
      items: items.map((item) => ({
        partId: item.partId,
        supplierPartNumber: item.supplierPartNumber,
        description: item.description,
        quantity: item.quantityAnnounced,
        unit: item.unit,
      })),
    },
  };
}

export async function doorName(db: Kysely<Database>, doorId: string | null): Promise<string | null> {
  if (!doorId) return null;
  const door = await db.selectFrom('dockDoor').select('name').where('id', '=', doorId).executeTakeFirst();
  return door?.name ?? doorId;
}
