import ExcelJS from 'exceljs';
import { zoneOffset } from '../domain/plantTime';
import type { DeliveryReport } from './deliveryReport';
import type { ReportLabels, ReportLanguage } from './reportLabels';
import { COLUMNS, formatLocalTime, reportTitle, tableRows, windowTitle } from './reportTable';

// The report as a workbook: the summary sheet first (what a manager reads), then every delivery
// with a frozen, filterable header. Spreadsheet times have no time zone, so each instant is
// written as the plant's wall-clock time.

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } };
// One font family throughout: a font without a name falls back to a serif face in LibreOffice.
const BODY_FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 10 };
const BOLD_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, bold: true };
const HEADER_FONT: Partial<ExcelJS.Font> = { ...BOLD_FONT, color: { argb: 'FFFFFFFF' } };
const SECTION_FONT: Partial<ExcelJS.Font> = { ...BOLD_FONT, size: 12, color: { argb: 'FF1F3A5F' } };
// A4 landscape, one page wide, the header row on every printed page.
const PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

/** The wall-clock time as a Date whose UTC fields are the plant-local ones (Excel's view of time). */
const wallClock = (at: number, timeZone: string) => new Date(at + zoneOffset(at, timeZone));

function dateFormat(language: ReportLanguage) {
  return language === 'de' ? 'dd.mm.yyyy hh:mm' : 'yyyy-mm-dd hh:mm';
}

/** Gives every cell without a font of its own the body font (exceljs would leave Calibri 11). */
function applyBodyFont(sheet: ExcelJS.Worksheet) {
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (!cell.font?.name) cell.font = { ...BODY_FONT, ...cell.font };
    });
  });
}

function styleHeader(row: ExcelJS.Row) {
  row.font = HEADER_FONT;
  row.fill = HEADER_FILL;
  row.alignment = { vertical: 'middle', wrapText: true };
  row.height = 30;
}

function summarySheet(
  workbook: ExcelJS.Workbook,
  report: DeliveryReport,
  labels: ReportLabels,
  language: ReportLanguage,
) {
  const sheet = workbook.addWorksheet(labels.summarySheet, {
    views: [{ showGridLines: false }],
    pageSetup: { ...PAGE_SETUP },
  });
  sheet.columns = [{ width: 36 }, { width: 34 }, { width: 26 }, { width: 16 }, { width: 18 }];
  const title = sheet.addRow([`${reportTitle(report, labels)} · ${report.plantName}`]);
  title.font = { ...BOLD_FONT, size: 16, color: { argb: 'FF1F3A5F' } };
  sheet.addRow([labels.scope, windowTitle(report, language)]);
  sheet.addRow([
    labels.window,
    `${formatLocalTime(report.start, report.timeZone, language)} – ${formatLocalTime(report.end, report.timeZone, language)}`,
  ]);
  sheet.addRow([labels.generatedAt, formatLocalTime(report.generatedAt, report.timeZone, language)]);
  sheet.addRow([]);

  const s = report.summary;
  const figures: [string, number | null, string][] = [
    [labels.figures.planned, s.planned, '#,##0'],
    [labels.figures.arrived, s.arrived, '#,##0'],
    [labels.figures.onTime, s.onTime, '#,##0'],
    [labels.figures.late, s.late, '#,##0'],
    [labels.figures.onTimeRate, s.onTimeRate, '0.0%'],
    [labels.figures.averageDwell, s.averageDwellMinutes, '0.0'],
    [labels.figures.quantityAnnounced, s.quantityAnnounced, '#,##0'],
    [labels.figures.quantityReceived, s.quantityReceived, '#,##0'],
    [labels.figures.shortDeliveries, s.shortDeliveries, '#,##0'],
    [labels.figures.stoppages, s.stoppages, '#,##0'],
    [labels.figures.stoppageMinutes, s.stoppageMinutes, '#,##0'],
  ];
  for (const [label, value, format] of figures) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = BOLD_FONT;
    row.getCell(2).numFmt = format;
    row.getCell(2).alignment = { horizontal: 'right' };
  }

  sheet.addRow([]);
  sheet.addRow([labels.statusTitle]).font = SECTION_FONT;
  for (const [status, count] of Object.entries(s.statusCounts)) {
    sheet.addRow([labels.status[status as keyof typeof labels.status], count]);
  }

  sheet.addRow([]);
  sheet.addRow([labels.latePartners.title]).font = SECTION_FONT;
  styleHeader(
    sheet.addRow([
      labels.latePartners.supplier,
      labels.latePartners.late,
      labels.latePartners.arrived,
      labels.latePartners.averageMinutesLate,
    ]),
  );
  if (report.latePartners.length === 0) sheet.addRow([labels.none]);
  for (const partner of report.latePartners) {
    const row = sheet.addRow([
      partner.supplierName,
      partner.late,
      partner.arrived,
      partner.averageMinutesLate,
    ]);
    row.getCell(4).numFmt = '0.0';
  }

  sheet.addRow([]);
  sheet.addRow([labels.causes.title]).font = SECTION_FONT;
  styleHeader(
    sheet.addRow([
      labels.causes.line,
      labels.causes.part,
      labels.causes.supplier,
      labels.causes.stoppages,
      labels.causes.minutes,
    ]),
  );
  if (report.stoppageCauses.length === 0) sheet.addRow([labels.none]);
  for (const cause of report.stoppageCauses) {
    sheet.addRow([
      cause.lineName,
      `${cause.partId} ${cause.partDescription}`.trim(),
      cause.supplierName ?? '',
      cause.stoppages,
      cause.minutes,
    ]);
  }
}

function deliveriesSheet(
  workbook: ExcelJS.Workbook,
  report: DeliveryReport,
  labels: ReportLabels,
  language: ReportLanguage,
) {
  const sheet = workbook.addWorksheet(labels.deliveriesSheet, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { ...PAGE_SETUP, printTitlesRow: '1:1' },
  });
  sheet.columns = COLUMNS.map((column) => ({
    header: labels.columns[column.key],
    key: column.key,
    width: column.width,
  }));
  styleHeader(sheet.getRow(1));
  const format = dateFormat(language);
  for (const cells of tableRows(report, labels)) {
    const row = sheet.addRow(
      cells.map((cell) =>
        cell.kind === 'time' && cell.value !== null ? wallClock(cell.value, report.timeZone) : cell.value,
      ),
    );
    cells.forEach((cell, index) => {
      const target = row.getCell(index + 1);
      if (cell.kind === 'time') target.numFmt = format;
      else if (cell.kind === 'decimal') target.numFmt = '0.0';
      else if (cell.kind === 'int') target.numFmt = '0';
    });
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1 + report.deliveries.length, column: COLUMNS.length },
  };
}

export async function deliveryReportXlsx(
  report: DeliveryReport,
  labels: ReportLabels,
  language: ReportLanguage,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Leitstand';
  workbook.created = new Date(report.generatedAt);
  workbook.title = `${reportTitle(report, labels)} ${windowTitle(report, language)}`;
  summarySheet(workbook, report, labels, language);
  deliveriesSheet(workbook, report, labels, language);
  for (const sheet of workbook.worksheets) applyBodyFont(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
