import { DomainError } from '../api/result';
import type { AppContext } from '../app/context';
import { requireSite } from '../db/repositories/site';
import { localDay, localDayRange, localParts } from '../domain/plantTime';
import { hasArrived, isLateArrival, toReportDelivery } from './deliveryReport';
import { capacityAt, doorHours } from './dockCapacity';
import { readDeliveryRows, readDoors, readStoppages } from './reportRows';
import { nextDay } from './reportWindow';

// The managers' trends over days: on-time rate per day, how long trucks stand in the yard, how the
// arrivals spread over the hours of a day against the dock, and the line stoppages per day. It
// reads the same rows as the delivery report, so both always agree.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const MAX_DASHBOARD_DAYS = 93;

/** Dwell-time buckets in minutes: [from, to), the last one open-ended. */
export const DWELL_BUCKETS: readonly [number, number | null][] = [
  [0, 30],
  [30, 60],
  [60, 90],
  [90, 120],
  [120, 180],
  [180, 240],
  [240, null],
];

export interface DashboardRequest {
  from: string;
  to: string;
  partnerId?: string | undefined;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export async function deliveryDashboard(ctx: AppContext, request: DashboardRequest) {
  const { db } = ctx.database;
  const site = await requireSite(db);
  const timeZone = site.timeZone;
  if (request.to < request.from) {
    throw new DomainError('INVALID_INPUT', `to: ${request.to} lies before from (${request.from}).`);
  }
  const days: string[] = [];
  for (let day = request.from; day <= request.to; day = nextDay(day)) {
    days.push(day);
    if (days.length > MAX_DASHBOARD_DAYS) {
      throw new DomainError('INVALID_INPUT', `to: the dashboard shows at most ${MAX_DASHBOARD_DAYS} days.`);
    }
  }
  const range = {
    start: localDayRange(request.from, timeZone).start,
    end: localDayRange(request.to, timeZone).end,
  };
  const now = ctx.clock.now();
  const [rows, stoppages, doors] = await Promise.all([
    readDeliveryRows(db, range, request.partnerId),
    readStoppages(db, range, now, request.partnerId),
    readDoors(db),
  ]);
  const deliveries = rows.map((row) => toReportDelivery(row, now));

  const perDay = new Map(
    days.map((day) => [day, { day, planned: 0, arrived: 0, onTime: 0, late: 0, stoppageMinutes: 0 }]),
  );
  for (const delivery of deliveries) {
    const entry = perDay.get(localDay(delivery.slotStart, timeZone));
    if (!entry) continue;
    entry.planned += 1;
    if (hasArrived(delivery)) {
      entry.arrived += 1;
      if (isLateArrival(delivery)) entry.late += 1;
      else entry.onTime += 1;
    }
  }
  for (const day of days) {
    const bounds = localDayRange(day, timeZone);
    const entry = perDay.get(day)!;
    for (const stoppage of stoppages) {
      const overlap = Math.min(stoppage.end, bounds.end) - Math.max(stoppage.start, bounds.start);
      if (overlap > 0) entry.stoppageMinutes += overlap / MINUTE;
    }
    entry.stoppageMinutes = Math.round(entry.stoppageMinutes);
  }

  const dwell = DWELL_BUCKETS.map(([from, to]) => ({ from, to, count: 0 }));
  for (const delivery of deliveries) {
    if (delivery.dwellMinutes === null) continue;
    const bucket = dwell.find(
      (b) => delivery.dwellMinutes! >= b.from && (b.to === null || delivery.dwellMinutes! < b.to),
    );
    if (bucket) bucket.count += 1;
  }

  // Hours of the day: a 25-hour day adds a second 02:00 hour to the capacity's average.
  const hours = doorHours(doors);
  const perHour = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    planned: 0,
    arrived: 0,
    capacity: 0,
    samples: 0,
  }));
  for (let at = range.start; at < range.end; at += HOUR) {
    const bucket = perHour[localParts(at, timeZone).hour]!;
    bucket.capacity += capacityAt(hours, at, timeZone);
    bucket.samples += 1;
  }
  for (const delivery of deliveries) {
    perHour[localParts(delivery.slotStart, timeZone).hour]!.planned += 1;
    if (delivery.gateInAt !== null && delivery.gateInAt >= range.start && delivery.gateInAt < range.end) {
      perHour[localParts(delivery.gateInAt, timeZone).hour]!.arrived += 1;
    }
  }

  // Averaged over the days that had deliveries: days without any (before the plant's records
  // begin, a holiday) would otherwise flatten a busy week against the dock's capacity.
  const activeDays = Math.max(1, [...perDay.values()].filter((entry) => entry.planned > 0).length);
  const arrived = deliveries.filter(hasArrived);
  const late = arrived.filter(isLateArrival);
  const dwellMinutes = deliveries.flatMap((d) => (d.dwellMinutes === null ? [] : [d.dwellMinutes]));
  return {
    from: request.from,
    to: request.to,
    partnerId: request.partnerId ?? null,
    timeZone,
    totals: {
      planned: deliveries.length,
      arrived: arrived.length,
      onTimeRate: arrived.length ? (arrived.length - late.length) / arrived.length : null,
      averageDwellMinutes: dwellMinutes.length
        ? round1(dwellMinutes.reduce((sum, m) => sum + m, 0) / dwellMinutes.length)
        : null,
      stoppageMinutes: [...perDay.values()].reduce((sum, d) => sum + d.stoppageMinutes, 0),
    },
    days: [...perDay.values()].map((entry) => ({
      ...entry,
      onTimeRate: entry.arrived ? entry.onTime / entry.arrived : null,
    })),
    dwell,
    perHour: perHour.map(({ hour, planned, arrived: arrivedCount, capacity, samples }) => ({
      hour,
      // Per day on average, so a week and a day read on the same scale as the dock's capacity.
      planned: round1(planned / activeDays),
      arrived: round1(arrivedCount / activeDays),
      capacity: samples ? round1(capacity / samples) : 0,
    })),
  };
}
