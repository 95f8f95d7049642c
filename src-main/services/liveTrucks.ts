import type { AppContext } from '../app/context';
import { punctuality } from '../domain/punctuality';

const ON_THE_ROAD = ['in_transit', 'at_gate', 'at_door', 'unloading'] as const;

/** The map's rows: one per truck that is on its way or at the plant and has reported a position. */
export async function liveTrucks(ctx: AppContext) {
  const now = ctx.clock.now();
  const rows = await ctx.database.db
    .selectFrom('inboundDelivery as d')
    .innerJoin('partner as s', 's.id', 'd.supplierId')
    .leftJoin('partner as c', 'c.id', 'd.carrierId')
    .select([
      'd.id',
      'd.truckPlate',
      'd.noticeNumber',
      's.name as supplierName',
      'd.supplierId',
      'c.name as carrierName',
      'd.carrierId',
      'd.status',
      'd.slotStart',
      'd.slotEnd',
      'd.doorId',
      'd.eta',
      'd.etaSource',
      'd.etaConfidenceMinutes',
      'd.gateInAt',
      'd.lastLat',
      'd.lastLon',
      'd.lastHeading',
      'd.lastSpeedKmh',
      'd.lastPositionAt',
      'd.originName',
    ])
    .where('d.status', 'in', ON_THE_ROAD)
    .where('d.lastLat', 'is not', null)
    .orderBy('d.slotStart')
    .execute();
  return {
    at: now,
    trucks: rows.map((row) => ({
      ...row,
      lat: row.lastLat!,
      lon: row.lastLon!,
      punctuality: punctuality(row, now),
    })),
  };
}

export type LiveTruck = Awaited<ReturnType<typeof liveTrucks>>['trucks'][number];
