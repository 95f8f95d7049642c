import { DomainError } from '../api/result';
import type { AppContext } from '../app/context';
import { requireSite } from '../db/repositories/site';
import { localDayRange, localParts } from '../domain/plantTime';
import { hasArrived, latePartners, summarise, toReportDelivery } from '../reports/deliveryReport';
import { SLOTS_PER_HOUR } from '../reports/dockCapacity';
import { readDeliveryRows } from '../reports/reportRows';

/**
 * The figures of one plant-local day, from the deliveries whose slot starts in it. It reads the
 * same rows and judges punctuality the same way as the exported delivery report, so the Reports
 * view and the file a supervisor sends on always agree.
 */
export async function dayOverview(ctx: AppContext, day: string) {
  const { db } = ctx.database;
  const site = await requireSite(db);
  let range: { start: number; end: number };
  try {
    range = localDayRange(day, site.timeZone);
  } catch (error) {
    throw new DomainError('INVALID_INPUT', `day: ${(error as Error).message}`);
  }
  const now = ctx.clock.now();
  const [rows, doorCount, shortItems] = await Promise.all([
    readDeliveryRows(db, range),
    db
      .selectFrom('dockDoor')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('deliveryItem as i')
      .innerJoin('inboundDelivery as d', 'd.id', 'i.deliveryId')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('d.slotStart', '>=', range.start)
      .where('d.slotStart', '<', range.end)
      .whereRef('i.quantityReceived', '<', 'i.quantityAnnounced')
      .executeTakeFirstOrThrow(),
  ]);
  const deliveries = rows.map((row) => toReportDelivery(row, now));
  const summary = summarise(deliveries, []);

  const perHour = Array.from({ length: 24 }, (_, hour) => ({ hour, planned: 0, arrived: 0 }));
  for (const delivery of deliveries) {
    perHour[localParts(delivery.slotStart, site.timeZone).hour]!.planned += 1;
    if (delivery.gateInAt !== null && delivery.gateInAt >= range.start && delivery.gateInAt < range.end) {
      perHour[localParts(delivery.gateInAt, site.timeZone).hour]!.arrived += 1;
    }
  }

  return {
    day,
    timeZone: site.timeZone,
    range,
    planned: summary.planned,
    arrived: deliveries.filter(hasArrived).length,
    onTime: summary.onTime,
    onTimeRate: summary.onTimeRate,
    averageDwellMinutes: summary.averageDwellMinutes,
    shortItems: Number(shortItems.n),
    statusCounts: summary.statusCounts as Record<string, number>,
    // Two 30-minute slots per door and hour: the dock's nominal capacity.
    capacityPerHour: Number(doorCount.n) * SLOTS_PER_HOUR,
    perHour,
    mostOftenLate: latePartners(deliveries, 5).map(({ supplierName, late }) => ({ supplierName, late })),
  };
}
