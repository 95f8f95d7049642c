import { localParts } from '../domain/plantTime';
import type { DeliveryReport, ReportDelivery } from './deliveryReport';
import type { ColumnKey, ReportLabels, ReportLanguage } from './reportLabels';

// The deliveries table as every writer lays it out: one column list, typed cells. Times are
// instants; each writer shows them in the plant's time zone in its own way.

export type Cell =
  | { kind: 'text'; value: string | null }
  | { kind: 'time'; value: number | null }
  | { kind: 'int'; value: number | null }
  | { kind: 'decimal'; value: number | null };

export interface Column {
  key: ColumnKey;
  kind: Cell['kind'];
  /** Width in characters (XLSX) and relative width (PDF). */
  width: number;
  cell(delivery: ReportDelivery, labels: ReportLabels): Cell;
}

const text = (value: string | null): Cell => ({ kind: 'text', value });
const time = (value: number | null): Cell => ({ kind: 'time', value });
const int = (value: number | null): Cell => ({ kind: 'int', value });

export function fillRate(delivery: Pick<ReportDelivery, 'quantityAnnounced' | 'quantityReceived'>) {
  if (delivery.quantityReceived === null || delivery.quantityAnnounced === 0) return null;
  return Math.round((delivery.quantityReceived / delivery.quantityAnnounced) * 1000) / 10;
}

export const COLUMNS: readonly Column[] = [
  { key: 'noticeNumber', kind: 'text', width: 14, cell: (d) => text(d.noticeNumber) },
  { key: 'supplier', kind: 'text', width: 24, cell: (d) => text(d.supplierName) },
  { key: 'carrier', kind: 'text', width: 20, cell: (d) => text(d.carrierName) },
  { key: 'plate', kind: 'text', width: 13, cell: (d) => text(d.truckPlate) },
  { key: 'door', kind: 'text', width: 8, cell: (d) => text(d.doorName) },
  { key: 'slotStart', kind: 'time', width: 17, cell: (d) => time(d.slotStart) },
  { key: 'slotEnd', kind: 'time', width: 17, cell: (d) => time(d.slotEnd) },
  { key: 'gateIn', kind: 'time', width: 17, cell: (d) => time(d.gateInAt) },
  { key: 'unloadingStart', kind: 'time', width: 17, cell: (d) => time(d.unloadingStartedAt) },
  { key: 'unloadingEnd', kind: 'time', width: 17, cell: (d) => time(d.unloadedAt) },
  { key: 'departure', kind: 'time', width: 17, cell: (d) => time(d.gateOutAt) },
  { key: 'status', kind: 'text', width: 13, cell: (d, labels) => text(labels.status[d.status]) },
  {
    key: 'punctuality',
    kind: 'text',
    width: 13,
    cell: (d, labels) => text(labels.punctuality[d.punctuality]),
  },
  { key: 'minutesLate', kind: 'int', width: 10, cell: (d) => int(d.minutesLate) },
  { key: 'dwellMinutes', kind: 'int', width: 10, cell: (d) => int(d.dwellMinutes) },
  { key: 'announced', kind: 'int', width: 10, cell: (d) => int(d.quantityAnnounced) },
  { key: 'received', kind: 'int', width: 10, cell: (d) => int(d.quantityReceived) },
  { key: 'fillRate', kind: 'decimal', width: 10, cell: (d) => ({ kind: 'decimal', value: fillRate(d) }) },
  { key: 'notes', kind: 'text', width: 30, cell: (d) => text(d.notes) },
];

export function tableRows(report: DeliveryReport, labels: ReportLabels): Cell[][] {
  return report.deliveries.map((delivery) => COLUMNS.map((column) => column.cell(delivery, labels)));
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "27.11.2026 08:30" (de) or "2026-11-27 08:30" (en), in the plant's time zone. */
export function formatLocalTime(at: number, timeZone: string, language: ReportLanguage): string {
  const p = localParts(at, timeZone);
  const clock = `${pad(p.hour)}:${pad(p.minute)}`;
  return language === 'de'
    ? `${pad(p.day)}.${pad(p.month)}.${p.year} ${clock}`
    : `${p.year}-${pad(p.month)}-${pad(p.day)} ${clock}`;
}

/** "27.11.2026" (de) or "2026-11-27" (en) for a plant-local day string. */
export function formatDay(day: string, language: ReportLanguage): string {
  if (language === 'en') return day;
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

const clockOfMinute = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/** "Frühschicht 06:00–14:00, 27.11.2026" or "27.11.2026": what the report covers. */
export function windowTitle(report: DeliveryReport, language: ReportLanguage): string {
  const day = formatDay(report.day, language);
  if (!report.shift) return day;
  const { name, startMinute, endMinute } = report.shift;
  return `${name} ${clockOfMinute(startMinute)}–${clockOfMinute(endMinute)}, ${day}`;
}

export function reportTitle(report: DeliveryReport, labels: ReportLabels): string {
  return report.shift ? labels.shiftTitle : labels.dayTitle;
}

/** "Anlieferungen_2026-11-27_fruehschicht.pdf": safe on every file system. */
export function reportFileName(report: DeliveryReport, labels: ReportLabels, extension: string): string {
  const shiftPart = report.shift
    ? `_${report.shift.id
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9-]+/g, '-')}`
    : '';
  return `${labels.fileStem}_${report.day}${shiftPart}.${extension}`;
}
