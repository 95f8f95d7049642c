import type { DeliveryReport } from './deliveryReport';
import type { PdfFonts } from './pdfFont';
import type { ReportLabels } from './reportLabels';

// The report's three charts, drawn as vector graphics so they print sharp at any size.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const COLOURS = {
  ink: '#1d2733',
  muted: '#5b6878',
  grid: '#dde3ea',
  navy: '#1f3a5f',
  planned: '#3b6ea8',
  arrived: '#6fa8dc',
  onTime: '#3c8d5a',
  late: '#c0392b',
  open: '#e0a030',
  cancelled: '#9aa5b1',
} as const;

type Doc = PDFKit.PDFDocument;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function chartTitle(doc: Doc, fonts: PdfFonts, box: Box, title: string) {
  doc.font(fonts.bold).fontSize(9).fillColor(COLOURS.navy).text(title, box.x, box.y, { lineBreak: false });
}

function legend(doc: Doc, fonts: PdfFonts, x: number, y: number, items: [string, string, 'box' | 'line'][]) {
  let cursor = x;
  doc.font(fonts.regular).fontSize(7);
  for (const [colour, label, shape] of items) {
    if (shape === 'box') doc.rect(cursor, y + 1, 7, 7).fill(colour);
    else
      doc
        .moveTo(cursor, y + 4.5)
        .lineTo(cursor + 10, y + 4.5)
        .lineWidth(1.2)
        .dash(3, { space: 2 })
        .stroke(colour)
        .undash();
    cursor += shape === 'box' ? 10 : 13;
    doc.fillColor(COLOURS.muted).text(label, cursor, y + 0.5, { lineBreak: false });
    cursor += doc.widthOfString(label) + 12;
  }
}

const niceStep = (max: number) => {
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= raw) ?? raw;
  return Math.max(1, step);
};

/** Bars of planned and arrived trucks per hour, the doors' capacity as a dashed step line. */
export function drawPerHourChart(
  doc: Doc,
  fonts: PdfFonts,
  box: Box,
  report: DeliveryReport,
  labels: ReportLabels,
) {
  chartTitle(doc, fonts, box, labels.charts.perHour);
  legend(doc, fonts, box.x, box.y + 14, [
    [COLOURS.planned, labels.charts.planned, 'box'],
    [COLOURS.arrived, labels.charts.arrived, 'box'],
    [COLOURS.late, labels.charts.capacity, 'line'],
  ]);
  const hours = report.perHour;
  const plot = { x: box.x + 22, y: box.y + 32, w: box.w - 26, h: box.h - 46 };
  const max = Math.max(1, ...hours.map((h) => Math.max(h.planned, h.arrived, h.capacity)));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const yOf = (value: number) => plot.y + plot.h - (value / top) * plot.h;
  doc.font(fonts.regular).fontSize(6.5);
  for (let value = 0; value <= top; value += step) {
    const y = yOf(value);
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.w, y)
      .lineWidth(0.4)
      .stroke(COLOURS.grid);
    const text = String(value);
    doc
      .fillColor(COLOURS.muted)
      .text(text, plot.x - 4 - doc.widthOfString(text), y - 2.5, { lineBreak: false });
  }
  if (hours.length === 0) return;
  const slot = plot.w / hours.length;
  const barWidth = Math.max(1, slot * 0.36);
  const labelEvery = hours.length > 16 ? 2 : 1;
  hours.forEach((hour, index) => {
    const x = plot.x + index * slot + slot * 0.12;
    if (hour.planned > 0)
      doc.rect(x, yOf(hour.planned), barWidth, plot.h - (yOf(hour.planned) - plot.y)).fill(COLOURS.planned);
    if (hour.arrived > 0)
      doc
        .rect(x + barWidth, yOf(hour.arrived), barWidth, plot.h - (yOf(hour.arrived) - plot.y))
        .fill(COLOURS.arrived);
    if (index % labelEvery === 0) {
      doc
        .fillColor(COLOURS.muted)
        .text(
          hour.label,
          plot.x + index * slot + slot / 2 - doc.widthOfString(hour.label) / 2,
          plot.y + plot.h + 3,
          {
            lineBreak: false,
          },
        );
    }
  });
  // The capacity as a step line: it changes when doors open or close.
  doc.moveTo(plot.x, yOf(hours[0]!.capacity));
  hours.forEach((hour, index) => {
    doc
      .lineTo(plot.x + index * slot, yOf(hour.capacity))
      .lineTo(plot.x + (index + 1) * slot, yOf(hour.capacity));
  });
  doc.lineWidth(1.2).dash(3, { space: 2 }).stroke(COLOURS.late).undash();
  doc
    .moveTo(plot.x, plot.y + plot.h)
    .lineTo(plot.x + plot.w, plot.y + plot.h)
    .lineWidth(0.6)
    .stroke(COLOURS.muted);
}

function arcSegment(
  doc: Doc,
  cx: number,
  cy: number,
  outer: number,
  inner: number,
  from: number,
  to: number,
) {
  const point = (radius: number, angle: number) =>
    [cx + radius * Math.sin(angle), cy - radius * Math.cos(angle)] as const;
  const large = to - from > Math.PI ? 1 : 0;
  const [ox1, oy1] = point(outer, from);
  const [ox2, oy2] = point(outer, to);
  const [ix2, iy2] = point(inner, to);
  const [ix1, iy1] = point(inner, from);
  doc.path(
    `M ${ox1} ${oy1} A ${outer} ${outer} 0 ${large} 1 ${ox2} ${oy2} L ${ix2} ${iy2} A ${inner} ${inner} 0 ${large} 0 ${ix1} ${iy1} Z`,
  );
}

/** A ring of on time, late, still open and cancelled deliveries, the on-time rate in its middle. */
export function drawOnTimeChart(
  doc: Doc,
  fonts: PdfFonts,
  box: Box,
  report: DeliveryReport,
  labels: ReportLabels,
  percent: (value: number | null) => string,
) {
  chartTitle(doc, fonts, box, labels.charts.onTimeSplit);
  const s = report.summary;
  const cancelled = s.statusCounts.cancelled ?? 0;
  const parts: [string, string, number][] = [
    [COLOURS.onTime, labels.figures.onTime, s.onTime],
    [COLOURS.late, labels.figures.late, s.late],
    [COLOURS.open, labels.figures.open, Math.max(0, s.planned - s.arrived - cancelled)],
    [COLOURS.cancelled, capitalise(labels.status.cancelled), cancelled],
  ];
  const total = parts.reduce((sum, [, , n]) => sum + n, 0);
  const radius = Math.min(box.w * 0.24, (box.h - 30) / 2);
  const cx = box.x + radius + 6;
  const cy = box.y + 20 + radius;
  if (total === 0) {
    doc
      .circle(cx, cy, radius)
      .lineWidth(radius * 0.4)
      .stroke(COLOURS.grid);
  } else {
    let angle = 0;
    for (const [colour, , count] of parts) {
      if (count === 0) continue;
      const sweep = (count / total) * Math.PI * 2;
      // A full ring cannot be one arc: draw it as two halves.
      if (sweep >= Math.PI * 2 - 1e-6) {
        arcSegment(doc, cx, cy, radius, radius * 0.6, 0, Math.PI);
        doc.fill(colour);
        arcSegment(doc, cx, cy, radius, radius * 0.6, Math.PI, Math.PI * 2);
      } else {
        arcSegment(doc, cx, cy, radius, radius * 0.6, angle, angle + sweep);
      }
      doc.fill(colour);
      angle += sweep;
    }
  }
  const centre = percent(s.onTimeRate);
  doc
    .font(fonts.bold)
    .fontSize(11)
    .fillColor(COLOURS.ink)
    .text(centre, cx - doc.widthOfString(centre) / 2, cy - 6, { lineBreak: false });
  let y = box.y + 24;
  const x = cx + radius + 12;
  for (const [colour, label, count] of parts) {
    doc.rect(x, y + 1, 7, 7).fill(colour);
    doc
      .font(fonts.regular)
      .fontSize(7)
      .fillColor(COLOURS.ink)
      .text(`${label}: ${count}`, x + 10, y + 0.5, { lineBreak: false });
    y += 13;
  }
}

/** Horizontal bars: stoppage minutes per line and missing part, the longest first. */
export function drawStoppageChart(
  doc: Doc,
  fonts: PdfFonts,
  box: Box,
  report: DeliveryReport,
  labels: ReportLabels,
) {
  chartTitle(doc, fonts, box, labels.charts.byCause);
  const causes = report.stoppageCauses.slice(0, 6);
  doc.font(fonts.regular).fontSize(7);
  if (causes.length === 0) {
    doc
      .fillColor(COLOURS.muted)
      .text(`${labels.figures.stoppages}: ${labels.none}`, box.x, box.y + 24, { lineBreak: false });
    return;
  }
  const labelWidth = box.w * 0.45;
  const barArea = box.w - labelWidth - 34;
  const max = Math.max(...causes.map((cause) => cause.minutes), 1);
  const rowHeight = Math.min(20, (box.h - 24) / causes.length);
  causes.forEach((cause, index) => {
    const y = box.y + 20 + index * rowHeight;
    let label = `${cause.lineName} · ${cause.partId}`;
    while (label.length > 4 && doc.widthOfString(label) > labelWidth - 4) label = `${label.slice(0, -2)}…`;
    doc.fillColor(COLOURS.ink).text(label, box.x, y + rowHeight / 2 - 3.5, { lineBreak: false });
    const width = Math.max(1, (cause.minutes / max) * barArea);
    doc.rect(box.x + labelWidth, y + 3, width, rowHeight - 6).fill(COLOURS.late);
    doc
      .fillColor(COLOURS.muted)
      .text(
        `${cause.minutes} ${labels.minutesUnit}`,
        box.x + labelWidth + width + 3,
        y + rowHeight / 2 - 3.5,
        { lineBreak: false },
      );
  });
}
