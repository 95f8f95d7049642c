import type { DeliveryStatus } from '../db/schema';
import type { OpeningWindow } from '../domain/openingHours';
import { localParts } from '../domain/plantTime';
import { type PunctualityClass, punctuality } from '../domain/punctuality';
import { capacityAt } from './dockCapacity';
import type { DeliveryReportRow, StoppageInterval } from './reportRows';
import type { ReportWindow } from './reportWindow';

// The delivery report of a day or a shift as one plain object: the procedure returns it, and the
// XLSX, CSV and PDF writers only lay it out. Nothing here reads the database or the clock.

const MINUTE = 60_000;

export interface ReportDelivery {
  id: string;
  noticeNumber: string | null;
  supplierName: string;
  carrierName: string | null;
  truckPlate: string | null;
  doorName: string | null;
  status: DeliveryStatus;
  slotStart: number;
  slotEnd: number;
  gateInAt: number | null;
  unloadingStartedAt: number | null;
  unloadedAt: number | null;
  gateOutAt: number | null;
  punctuality: PunctualityClass;
  /** After the window's end (positive) or before it (negative); expected while on the way. */
  minutesLate: number | null;
  /** Gate check-in to check-out; null until the truck has left. */
  dwellMinutes: number | null;
  quantityAnnounced: number;
  quantityReceived: number | null;
  notes: string | null;
}

export interface LatePartner {
  supplierName: string;
  late: number;
  arrived: number;
  averageMinutesLate: number;
}

export interface StoppageCause {
  lineName: string;
  partId: string;
  partDescription: string;
  supplierName: string | null;
  stoppages: number;
  minutes: number;
}

export interface ReportHour {
  /** The hour's start (UTC epoch ms); `label` is its plant-local hour ("06"). */
  start: number;
  label: string;
  planned: number;
  arrived: number;
  capacity: number;
}

export interface ReportSummary {
  planned: number;
  arrived: number;
  onTime: number;
  late: number;
  /** Share of arrived trucks that checked in by their window's end; null before any arrival. */
  onTimeRate: number | null;
  averageDwellMinutes: number | null;
  statusCounts: Partial<Record<DeliveryStatus, number>>;
  quantityAnnounced: number;
  quantityReceived: number;
  shortDeliveries: number;
  stoppageMinutes: number;
  stoppages: number;
}

export interface DeliveryReport {
  plantName: string;
  timeZone: string;
  day: string;
  shift: { id: string; name: string; startMinute: number; endMinute: number } | null;
  start: number;
  end: number;
  generatedAt: number;
  summary: ReportSummary;
  latePartners: LatePartner[];
  stoppageCauses: StoppageCause[];
  perHour: ReportHour[];
  deliveries: ReportDelivery[];
}

export interface ReportInputs {
  plantName: string;
  timeZone: string;
  window: ReportWindow;
  now: number;
  rows: readonly DeliveryReportRow[];
  stoppages: readonly StoppageInterval[];
  doorHours: readonly OpeningWindow[][];
}

const ARRIVED: ReadonlySet<DeliveryStatus> = new Set([
  'at_gate',
  'at_door',
  'unloading',
  'unloaded',
  'departed',
]);
const minutesBetween = (from: number, to: number) => Math.round((to - from) / MINUTE);
const round1 = (value: number) => Math.round(value * 10) / 10;

export function toReportDelivery(row: DeliveryReportRow, now: number): ReportDelivery {
  const judged = punctuality(row, now);
  return {
    id: row.id,
    noticeNumber: row.noticeNumber,
    supplierName: row.supplierName,
    carrierName: row.carrierName,
    truckPlate: row.truckPlate,
    doorName: row.doorName,
    status: row.status,
    slotStart: row.slotStart,
    slotEnd: row.slotEnd,
    gateInAt: row.gateInAt,
    unloadingStartedAt: row.unloadingStartedAt,
    unloadedAt: row.unloadedAt,
    gateOutAt: row.gateOutAt,
    punctuality: judged.class,
    minutesLate: judged.minutesLate,
    dwellMinutes:
      row.gateInAt !== null && row.gateOutAt !== null ? minutesBetween(row.gateInAt, row.gateOutAt) : null,
    quantityAnnounced: row.quantityAnnounced,
    quantityReceived: row.quantityReceived,
    notes: row.notes,
  };
}

/** Arrived means checked in at the gate; only those are judged on time or late. */
export const hasArrived = (delivery: Pick<ReportDelivery, 'status' | 'gateInAt'>) =>
  ARRIVED.has(delivery.status) && delivery.gateInAt !== null;

export const isLateArrival = (delivery: ReportDelivery) =>
  hasArrived(delivery) && (delivery.minutesLate ?? 0) > 0;

export function summarise(deliveries: readonly ReportDelivery[], stoppages: readonly StoppageInterval[]) {
  const arrived = deliveries.filter(hasArrived);
  const late = arrived.filter(isLateArrival);
  const dwell = deliveries.flatMap((d) => (d.dwellMinutes === null ? [] : [d.dwellMinutes]));
  const statusCounts: Partial<Record<DeliveryStatus, number>> = {};
  for (const delivery of deliveries) statusCounts[delivery.status] = (statusCounts[delivery.status] ?? 0) + 1;
  const received = deliveries.filter((d) => d.quantityReceived !== null);
  const summary: ReportSummary = {
    planned: deliveries.length,
    arrived: arrived.length,
    onTime: arrived.length - late.length,
    late: late.length,
    onTimeRate: arrived.length ? (arrived.length - late.length) / arrived.length : null,
    averageDwellMinutes: dwell.length ? round1(dwell.reduce((sum, m) => sum + m, 0) / dwell.length) : null,
    statusCounts,
    quantityAnnounced: deliveries.reduce((sum, d) => sum + d.quantityAnnounced, 0),
    quantityReceived: received.reduce((sum, d) => sum + (d.quantityReceived ?? 0), 0),
    shortDeliveries: received.filter((d) => (d.quantityReceived ?? 0) < d.quantityAnnounced).length,
    stoppageMinutes: stoppages.reduce((sum, s) => sum + minutesBetween(s.start, s.end), 0),
    stoppages: stoppages.length,
  };
  return summary;
}

/** The suppliers with the most late arrivals, worst first; ties by average lateness, then name. */
export function latePartners(deliveries: readonly ReportDelivery[], limit = 10): LatePartner[] {
  const bySupplier = new Map<string, { late: number; arrived: number; minutes: number }>();
  for (const delivery of deliveries.filter(hasArrived)) {
    const entry = bySupplier.get(delivery.supplierName) ?? { late: 0, arrived: 0, minutes: 0 };
    entry.arrived += 1;
    if (isLateArrival(delivery)) {
      entry.late += 1;
      entry.minutes += delivery.minutesLate ?? 0;
    }
    bySupplier.set(delivery.supplierName, entry);
  }
  return [...bySupplier.entries()]
    .filter(([, entry]) => entry.late > 0)
    .map(([supplierName, entry]) => ({
      supplierName,
      late: entry.late,
      arrived: entry.arrived,
      averageMinutesLate: round1(entry.minutes / entry.late),
    }))
    .sort(
      (a, b) =>
        b.late - a.late ||
        b.averageMinutesLate - a.averageMinutesLate ||
        a.supplierName.localeCompare(b.supplierName),
    )
    .slice(0, limit);
}

/** Stoppage minutes per line and missing part, most minutes first. */
export function stoppageCauses(stoppages: readonly StoppageInterval[]): StoppageCause[] {
  const byCause = new Map<string, StoppageCause>();
  for (const stoppage of stoppages) {
    const key = `${stoppage.lineId}|${stoppage.partId}`;
    const cause = byCause.get(key) ?? {
      lineName: stoppage.lineName,
      partId: stoppage.partId,
      partDescription: stoppage.partDescription,
      supplierName: stoppage.supplierName,
      stoppages: 0,
      minutes: 0,
    };
    cause.stoppages += 1;
    cause.minutes += minutesBetween(stoppage.start, stoppage.end);
    byCause.set(key, cause);
  }
  return [...byCause.values()].sort((a, b) => b.minutes - a.minutes || a.lineName.localeCompare(b.lineName));
}

/**
 * The window hour by hour (a 25-hour day has two "02" hours): deliveries planned (slot start) and
 * arrived (gate check-in) in each, against the doors' capacity.
 */
export function perHour(
  window: { start: number; end: number },
  deliveries: readonly ReportDelivery[],
  hours: readonly OpeningWindow[][],
  timeZone: string,
): ReportHour[] {
  const buckets: ReportHour[] = [];
  for (let start = window.start; start < window.end; start += 60 * MINUTE) {
    buckets.push({
      start,
      label: String(localParts(start, timeZone).hour).padStart(2, '0'),
      planned: 0,
      arrived: 0,
      capacity: capacityAt(hours, start, timeZone),
    });
  }
  const bucketOf = (at: number) => Math.floor((at - window.start) / (60 * MINUTE));
  for (const delivery of deliveries) {
    const planned = buckets[bucketOf(delivery.slotStart)];
    if (planned) planned.planned += 1;
    if (delivery.gateInAt !== null && delivery.gateInAt >= window.start && delivery.gateInAt < window.end) {
      const arrived = buckets[bucketOf(delivery.gateInAt)];
      if (arrived) arrived.arrived += 1;
    }
  }
  return buckets;
}

export function buildDeliveryReport(inputs: ReportInputs): DeliveryReport {
  const { window, now, timeZone } = inputs;
  const deliveries = inputs.rows.map((row) => toReportDelivery(row, now));
  return {
    plantName: inputs.plantName,
    timeZone,
    day: window.day,
    shift: window.shift ? { ...window.shift } : null,
    start: window.start,
    end: window.end,
    generatedAt: now,
    summary: summarise(deliveries, inputs.stoppages),
    latePartners: latePartners(deliveries),
    stoppageCauses: stoppageCauses(inputs.stoppages),
    perHour: perHour(window, deliveries, inputs.doorHours, timeZone),
    deliveries,
  };
}
