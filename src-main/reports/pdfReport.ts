import PDFDocument from 'pdfkit';
import { localDay, localParts } from '../domain/plantTime';
import type { DeliveryReport, ReportDelivery } from './deliveryReport';
import { type Box, COLOURS, drawOnTimeChart, drawPerHourChart, drawStoppageChart } from './pdfCharts';
import { type PdfFonts, pdfFonts } from './pdfFont';
import type { PdfColumnKey, ReportLabels, ReportLanguage } from './reportLabels';
import { formatLocalTime, reportTitle, windowTitle } from './reportTable';

// The report as an A4 landscape PDF a supervisor mails on: page one the figures and charts, then
// every delivery in a table that repeats its header on each page. Header (plant, report, shift or
// day) and footer (generated at, "Page n of m") are drawn on every page once all pages exist.

type Doc = PDFKit.PDFDocument;

const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 30;
const CONTENT_TOP = 74;
const CONTENT_BOTTOM = PAGE.height - 40;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const ROW_HEIGHT = 13;

interface PdfColumn {
  key: PdfColumnKey;
  width: number;
  align?: 'right';
  value: (delivery: ReportDelivery, context: CellContext) => string;
  colour?: (delivery: ReportDelivery) => string | null;
}

interface CellContext {
  labels: ReportLabels;
  clock: (at: number | null) => string;
}

const span = (from: string, to: string) => (from || to ? `${from}–${to}` : '');

const FIXED_COLUMNS: readonly PdfColumn[] = [
  { key: 'noticeNumber', width: 78, value: (d) => d.noticeNumber ?? '' },
  { key: 'supplier', width: 92, value: (d) => d.supplierName },
  { key: 'carrier', width: 72, value: (d) => d.carrierName ?? '' },
  { key: 'plate', width: 50, value: (d) => d.truckPlate ?? '' },
  { key: 'door', width: 28, value: (d) => d.doorName ?? '' },
  { key: 'slot', width: 52, value: (d, c) => span(c.clock(d.slotStart), c.clock(d.slotEnd)) },
  { key: 'arrival', width: 34, value: (d, c) => c.clock(d.gateInAt) },
  {
    key: 'unloading',
    width: 58,
    value: (d, c) => span(c.clock(d.unloadingStartedAt), c.clock(d.unloadedAt)),
  },
  { key: 'departure', width: 34, value: (d, c) => c.clock(d.gateOutAt) },
  { key: 'status', width: 50, value: (d, c) => c.labels.status[d.status] },
  {
    key: 'minutesLate',
    width: 34,
    align: 'right',
    value: (d) =>
      d.minutesLate === null ? '' : d.minutesLate > 0 ? `+${d.minutesLate}` : String(d.minutesLate),
    colour: (d) => ((d.minutesLate ?? 0) > 0 ? COLOURS.late : null),
  },
  {
    key: 'dwellMinutes',
    width: 34,
    align: 'right',
    value: (d) => (d.dwellMinutes === null ? '' : String(d.dwellMinutes)),
  },
  { key: 'announced', width: 36, align: 'right', value: (d) => String(d.quantityAnnounced) },
  {
    key: 'received',
    width: 36,
    align: 'right',
    value: (d) => (d.quantityReceived === null ? '' : String(d.quantityReceived)),
    colour: (d) =>
      d.quantityReceived !== null && d.quantityReceived < d.quantityAnnounced ? COLOURS.late : null,
  },
];
// The notes take what is left of the line. A day without any notes leaves the column out and
// gives its room to the partner names instead.
const NOTES_WIDTH = CONTENT_WIDTH - FIXED_COLUMNS.reduce((sum, column) => sum + column.width, 0);

interface TableLayout {
  fixed: readonly PdfColumn[];
  notes: PdfColumn | null;
}

function tableLayout(report: DeliveryReport): TableLayout {
  if (report.deliveries.some((delivery) => delivery.notes)) {
    return { fixed: FIXED_COLUMNS, notes: { key: 'notes', width: NOTES_WIDTH, value: (d) => d.notes ?? '' } };
  }
  const supplierShare = Math.round(NOTES_WIDTH * 0.55);
  const extra: Partial<Record<PdfColumnKey, number>> = {
    supplier: supplierShare,
    carrier: NOTES_WIDTH - supplierShare,
  };
  return {
    fixed: FIXED_COLUMNS.map((column) => ({ ...column, width: column.width + (extra[column.key] ?? 0) })),
    notes: null,
  };
}
const NOTE_LINES = 3;
const LINE_HEIGHT = 8.5;

/** Word-wraps `text` into at most `maxLines` lines of `width`, the last one cut with an ellipsis. */
function wrapLines(doc: Doc, text: string, width: number, maxLines: number): string[] {
  if (!text) return [];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (doc.widthOfString(candidate) <= width || !line) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines) lines.push(line);
  else lines[maxLines - 1] = ellipsize(doc, `${lines[maxLines - 1]} ${line}`, width);
  return lines.map((entry) => ellipsize(doc, entry, width));
}

function ellipsize(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${text.slice(0, mid)}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low)}…`;
}

function numberFormats(language: ReportLanguage) {
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = (value: number | null) =>
    value === null ? '–' : `${decimal.format(value * 100)}${language === 'de' ? ' %' : '%'}`;
  return { decimal, integer, percent };
}

function drawHeaderAndFooter(
  doc: Doc,
  fonts: PdfFonts,
  report: DeliveryReport,
  labels: ReportLabels,
  language: ReportLanguage,
  page: number,
  pages: number,
) {
  doc
    .font(fonts.bold)
    .fontSize(13)
    .fillColor(COLOURS.navy)
    .text(report.plantName, MARGIN, MARGIN, { lineBreak: false });
  doc
    .font(fonts.regular)
    .fontSize(10)
    .fillColor(COLOURS.ink)
    .text(reportTitle(report, labels), MARGIN, MARGIN + 17, {
      lineBreak: false,
    });
  const window = windowTitle(report, language);
  doc.font(fonts.bold).fontSize(11);
  doc
    .fillColor(COLOURS.ink)
    .text(window, PAGE.width - MARGIN - doc.widthOfString(window), MARGIN + 1, { lineBreak: false });
  const span = `${labels.window}: ${formatLocalTime(report.start, report.timeZone, language)} – ${formatLocalTime(report.end, report.timeZone, language)}`;
  doc.font(fonts.regular).fontSize(8);
  doc
    .fillColor(COLOURS.muted)
    .text(span, PAGE.width - MARGIN - doc.widthOfString(span), MARGIN + 19, { lineBreak: false });
  doc
    .moveTo(MARGIN, MARGIN + 34)
    .lineTo(PAGE.width - MARGIN, MARGIN + 34)
    .lineWidth(1.2)
    .stroke(COLOURS.navy);

  const footerY = PAGE.height - 28;
  doc
    .moveTo(MARGIN, footerY - 5)
    .lineTo(PAGE.width - MARGIN, footerY - 5)
    .lineWidth(0.4)
    .stroke(COLOURS.grid);
  const generated = `${labels.generatedAt} ${formatLocalTime(report.generatedAt, report.timeZone, language)} · Leitstand`;
  doc
    .font(fonts.regular)
    .fontSize(7.5)
    .fillColor(COLOURS.muted)
    .text(generated, MARGIN, footerY, { lineBreak: false });
  const pageText = labels.page(page, pages);
  doc.text(pageText, PAGE.width - MARGIN - doc.widthOfString(pageText), footerY, { lineBreak: false });
}

function drawKpis(
  doc: Doc,
  fonts: PdfFonts,
  report: DeliveryReport,
  labels: ReportLabels,
  language: ReportLanguage,
) {
  const { decimal, integer, percent } = numberFormats(language);
  const s = report.summary;
  const tiles: [string, string, string | null][] = [
    [labels.figures.planned, integer.format(s.planned), null],
    [labels.figures.arrived, integer.format(s.arrived), null],
    [
      labels.figures.onTimeRate,
      percent(s.onTimeRate),
      s.onTimeRate !== null && s.onTimeRate < 0.9 ? COLOURS.late : COLOURS.onTime,
    ],
    [labels.figures.late, integer.format(s.late), s.late > 0 ? COLOURS.late : null],
    [
      labels.figures.averageDwell,
      s.averageDwellMinutes === null ? '–' : decimal.format(s.averageDwellMinutes),
      null,
    ],
    [
      labels.figures.shortDeliveries,
      integer.format(s.shortDeliveries),
      s.shortDeliveries > 0 ? COLOURS.late : null,
    ],
    [
      labels.figures.stoppageMinutes,
      integer.format(s.stoppageMinutes),
      s.stoppageMinutes > 0 ? COLOURS.late : null,
    ],
  ];
  const gap = 8;
  const width = (CONTENT_WIDTH - gap * (tiles.length - 1)) / tiles.length;
  tiles.forEach(([label, value, colour], index) => {
    const x = MARGIN + index * (width + gap);
    doc.roundedRect(x, CONTENT_TOP, width, 46, 3).fill('#f2f5f8');
    doc.rect(x, CONTENT_TOP, 3, 46).fill(colour ?? COLOURS.navy);
    doc
      .font(fonts.regular)
      .fontSize(7)
      .fillColor(COLOURS.muted)
      .text(ellipsize(doc, label, width - 14), x + 9, CONTENT_TOP + 7, {
        lineBreak: false,
      });
    doc
      .font(fonts.bold)
      .fontSize(16)
      .fillColor(colour ?? COLOURS.ink)
      .text(value, x + 9, CONTENT_TOP + 20, { lineBreak: false });
  });
}

function drawSmallTable(
  doc: Doc,
  fonts: PdfFonts,
  box: Box,
  title: string,
  headers: string[],
  widths: number[],
  rows: string[][],
  emptyText: string,
  /** Columns from this index on hold numbers and align right. */
  rightFrom: number,
) {
  doc.font(fonts.bold).fontSize(9).fillColor(COLOURS.navy).text(title, box.x, box.y, { lineBreak: false });
  let y = box.y + 15;
  doc.rect(box.x, y, box.w, ROW_HEIGHT).fill(COLOURS.navy);
  doc.font(fonts.bold).fontSize(7).fillColor('#ffffff');
  let x = box.x;
  headers.forEach((header, index) => {
    const width = widths[index]!;
    const text = ellipsize(doc, header, width - 6);
    const left = index < rightFrom ? x + 3 : x + width - 3 - doc.widthOfString(text);
    doc.text(text, left, y + 3.5, { lineBreak: false });
    x += width;
  });
  y += ROW_HEIGHT;
  doc.font(fonts.regular).fontSize(7);
  const fitting = Math.floor((box.y + box.h - y) / ROW_HEIGHT);
  if (rows.length === 0)
    doc.fillColor(COLOURS.muted).text(emptyText, box.x + 3, y + 3.5, { lineBreak: false });
  rows.slice(0, fitting).forEach((row, rowIndex) => {
    if (rowIndex % 2 === 1) doc.rect(box.x, y, box.w, ROW_HEIGHT).fill('#f4f6f9');
    let cellX = box.x;
    row.forEach((cell, index) => {
      const width = widths[index]!;
      const text = ellipsize(doc, cell, width - 6);
      const left = index < rightFrom ? cellX + 3 : cellX + width - 3 - doc.widthOfString(text);
      doc.fillColor(COLOURS.ink).text(text, left, y + 3.5, { lineBreak: false });
      cellX += width;
    });
    y += ROW_HEIGHT;
  });
}

function drawSummaryPage(
  doc: Doc,
  fonts: PdfFonts,
  report: DeliveryReport,
  labels: ReportLabels,
  language: ReportLanguage,
) {
  const { decimal, integer, percent } = numberFormats(language);
  drawKpis(doc, fonts, report, labels, language);
  const chartTop = CONTENT_TOP + 62;
  const chartHeight = 190;
  const gap = 18;
  const perHourWidth = CONTENT_WIDTH * 0.44;
  const onTimeWidth = CONTENT_WIDTH * 0.28;
  const causeWidth = CONTENT_WIDTH - perHourWidth - onTimeWidth - 2 * gap;
  drawPerHourChart(doc, fonts, { x: MARGIN, y: chartTop, w: perHourWidth, h: chartHeight }, report, labels);
  drawOnTimeChart(
    doc,
    fonts,
    { x: MARGIN + perHourWidth + gap, y: chartTop, w: onTimeWidth, h: chartHeight },
    report,
    labels,
    percent,
  );
  drawStoppageChart(
    doc,
    fonts,
    { x: MARGIN + perHourWidth + onTimeWidth + 2 * gap, y: chartTop, w: causeWidth, h: chartHeight },
    report,
    labels,
  );

  const tableTop = chartTop + chartHeight + 16;
  const tableHeight = CONTENT_BOTTOM - tableTop;
  const half = (CONTENT_WIDTH - gap) / 2;
  drawSmallTable(
    doc,
    fonts,
    { x: MARGIN, y: tableTop, w: half, h: tableHeight },
    labels.latePartners.title,
    [
      labels.latePartners.supplier,
      labels.latePartners.late,
      labels.latePartners.arrived,
      labels.latePartners.averageMinutesLate,
    ],
    [half - 240, 70, 70, 100],
    report.latePartners.map((p) => [
      p.supplierName,
      integer.format(p.late),
      integer.format(p.arrived),
      decimal.format(p.averageMinutesLate),
    ]),
    labels.none,
    1,
  );
  drawSmallTable(
    doc,
    fonts,
    { x: MARGIN + half + gap, y: tableTop, w: half, h: tableHeight },
    labels.causes.title,
    [
      labels.causes.line,
      labels.causes.part,
      labels.causes.supplier,
      labels.causes.stoppages,
      labels.causes.minutes,
    ],
    [70, half - 70 - 100 - 50 - 50, 100, 50, 50],
    report.stoppageCauses.map((c) => [
      c.lineName,
      `${c.partId} ${c.partDescription}`.trim(),
      c.supplierName ?? '',
      integer.format(c.stoppages),
      integer.format(c.minutes),
    ]),
    labels.none,
    3,
  );
}

function drawTableHeader(
  doc: Doc,
  fonts: PdfFonts,
  labels: ReportLabels,
  layout: TableLayout,
  y: number,
): number {
  const height = 22;
  doc.rect(MARGIN, y, CONTENT_WIDTH, height).fill(COLOURS.navy);
  doc.font(fonts.bold).fontSize(6.5).fillColor('#ffffff');
  let x = MARGIN;
  for (const column of layout.notes ? [...layout.fixed, layout.notes] : layout.fixed) {
    doc.text(labels.pdfColumns[column.key], x + 3, y + 3, {
      width: column.width - 6,
      height: height - 4,
      align: column.align ?? 'left',
      lineGap: -1,
    });
    x += column.width;
  }
  return y + height;
}

function drawDeliveryTable(doc: Doc, fonts: PdfFonts, report: DeliveryReport, labels: ReportLabels) {
  const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
  const reportDay = dayNumber(report.day);
  const clock = (at: number | null) => {
    if (at === null) return '';
    const p = localParts(at, report.timeZone);
    const time = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
    // A time on another day than the report's (a night shift, a truck left over) says which.
    const shift = dayNumber(localDay(at, report.timeZone)) - reportDay;
    return shift === 0 ? time : `${time} ${shift > 0 ? '+' : '−'}${Math.abs(shift)}`;
  };
  const context: CellContext = { labels, clock };
  const layout = tableLayout(report);
  doc.addPage();
  doc
    .font(fonts.bold)
    .fontSize(9)
    .fillColor(COLOURS.navy)
    .text(`${labels.deliveriesTitle} (${report.deliveries.length})`, MARGIN, CONTENT_TOP - 4, {
      lineBreak: false,
    });
  let y = drawTableHeader(doc, fonts, labels, layout, CONTENT_TOP + 10);
  if (report.deliveries.length === 0) {
    doc
      .font(fonts.regular)
      .fontSize(8)
      .fillColor(COLOURS.muted)
      .text(labels.none, MARGIN + 3, y + 4, { lineBreak: false });
    return;
  }
  report.deliveries.forEach((delivery, index) => {
    doc.font(fonts.regular).fontSize(7);
    const notes = layout.notes
      ? wrapLines(doc, layout.notes.value(delivery, context), layout.notes.width - 6, NOTE_LINES)
      : [];
    const height = ROW_HEIGHT + Math.max(0, notes.length - 1) * LINE_HEIGHT;
    if (y + height > CONTENT_BOTTOM) {
      doc.addPage();
      y = drawTableHeader(doc, fonts, labels, layout, CONTENT_TOP);
      doc.font(fonts.regular).fontSize(7);
    }
    if (index % 2 === 1) doc.rect(MARGIN, y, CONTENT_WIDTH, height).fill('#f4f6f9');
    let x = MARGIN;
    for (const column of layout.fixed) {
      const text = ellipsize(doc, column.value(delivery, context), column.width - 6);
      const left = column.align === 'right' ? x + column.width - 3 - doc.widthOfString(text) : x + 3;
      doc.fillColor(column.colour?.(delivery) ?? COLOURS.ink).text(text, left, y + 3.5, { lineBreak: false });
      x += column.width;
    }
    notes.forEach((line, lineIndex) => {
      doc.fillColor(COLOURS.ink).text(line, x + 3, y + 3.5 + lineIndex * LINE_HEIGHT, { lineBreak: false });
    });
    y += height;
  });
}

export function deliveryReportPdf(
  report: DeliveryReport,
  labels: ReportLabels,
  language: ReportLanguage,
): Promise<Buffer> {
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    bufferPages: true,
    info: {
      Title: `${reportTitle(report, labels)} ${windowTitle(report, language)}`,
      Author: report.plantName,
      Creator: 'Leitstand',
      CreationDate: new Date(report.generatedAt),
    },
  });
  if (fonts.embedded) {
    doc.registerFont(fonts.regular, fonts.embedded.regular);
    doc.registerFont(fonts.bold, fonts.embedded.bold);
  }
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  drawSummaryPage(doc, fonts, report, labels, language);
  drawDeliveryTable(doc, fonts, report, labels);
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    drawHeaderAndFooter(doc, fonts, report, labels, language, page - range.start + 1, range.count);
  }
  doc.end();
  return done;
}
