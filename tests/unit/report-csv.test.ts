import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliveryReportCsv } from '../../src-main/reports/csvReport';
import type { DeliveryReport, ReportDelivery } from '../../src-main/reports/deliveryReport';
import { REPORT_LABELS } from '../../src-main/reports/reportLabels';

const base: ReportDelivery = {
  id: 'D-1',
  noticeNumber: 'ASN-1',
  supplierName: 'Müller Logistik',
  carrierName: null,
  truckPlate: 'IN-LS 1',
  doorName: 'Tor 1',
  status: 'departed',
  slotStart: Date.UTC(2026, 10, 27, 7, 0),
  slotEnd: Date.UTC(2026, 10, 27, 7, 30),
  gateInAt: Date.UTC(2026, 10, 27, 7, 40),
  unloadingStartedAt: null,
  unloadedAt: null,
  gateOutAt: null,
  punctuality: 'completed',
  minutesLate: 10,
  dwellMinutes: null,
  quantityAnnounced: 3,
  quantityReceived: 2,
  notes: null,
};

const reportOf = (deliveries: ReportDelivery[]): DeliveryReport => ({
  plantName: 'Werk',
  timeZone: 'Europe/Berlin',
  day: '2026-11-27',
  shift: null,
  start: Date.UTC(2026, 10, 26, 23),
  end: Date.UTC(2026, 10, 27, 23),
  generatedAt: Date.UTC(2026, 10, 28, 7),
  summary: {
    planned: deliveries.length,
    arrived: 0,
    onTime: 0,
    late: 0,
    onTimeRate: null,
    averageDwellMinutes: null,
    statusCounts: {},
    quantityAnnounced: 0,
    quantityReceived: 0,
    shortDeliveries: 0,
    stoppageMinutes: 0,
    stoppages: 0,
  },
  latePartners: [],
  stoppageCauses: [],
  perHour: [],
  deliveries,
});

describe('the CSV writer', () => {
  it('keeps any text of a note or a name intact through quoting, with either delimiter', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ maxLength: 20 }),
        fc.constantFrom(',' as const, ';' as const),
        (notes, supplierName, delimiter) => {
          const csv = deliveryReportCsv(
            reportOf([{ ...base, notes, supplierName }]),
            REPORT_LABELS.en,
            'en',
            delimiter,
          );
          const rows = parse(csv, { bom: true, delimiter, relax_quotes: false }) as string[][];
          expect(rows).toHaveLength(2);
          expect(rows[1]!.at(-1)).toBe(notes);
          expect(rows[1]![1]).toBe(supplierName);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes plant-local times, CRLF line ends and a decimal comma only with the semicolon', () => {
    const comma = deliveryReportCsv(reportOf([base]), REPORT_LABELS.de, 'de', ',').toString('utf8');
    const semicolon = deliveryReportCsv(reportOf([base]), REPORT_LABELS.de, 'de', ';').toString('utf8');
    expect(comma.charCodeAt(0)).toBe(0xfeff);
    expect(comma.split('\r\n')[1]).toContain('27.11.2026 08:00,27.11.2026 08:30,27.11.2026 08:40');
    expect(comma.split('\r\n')[1]).toContain(',66.7,');
    expect(semicolon.split('\r\n')[1]).toContain(';66,7;');
  });
});
