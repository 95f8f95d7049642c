import { DomainError } from '../api/result';
import type { AppContext } from '../app/context';
import { requireSite } from '../db/repositories/site';
import { localDayRange, localParts } from '../domain/plantTime';

const MINUTE = 60_000;

/** The figures of one plant-local day, from the deliveries whose slot starts in it. */
export async function dayOverview(ctx: AppContext, day: string) {
  const { db } = ctx.database;
  const site = await requireSite(db);
  let range: { start: number; end: number };
  try {
    range = localDayRange(day, site.timeZone);
  } catch (error) {
    throw new DomainError('INVALID_INPUT', `day: ${(error as Error).message}`);
  }
  const [deliveries, doorCount, shortItems] = await Promise.all([
    db
      .selectFrom('inboundDelivery as d')
      .innerJoin('partner as s', 's.id', 'd.supplierId')
      .select([
        'd.id',
        'd.status',
        'd.slotStart',
        'd.slotEnd',
        'd.gateInAt',
        'd.gateOutAt',
        's.name as supplierName',
      ])
      .where('d.slotStart', '>=', range.start)
      .where('d.slotStart', '<', range.end)
      .execute(),
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

  const arrived = deliveries.filter((d) => d.gateInAt !== null);
  const onTime = arrived.filter((d) => d.gateInAt! <= d.slotEnd);
  const dwell = deliveries.filter((d) => d.gateInAt !== null && d.gateOutAt !== null);
  const perHour = Array.from({ length: 24 }, (_, hour) => ({ hour, planned: 0, arrived: 0 }));
  for (const delivery of deliveries) {
    perHour[localParts(delivery.slotStart, site.timeZone).hour]!.planned += 1;
    if (delivery.gateInAt !== null && delivery.gateInAt >= range.start && delivery.gateInAt < range.end) {
      perHour[localParts(delivery.gateInAt, site.timeZone).hour]!.arrived += 1;
    }
  }
  const lateBySupplier = new Map<string, number>();
  for (const delivery of arrived) {
    if (delivery.gateInAt! > delivery.slotEnd) {
      lateBySupplier.set(delivery.supplierName, (lateBySupplier.get(delivery.supplierName) ?? 0) + 1);
    }
  }
  const statusCounts: Record<string, number> = {};
  for (const delivery of deliveries) statusCounts[delivery.status] = (statusCounts[delivery.status] ?? 0) + 1;

  return {
    day,
    timeZone: site.timeZone,
    range,
    planned: deliveries.length,
    arrived: arrived.length,
    onTime: onTime.length,
    onTimeRate: arrived.length ? onTime.length / arrived.length : null,
    averageDwellMinutes: dwell.length
      ? dwell.reduce((sum, d) => sum + (d.gateOutAt! - d.gateInAt!), 0) / dwell.length / MINUTE
      : null,
    shortItems: Number(shortItems.n),
    statusCounts,
    // Two 30-minute slots per door and hour: the dock's nominal capacity.
    capacityPerHour: Number(doorCount.n) * 2,
    perHour,
    mostOftenLate: [...lateBySupplier.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 5)
      .map(([supplierName, late]) => ({ supplierName, late })),
  };
}
