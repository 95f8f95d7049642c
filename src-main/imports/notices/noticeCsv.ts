import { parse } from 'csv-parse/sync';
import { parsePlantTime } from './noticeTimes';
import type { NoticeIssue, NoticeLocation, NoticeParseResult, ShippingNotice } from './shippingNotice';

// The CSV template (docs/shipping-notices.md): one row per item line, the notice's columns
// repeated on each row (or left empty after the first). Semicolon or comma, UTF-8 with or
// without BOM, lines starting with # are comments. Every error names its row and column.

export const NOTICE_CSV_COLUMNS = [
  'notice_number',
  'supplier_id',
  'supplier_party_id',
  'carrier',
  'truck_plate',
  'device_id',
  'despatched_at',
  'estimated_arrival',
  'line_no',
  'supplier_part_number',
  'part_id',
  'quantity',
  'packages',
] as const;
type Column = (typeof NOTICE_CSV_COLUMNS)[number];

/** Columns that describe the notice, not the line: equal on all rows of one notice. */
const NOTICE_COLUMNS: Column[] = [
  'supplier_id',
  'supplier_party_id',
  'carrier',
  'truck_plate',
  'device_id',
  'despatched_at',
  'estimated_arrival',
];

const MAX_TEXT = 35;
const MAX_ISSUES = 50;

interface Row {
  line: number;
  values: Partial<Record<Column, string>>;
}

/** The delimiter of the header line: whichever of ; and , it has more of outside quotes. */
function delimiterOf(text: string): ';' | ',' {
  const header =
    text.split(/\r?\n/).find((line) => line.trim() !== '' && !line.trimStart().startsWith('#')) ?? '';
  const outside = header.replace(/"[^"]*"/g, '');
  const count = (char: string) => outside.split(char).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}

function readRows(text: string, issues: NoticeIssue[]): Row[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      comment: '#',
      comment_no_infix: true,
      delimiter: delimiterOf(text.replace(/^\uFEFF/, '')),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const reason = error instanceof Error ? error.message.replace(/^Invalid [^:]*: /, '') : String(error);
    issues.push({
      where: line ? `row ${line}` : 'file',
      message: `the CSV cannot be read: ${reason.slice(0, 200)}`,
    });
    return [];
  }
  const [header, ...body] = records;
  if (!header) {
    issues.push({ where: 'file', message: 'the file has no header row' });
    return [];
  }
  const names = header.record.map((name) => name.trim().toLowerCase());
  names.forEach((name, index) => {
    if (!(NOTICE_CSV_COLUMNS as readonly string[]).includes(name)) {
      issues.push({
        where: `row ${header.info.lines}, column ${index + 1}`,
        message: `unknown column "${name.slice(0, 40)}"`,
      });
    } else if (names.indexOf(name) !== index) {
      issues.push({ where: `row ${header.info.lines}, column ${name}`, message: 'the column appears twice' });
    }
  });
  const has = (name: Column) => names.includes(name);
  const need = (what: string, ...options: Column[]) => {
    if (!options.some(has))
      issues.push({ where: `row ${header.info.lines}`, message: `the header needs a column ${what}` });
  };
  need('notice_number', 'notice_number');
  need('supplier_id or supplier_party_id', 'supplier_id', 'supplier_party_id');
  need('estimated_arrival', 'estimated_arrival');
  need('supplier_part_number or part_id', 'supplier_part_number', 'part_id');
  need('quantity', 'quantity');
  if (issues.length) return [];
  return body.map(({ record, info }) => {
    if (record.length > names.length) {
      issues.push({
        where: `row ${info.lines}`,
        message: `the row has ${record.length} fields, the header ${names.length}`,
      });
    }
    const values: Partial<Record<Column, string>> = {};
    names.forEach((name, index) => {
      const value = record[index]?.trim() ?? '';
      if (value !== '') values[name as Column] = value;
    });
    return { line: info.lines, values };
  });
}

function wholeNumber(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

export function parseNoticeCsv(text: string, timeZone: string): NoticeParseResult {
  const issues: NoticeIssue[] = [];
  const rows = readRows(text, issues);
  if (issues.length) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  if (!rows.length)
    return { ok: false, issues: [{ where: 'file', message: 'the file has no item rows below the header' }] };

  const notices = new Map<string, { notice: ShippingNotice; location: NoticeLocation; first: Row }>();
  for (const row of rows) {
    if (issues.length >= MAX_ISSUES) break;
    const at = (column: Column) => `row ${row.line}, column ${column}`;
    const problem = (column: Column, message: string) => issues.push({ where: at(column), message });
    const v = row.values;
    const number = v.notice_number;
    if (!number) {
      problem('notice_number', 'the notice number is missing');
      continue;
    }
    if (number.length > MAX_TEXT)
      problem('notice_number', `the notice number is longer than ${MAX_TEXT} characters`);
    for (const column of [
      'truck_plate',
      'device_id',
      'supplier_part_number',
      'part_id',
      'carrier',
    ] as const) {
      if ((v[column]?.length ?? 0) > 64) problem(column, 'the value is longer than 64 characters');
    }

    let entry = notices.get(number);
    if (!entry) {
      const notice: ShippingNotice = { noticeNumber: number, supplier: {}, carrier: null, items: [] };
      const location: NoticeLocation = { noticeNumber: at('notice_number'), items: [] };
      if (v.supplier_id) notice.supplier.partnerId = v.supplier_id;
      if (v.supplier_party_id) notice.supplier.partyId = v.supplier_party_id;
      location.supplier = at(v.supplier_id ? 'supplier_id' : 'supplier_party_id');
      if (!v.supplier_id && !v.supplier_party_id)
        problem('supplier_id', 'the supplier is missing (supplier_id or supplier_party_id)');
      if (v.carrier) {
        // Our partner id or the carrier's party id: whichever the plant knows.
        notice.carrier = { partnerId: v.carrier, partyId: v.carrier };
        location.carrier = at('carrier');
      }
      notice.truckPlate = v.truck_plate ?? null;
      notice.deviceId = v.device_id ?? null;
      for (const [column, field] of [
        ['despatched_at', 'despatchedAt'],
        ['estimated_arrival', 'estimatedArrival'],
      ] as const) {
        const raw = v[column];
        if (!raw) continue;
        const time = parsePlantTime(raw, timeZone);
        if (time === null)
          problem(column, `"${raw.slice(0, 40)}" is not a time (2026-11-27T14:30+01:00 or 2026-11-27 14:30)`);
        else {
          notice[field] = time;
          location[field] = at(column);
        }
      }
      if (!v.estimated_arrival) problem('estimated_arrival', 'the estimated arrival is missing');
      entry = { notice, location, first: row };
      notices.set(number, entry);
    } else {
      for (const column of NOTICE_COLUMNS) {
        const value = v[column];
        if (value !== undefined && value !== entry.first.values[column]) {
          problem(
            column,
            `differs from row ${entry.first.line} of the same notice ("${(entry.first.values[column] ?? '').slice(0, 40)}")`,
          );
        }
      }
    }

    const { notice, location } = entry;
    let lineNo = notice.items.length + 1;
    if (v.line_no) {
      const parsed = wholeNumber(v.line_no);
      if (parsed === null)
        problem('line_no', `line number "${v.line_no.slice(0, 20)}" is not a whole number`);
      else lineNo = parsed;
    }
    if (!v.supplier_part_number && !v.part_id) {
      problem('supplier_part_number', 'the part is missing (supplier_part_number or part_id)');
    }
    let quantity = 0;
    if (!v.quantity) problem('quantity', 'the quantity is missing');
    else {
      const normalized = v.quantity.replace(',', '.');
      if (!/^-?\d+(\.\d+)?$/.test(normalized))
        problem('quantity', `quantity "${v.quantity.slice(0, 20)}" is not a number`);
      else quantity = Number(normalized);
    }
    let packages: number | null = null;
    if (v.packages) {
      packages = wholeNumber(v.packages);
      if (packages === null)
        problem('packages', `"${v.packages.slice(0, 20)}" is not a whole number of packages`);
    }
    notice.items.push({
      lineNo,
      supplierPartNumber: v.supplier_part_number ?? null,
      partId: v.part_id ?? null,
      quantity,
      packages,
    });
    location.items!.push({
      partNumber: at(v.supplier_part_number ? 'supplier_part_number' : 'part_id'),
      quantity: at('quantity'),
      lineNo: at('line_no'),
    });
  }
  if (issues.length) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  const entries = [...notices.values()];
  return {
    ok: true,
    notices: entries.map((entry) => entry.notice),
    locations: entries.map((entry) => entry.location),
  };
}
