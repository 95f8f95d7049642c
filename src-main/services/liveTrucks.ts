import type { AppContext } from '../app/context';
import { punctuality } from '../domain/punctuality';
import { currentCoverage } from './coverage/coverageAccess';

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
  const critical = await criticalDeliveryIds(
    ctx,
    rows.map((row) => row.id),
  );
  return {
    at: now,
    trucks: rows.map((row) => ({
      ...row,
      lat: row.lastLat!,
      lon: row.lastLon!,
      punctuality: punctuality(row, now),
      /** The truck carries parts of a predicted stoppage: it ends one, or brings a part one waits for. */
      critical: critical.has(row.id),
    })),
  };
}

/**
 * Of the deliveries named, those the predicted stoppages depend on: the ones the projection says
 * end a stoppage, and any other that brings a part a line is predicted to stop for.
 */
async function criticalDeliveryIds(ctx: AppContext, deliveryIds: readonly string[]): Promise<Set<string>> {
  const result = new Set<string>();
  if (deliveryIds.length === 0) return result;
  const { stoppages } = (await currentCoverage(ctx)).projection;
  if (stoppages.length === 0) return result;
  for (const stoppage of stoppages) {
    if (stoppage.endingDelivery) result.add(stoppage.endingDelivery.id);
  }
  const partIds = [...new Set(stoppages.map((stoppage) => stoppage.partId))];
  const carrying = await ctx.database.db
    .selectFrom('deliveryItem as i')
    .innerJoin('inboundDelivery as d', 'd.id', 'i.deliveryId')
    .select('i.deliveryId')
    .distinct()
    .where('i.partId', 'in', partIds)
    .where('d.status', 'in', ON_THE_ROAD)
    .execute();
  for (const row of carrying) result.add(row.deliveryId);
  return result;
}

export type LiveTruck = Awaited<ReturnType<typeof liveTrucks>>['trucks'][number];
