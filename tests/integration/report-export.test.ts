import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProcedureName, ProcedureOutput } from '../../src-main/api/contract';
import { procedures } from '../../src-main/api/procedures/index';
import { callProcedure } from '../../src-main/api/registry';
import type { Result } from '../../src-main/api/result';
import type { DeliveryReport } from '../../src-main/reports/deliveryReport';
import { REPORT_LABELS } from '../../src-main/reports/reportLabels';
import { COLUMNS, formatLocalTime } from '../../src-main/reports/reportTable';
import { testContext } from '../support/testContext';
import { pdfPageCount, pdfPagesAsPng, pdfText, xlsxSheetsViaLibreOffice } from './report-files';
import { loadReportPlant, localMinute } from './report-plant';

const DAY = '2026-11-27';
const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
let t: Awaited<ReturnType<typeof testContext>>;

const call = async <N extends ProcedureName>(name: N, input: unknown): Promise<ProcedureOutput<N>> => {
  const result = (await callProcedure(
    t.ctx,
    procedures,
    name,
    input,
    { transport: 'internal', access: 'write' },
    silent,
  )) as Result<ProcedureOutput<N>>;
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
};

const exportFile = async (input: Record<string, unknown>) => {
  const file = await call('reports.export', input);
  const content = Buffer.from(file.contentBase64, 'base64');
  writeFileSync(join(t.folder.dir, file.fileName), content);
  if (process.env.REPORT_OUT) writeFileSync(join(process.env.REPORT_OUT, file.fileName), content);
  return { ...file, content, path: join(t.folder.dir, file.fileName) };
};

let report: DeliveryReport;
beforeAll(async () => {
  // The morning after: every delivery of the day has its final state.
  t = await testContext(localMinute('2026-11-28', 8 * 60));
  await loadReportPlant(t.ctx, { day: DAY, count: 24 });
  report = await call('reports.delivery', { day: DAY });
});
afterAll(() => t.dispose());

describe('the delivery report model', () => {
  it('sums up the day as the deliveries say', () => {
    // The fixture repeats eight kinds: three on time, two late, one cancelled, one unloading
    // (on time), one on the road.
    expect(report.summary).toMatchObject({
      planned: 24,
      arrived: 18,
      onTime: 12,
      late: 6,
      statusCounts: { departed: 15, cancelled: 3, unloading: 3, in_transit: 3 },
      shortDeliveries: 3,
    });
    expect(report.summary.onTimeRate).toBeCloseTo(12 / 18, 10);
    // 00:00–00:40 (the stop began the evening before), 07:10–07:55 and 15:00–15:20.
    expect(report.summary.stoppageMinutes).toBe(40 + 45 + 20);
    expect(report.stoppageCauses[0]).toMatchObject({
      lineName: 'Linie 1',
      partId: '4711-001',
      minutes: 85,
      stoppages: 2,
    });
    expect(report.latePartners.map((p) => p.late).reduce((a, b) => a + b, 0)).toBe(6);
    expect(report.deliveries).toHaveLength(24);
    const late = report.deliveries.find((d) => d.notes?.startsWith('Straße'))!;
    expect(late).toMatchObject({ minutesLate: 45, carrierName: expect.any(String) });
    // 24 plant-local hours, capacity 8 by day (four doors) and 6 at night (Tor 3 closed).
    expect(report.perHour).toHaveLength(24);
    expect(report.perHour.map((h) => h.capacity).slice(5, 8)).toEqual([6, 8, 8]);
  });

  it('refuses an unknown shift and a malformed day by name', async () => {
    const unknown = await callProcedure(
      t.ctx,
      procedures,
      'reports.delivery',
      { day: DAY, shiftId: 'mittag' },
      {
        transport: 'internal',
        access: 'read',
      },
    );
    expect(!unknown.ok && unknown.error).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('mittag'),
    });
    const bad = await callProcedure(
      t.ctx,
      procedures,
      'reports.export',
      { day: '27.11.2026', format: 'pdf' },
      {
        transport: 'internal',
        access: 'read',
      },
    );
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
  });
});

describe('the CSV export', () => {
  const expectedRows = (delimiter: ',' | ';') =>
    report.deliveries.map((delivery) =>
      COLUMNS.map((column) => {
        const cell = column.cell(delivery, REPORT_LABELS.de);
        if (cell.value === null) return '';
        if (cell.kind === 'time') return formatLocalTime(cell.value, 'Europe/Berlin', 'de');
        if (cell.kind === 'decimal')
          return delimiter === ';' ? cell.value.toFixed(1).replace('.', ',') : cell.value.toFixed(1);
        return String(cell.value);
      }),
    );

  for (const delimiter of [',', ';'] as const) {
    it(`parses back to the same rows with "${delimiter}", BOM first`, async () => {
      const file = await exportFile({ day: DAY, format: 'csv', delimiter });
      expect(file.mimeType).toMatch(/^text\/csv/);
      expect([...file.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parse(file.content, { bom: true, delimiter, relax_column_count: false }) as string[][];
      expect(rows[0]).toEqual(COLUMNS.map((column) => REPORT_LABELS.de.columns[column.key]));
      expect(rows.slice(1)).toEqual(expectedRows(delimiter));
      const short = rows.find(
        (row) => row[0] === report.deliveries.find((d) => d.notes?.startsWith('Straße'))!.noticeNumber,
      )!;
      expect(short.at(-1)).toBe('Straße gesperrt, Umleitung über B13; Maut 12,50 €');
      const delivery = report.deliveries.find((d) => d.noticeNumber === short[0])!;
      const rate = ((delivery.quantityReceived! / delivery.quantityAnnounced) * 100).toFixed(1);
      expect(rate).not.toBe('100.0');
      expect(short.at(-2)).toBe(delimiter === ';' ? rate.replace('.', ',') : rate);
    });
  }
});

describe('the XLSX export', () => {
  it('opens in LibreOffice with the summary first and the right values', async () => {
    const file = await exportFile({ day: DAY, format: 'xlsx' });
    expect(file.fileName).toBe('Anlieferungen_2026-11-27.xlsx');
    const sheets = await xlsxSheetsViaLibreOffice(file.content, join(t.folder.dir, 'lo'));
    expect([...sheets.keys()].sort()).toEqual(['Anlieferungen', 'Übersicht']);
    const summary = parse(sheets.get('Übersicht')!, { relax_column_count: true }) as string[][];
    const figure = (label: string) => summary.find((row) => row[0] === label)?.[1];
    expect(figure('Geplante Anlieferungen')).toBe('24');
    expect(figure('Angekommen')).toBe('18');
    expect(figure('Termintreue')).toBe('66.7%');
    expect(figure('Bandstillstand (min)')).toBe('105');
    expect(summary.some((row) => row[0] === report.latePartners[0]!.supplierName)).toBe(true);

    const rows = parse(sheets.get('Anlieferungen')!, { relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(COLUMNS.map((column) => REPORT_LABELS.de.columns[column.key]));
    expect(rows).toHaveLength(25);
    report.deliveries.forEach((delivery, index) => {
      const row = rows[index + 1]!;
      expect(row[0]).toBe(delivery.noticeNumber);
      expect(row[1]).toBe(delivery.supplierName);
      expect(row[5]).toBe(formatLocalTime(delivery.slotStart, 'Europe/Berlin', 'de'));
      expect(row[7]).toBe(
        delivery.gateInAt === null ? '' : formatLocalTime(delivery.gateInAt, 'Europe/Berlin', 'de'),
      );
      expect(row[13]).toBe(delivery.minutesLate === null ? '' : String(delivery.minutesLate));
      expect(row[15]).toBe(String(delivery.quantityAnnounced));
      expect(row[16]).toBe(delivery.quantityReceived === null ? '' : String(delivery.quantityReceived));
      expect(row[18]).toBe(delivery.notes ?? '');
    });
  }, 120_000);
});

describe('the PDF export', () => {
  it('renders every page and carries the totals, the umlauts and the euro sign', async () => {
    const file = await exportFile({ day: DAY, format: 'pdf' });
    expect(file.mimeType).toBe('application/pdf');
    const pages = await pdfPageCount(file.path);
    expect(pages).toBe(2);
    const images = await pdfPagesAsPng(file.path, t.folder.dir);
    expect(images).toHaveLength(pages);
    const text = await pdfText(file.path);
    expect(text).toHaveLength(pages);
    for (const [index, page] of text.entries()) {
      expect(page).toContain('Werk Gaimersheim');
      expect(page).toContain('Tagesbericht Anlieferungen');
      expect(page).toContain(`Seite ${index + 1} von ${pages}`);
    }
    const first = text[0]!;
    expect(first).toMatch(/Geplante Anlieferungen[\s\S]*24/);
    expect(first).toContain('66,7 %');
    expect(first).toContain('105');
    expect(first).toContain('Kabelwerk Pilsen');
    const table = text.slice(1).join('\n');
    expect(table).toContain('Müller Logistik');
    expect(table).toContain('Straße');
    expect(table).toContain('€');
    expect(table).toContain('Großmann Stanztechnik');
  });

  it('repeats the column header on every page of a long table', async () => {
    const big = await testContext(localMinute('2026-11-28', 8 * 60));
    try {
      await loadReportPlant(big.ctx, { day: DAY, count: 160 });
      // A day without notes: the column gives its room to the partner names.
      await big.ctx.database.db.updateTable('inboundDelivery').set({ notes: null }).execute();
      const result = await callProcedure(
        big.ctx,
        procedures,
        'reports.export',
        { day: DAY, format: 'pdf', language: 'en' },
        {
          transport: 'internal',
          access: 'read',
        },
      );
      if (!result.ok) throw new Error(result.error.message);
      const { contentBase64, fileName } = result.value as { contentBase64: string; fileName: string };
      expect(fileName).toBe('Deliveries_2026-11-27.pdf');
      const path = join(big.folder.dir, fileName);
      writeFileSync(path, Buffer.from(contentBase64, 'base64'));
      if (process.env.REPORT_OUT)
        writeFileSync(join(process.env.REPORT_OUT, fileName), Buffer.from(contentBase64, 'base64'));
      const text = await pdfText(path);
      expect(text.length).toBeGreaterThanOrEqual(5);
      for (const [index, page] of text.slice(1).entries()) {
        expect(page).toContain('Shipping notice');
        expect(page).toContain(`Page ${index + 2} of ${text.length}`);
      }
      expect(text[1]).not.toContain('Notes');
      expect(text[1]).toContain('Bäuerle & Söhne Präzisionsteile');
      const notices = text.join('\n').match(/ASN-20261127-\d{4}/g) ?? [];
      expect(new Set(notices).size).toBe(160);
    } finally {
      await big.dispose();
    }
  });
});
