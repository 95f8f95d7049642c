import type { DeliveryStatus } from '../db/schema';
import type { PunctualityClass } from '../domain/punctuality';

// The words of the exported files, in the plant's two languages. The files leave Leitstand (a
// supervisor mails them on), so they carry their own texts instead of the renderer's i18n.

export type ReportLanguage = 'de' | 'en';

export type ColumnKey =
  | 'noticeNumber'
  | 'supplier'
  | 'carrier'
  | 'plate'
  | 'door'
  | 'slotStart'
  | 'slotEnd'
  | 'gateIn'
  | 'unloadingStart'
  | 'unloadingEnd'
  | 'departure'
  | 'status'
  | 'punctuality'
  | 'minutesLate'
  | 'dwellMinutes'
  | 'announced'
  | 'received'
  | 'fillRate'
  | 'notes';

export type PdfColumnKey =
  | 'noticeNumber'
  | 'supplier'
  | 'carrier'
  | 'plate'
  | 'door'
  | 'slot'
  | 'arrival'
  | 'unloading'
  | 'departure'
  | 'status'
  | 'minutesLate'
  | 'dwellMinutes'
  | 'announced'
  | 'received'
  | 'notes';

export interface ReportLabels {
  fileStem: string;
  title: string;
  dayTitle: string;
  shiftTitle: string;
  summarySheet: string;
  deliveriesSheet: string;
  columns: Record<ColumnKey, string>;
  /** The PDF table's narrower headers. */
  pdfColumns: Record<PdfColumnKey, string>;
  status: Record<DeliveryStatus, string>;
  punctuality: Record<PunctualityClass, string>;
  figures: {
    planned: string;
    arrived: string;
    onTime: string;
    late: string;
    open: string;
    onTimeRate: string;
    averageDwell: string;
    quantityAnnounced: string;
    quantityReceived: string;
    shortDeliveries: string;
    stoppageMinutes: string;
    stoppages: string;
  };
  latePartners: {
    title: string;
    supplier: string;
    late: string;
    arrived: string;
    averageMinutesLate: string;
  };
  causes: { title: string; line: string; part: string; supplier: string; stoppages: string; minutes: string };
  statusTitle: string;
  charts: {
    perHour: string;
    planned: string;
    arrived: string;
    capacity: string;
    onTimeSplit: string;
    byCause: string;
  };
  none: string;
  window: string;
  scope: string;
  generatedAt: string;
  page: (page: number, pages: number) => string;
  minutesUnit: string;
  deliveriesTitle: string;
}

const de: ReportLabels = {
  fileStem: 'Anlieferungen',
  title: 'Tagesbericht Anlieferungen',
  dayTitle: 'Tagesbericht Anlieferungen',
  shiftTitle: 'Schichtbericht Anlieferungen',
  summarySheet: 'Übersicht',
  deliveriesSheet: 'Anlieferungen',
  columns: {
    noticeNumber: 'Lieferavis',
    supplier: 'Lieferant',
    carrier: 'Spediteur',
    plate: 'Kennzeichen',
    door: 'Tor',
    slotStart: 'Zeitfenster von',
    slotEnd: 'Zeitfenster bis',
    gateIn: 'Anmeldung Werkstor',
    unloadingStart: 'Entladebeginn',
    unloadingEnd: 'Entladeende',
    departure: 'Abmeldung Werkstor',
    status: 'Status',
    punctuality: 'Pünktlichkeit',
    minutesLate: 'Verspätung (min)',
    dwellMinutes: 'Standzeit (min)',
    announced: 'Menge avisiert',
    received: 'Menge erhalten',
    fillRate: 'Erfüllung (%)',
    notes: 'Bemerkungen',
  },
  pdfColumns: {
    noticeNumber: 'Lieferavis',
    supplier: 'Lieferant',
    carrier: 'Spediteur',
    plate: 'Kennzeichen',
    door: 'Tor',
    slot: 'Zeitfenster',
    arrival: 'Ankunft',
    unloading: 'Entladung',
    departure: 'Abfahrt',
    status: 'Status',
    minutesLate: 'Versp. (min)',
    dwellMinutes: 'Standz. (min)',
    announced: 'Avisiert',
    received: 'Erhalten',
    notes: 'Bemerkungen',
  },
  status: {
    announced: 'avisiert',
    in_transit: 'unterwegs',
    at_gate: 'am Werkstor',
    at_door: 'am Tor',
    unloading: 'in Entladung',
    unloaded: 'entladen',
    departed: 'abgefahren',
    cancelled: 'storniert',
  },
  punctuality: {
    on_time: 'pünktlich',
    at_risk: 'gefährdet',
    late: 'verspätet',
    at_plant: 'im Werk',
    completed: 'abgeschlossen',
    cancelled: 'storniert',
  },
  figures: {
    planned: 'Geplante Anlieferungen',
    arrived: 'Angekommen',
    onTime: 'Pünktlich',
    late: 'Verspätet',
    open: 'Noch nicht angekommen',
    onTimeRate: 'Termintreue',
    averageDwell: 'Ø Standzeit (min)',
    quantityAnnounced: 'Menge avisiert',
    quantityReceived: 'Menge erhalten',
    shortDeliveries: 'Mit Fehlmenge',
    stoppageMinutes: 'Bandstillstand (min)',
    stoppages: 'Bandstillstände',
  },
  latePartners: {
    title: 'Häufigste Verspätungen',
    supplier: 'Lieferant',
    late: 'Verspätet',
    arrived: 'Angekommen',
    averageMinutesLate: 'Ø Verspätung (min)',
  },
  causes: {
    title: 'Bandstillstände nach Ursache',
    line: 'Linie',
    part: 'Fehlteil',
    supplier: 'Lieferant',
    stoppages: 'Anzahl',
    minutes: 'Minuten',
  },
  statusTitle: 'Stand der Anlieferungen',
  charts: {
    perHour: 'Anlieferungen je Stunde gegen Torkapazität',
    planned: 'Geplant',
    arrived: 'Angekommen',
    capacity: 'Torkapazität',
    onTimeSplit: 'Termintreue',
    byCause: 'Stillstandsminuten nach Ursache',
  },
  none: 'keine',
  window: 'Zeitraum',
  scope: 'Tag / Schicht',
  generatedAt: 'Erstellt am',
  page: (page, pages) => `Seite ${page} von ${pages}`,
  minutesUnit: 'min',
  deliveriesTitle: 'Anlieferungen im Einzelnen',
};

const en: ReportLabels = {
  fileStem: 'Deliveries',
  title: 'Daily delivery report',
  dayTitle: 'Daily delivery report',
  shiftTitle: 'Shift delivery report',
  summarySheet: 'Summary',
  deliveriesSheet: 'Deliveries',
  columns: {
    noticeNumber: 'Shipping notice',
    supplier: 'Supplier',
    carrier: 'Carrier',
    plate: 'Plate',
    door: 'Door',
    slotStart: 'Slot from',
    slotEnd: 'Slot to',
    gateIn: 'Gate check-in',
    unloadingStart: 'Unloading start',
    unloadingEnd: 'Unloading end',
    departure: 'Gate check-out',
    status: 'Status',
    punctuality: 'Punctuality',
    minutesLate: 'Late (min)',
    dwellMinutes: 'Dwell (min)',
    announced: 'Qty announced',
    received: 'Qty received',
    fillRate: 'Fill rate (%)',
    notes: 'Notes',
  },
  pdfColumns: {
    noticeNumber: 'Shipping notice',
    supplier: 'Supplier',
    carrier: 'Carrier',
    plate: 'Plate',
    door: 'Door',
    slot: 'Slot',
    arrival: 'Gate in',
    unloading: 'Unloading',
    departure: 'Gate out',
    status: 'Status',
    minutesLate: 'Late (min)',
    dwellMinutes: 'Dwell (min)',
    announced: 'Qty ann.',
    received: 'Qty recv.',
    notes: 'Notes',
  },
  status: {
    announced: 'announced',
    in_transit: 'in transit',
    at_gate: 'at gate',
    at_door: 'at door',
    unloading: 'unloading',
    unloaded: 'unloaded',
    departed: 'departed',
    cancelled: 'cancelled',
  },
  punctuality: {
    on_time: 'on time',
    at_risk: 'at risk',
    late: 'late',
    at_plant: 'at plant',
    completed: 'completed',
    cancelled: 'cancelled',
  },
  figures: {
    planned: 'Planned deliveries',
    arrived: 'Arrived',
    onTime: 'On time',
    late: 'Late',
    open: 'Not yet arrived',
    onTimeRate: 'On-time rate',
    averageDwell: 'Avg. dwell time (min)',
    quantityAnnounced: 'Quantity announced',
    quantityReceived: 'Quantity received',
    shortDeliveries: 'Deliveries short',
    stoppageMinutes: 'Line stoppage (min)',
    stoppages: 'Line stoppages',
  },
  latePartners: {
    title: 'Most often late',
    supplier: 'Supplier',
    late: 'Late',
    arrived: 'Arrived',
    averageMinutesLate: 'Avg. late (min)',
  },
  causes: {
    title: 'Line stoppages by cause',
    line: 'Line',
    part: 'Missing part',
    supplier: 'Supplier',
    stoppages: 'Count',
    minutes: 'Minutes',
  },
  statusTitle: 'Where the deliveries stand',
  charts: {
    perHour: 'Deliveries per hour against dock capacity',
    planned: 'Planned',
    arrived: 'Arrived',
    capacity: 'Dock capacity',
    onTimeSplit: 'On-time split',
    byCause: 'Stoppage minutes by cause',
  },
  none: 'none',
  window: 'Period',
  scope: 'Day / shift',
  generatedAt: 'Generated',
  page: (page, pages) => `Page ${page} of ${pages}`,
  minutesUnit: 'min',
  deliveriesTitle: 'Deliveries in detail',
};

export const REPORT_LABELS: Record<ReportLanguage, ReportLabels> = { de, en };
