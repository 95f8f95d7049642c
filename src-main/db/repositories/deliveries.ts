import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Database, DeliveryStatus } from '../schema';

export interface DeliveryFilter {
  search?: string;
  statuses?: DeliveryStatus[];
  /** Slot window starting at or after this time. */
  from?: number;
  /** Slot window starting before this time. */
  to?: number;
  supplierId?: string;
  limit: number;
  offset: number;
}

/**
 * Deliveries as d with their supplier (s), carrier (c) and door joined in: where every read that
 * shows a delivery by its partners' and door's names starts, each with its own columns.
 */
export function deliveriesWithParties(db: Kysely<Database>) {
  return db
    .selectFrom('inboundDelivery as d')
    .innerJoin('partner as s', 's.id', 'd.supplierId')
    .leftJoin('partner as c', 'c.id', 'd.carrierId')
    .leftJoin('dockDoor as door', 'door.id', 'd.doorId');
}

/** The columns every delivery listing shows, with partner and door names joined in. */
function summaryQuery(db: Kysely<Database>) {
  return deliveriesWithParties(db).select([
    'd.id',
    'd.noticeNumber',
    'd.supplierId',
    's.name as supplierName',
    'd.carrierId',
    'c.name as carrierName',
    'd.truckPlate',
    'd.originName',
    'd.doorId',
    'door.name as doorName',
    'd.slotStart',
    'd.slotEnd',
    'd.status',
    'd.eta',
    'd.etaSource',
    'd.etaConfidenceMinutes',
    'd.gateInAt',
    'd.unloadingStartedAt',
    'd.unloadedAt',
    'd.gateOutAt',
  ]);
}

function applyFilter<Q extends ReturnType<typeof summaryQuery>>(query: Q, filter: DeliveryFilter): Q {
  let q = query;
  if (filter.statuses?.length) q = q.where('d.status', 'in', filter.statuses) as Q;
  if (filter.from !== undefined) q = q.where('d.slotStart', '>=', filter.from) as Q;
  if (filter.to !== undefined) q = q.where('d.slotStart', '<', filter.to) as Q;
  if (filter.supplierId) q = q.where('d.supplierId', '=', filter.supplierId) as Q;
  if (filter.search) {
    // LIKE wildcards typed by a user are matched literally.
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or(
        ['d.id', 'd.noticeNumber', 'd.truckPlate', 'd.originName', 's.name', 'c.name'].map((column) =>
          eb(sql`${sql.ref(column)}`, 'like', sql`${pattern} ESCAPE '\\'`),
        ),
      ),
    ) as Q;
  }
  return q;
}

export async function listDeliveries(db: Kysely<Database>, filter: DeliveryFilter) {
  const base = applyFilter(summaryQuery(db), filter);
  const [rows, count] = await Promise.all([
    base.orderBy('d.slotStart').orderBy('d.id').limit(filter.limit).offset(filter.offset).execute(),
    applyFilter(summaryQuery(db), filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export type DeliverySummaryRow = Awaited<ReturnType<typeof listDeliveries>>['rows'][number];

export async function findDelivery(db: Kysely<Database>, id: string) {
  return summaryQuery(db)
    .select([
      'd.deviceId',
      'd.originLat',
      'd.originLon',
      'd.departedAt',
      'd.doorArrivedAt',
      'd.cancelledAt',
      'd.notes',
      'd.lastLat',
      'd.lastLon',
      'd.lastPositionAt',
      'd.lastSpeedKmh',
      'd.lastHeading',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export async function deliveryItems(db: Kysely<Database>, deliveryId: string) {
  return db
    .selectFrom('deliveryItem as i')
    .innerJoin('part as p', 'p.id', 'i.partId')
    .select([
      'i.lineNo',
      'i.partId',
      'p.description',
      'p.unit',
      'i.supplierPartNumber',
      'i.quantityAnnounced',
      'i.quantityReceived',
    ])
    .where('i.deliveryId', '=', deliveryId)
    .orderBy('i.lineNo')
    .execute();
}

export async function deliveryHistory(db: Kysely<Database>, deliveryId: string) {
  return db
    .selectFrom('eventLog')
    .select(['id', 'at', 'actor', 'kind', 'payload'])
    .where('entityType', '=', 'delivery')
    .where('entityId', '=', deliveryId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function deliveryTrack(db: Kysely<Database>, deliveryId: string, since: number) {
  return db
    .selectFrom('position')
    .select(['at', 'lat', 'lon', 'speedKmh', 'heading'])
    .where('deliveryId', '=', deliveryId)
    .where('at', '>=', since)
    .orderBy('at')
    .execute();
}

const waypointList = z.array(z.tuple([z.number(), z.number()]));

/** The delivery's road to the plant (waypoints as [lat, lon]) and how far along it the truck is. */
export async function deliveryRoute(db: Kysely<Database>, deliveryId: string) {
  const row = await db
    .selectFrom('deliveryRoute')
    .select(['waypoints', 'distanceKm', 'travelledKm'])
    .where('deliveryId', '=', deliveryId)
    .executeTakeFirst();
  if (!row) return null;
  let json: unknown;
  try {
    json = JSON.parse(row.waypoints);
  } catch {
    return null;
  }
  const parsed = waypointList.safeParse(json);
  if (!parsed.success) return null;
  return {
    waypoints: parsed.data as [number, number][],
    distanceKm: row.distanceKm,
    travelledKm: row.travelledKm,
  };
}
