import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DATA_SET_NAMES, type DataSetName } from './dataSet';
import { type ImportIssue, issue } from './issues';

// Turns the files a person drops (CSV per data set, or one XLSX with a sheet per data set) into
// plain tables of text cells. Nothing is interpreted here beyond encoding and layout.

export interface PlantFile {
  name: string;
  content: Buffer;
  /** The data set of a CSV whose name does not say it (a sync file "Bestand_0815.csv"). */
  dataSet?: DataSetName;
}

export interface RawTable {
  /** "parts.csv" or "plant.xlsx › parts". */
  source: string;
  dataSet: DataSetName;
  /** Normalised header names. */
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export interface ReadResult {
  tables: RawTable[];
  issues: ImportIssue[];
}

const KNOWN = new Set<string>(DATA_SET_NAMES);

/** "Put-Away Minutes " → "put_away_minutes". */
export const normaliseHeader = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function dataSetOf(name: string): DataSetName | null {
  const base = normaliseHeader(name.replace(/\.[^.]*$/, ''));
  return KNOWN.has(base) ? (base as DataSetName) : null;
}

const expected = () => DATA_SET_NAMES.join(', ');

/** The 1-based position of the first byte that is not valid UTF-8, or null when all are. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else return i + 1;
    let code = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i + k + 1 > bytes.length ? i + 1 : i + k + 1;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i + 1;
    i += extra + 1;
  }
  return null;
}

/** The delimiter of the header line: whichever of ; and , it has more of outside quotes. */
function delimiterOf(text: string): ';' | ',' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const outside = header.replace(/"[^"]*"/g, '');
  const count = (char: string) => outside.split(char).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}

function readCsv(file: PlantFile, dataSet: DataSetName, issues: ImportIssue[]): RawTable | null {
  const bad = firstInvalidUtf8Byte(file.content);
  if (bad !== null) {
    issues.push(
      issue(
        file.name,
        dataSet,
        null,
        null,
        `file ${file.name} is not UTF-8 (byte ${bad}); save it as UTF-8 (CSV UTF-8)`,
      ),
    );
    return null;
  }
  const text = file.content.toString('utf8').replace(/^\uFEFF/, '');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    const reason = error instanceof Error ? error.message.replace(/^Invalid [^:]*: /, '') : String(error);
    issues.push(issue(file.name, dataSet, line, null, `the CSV cannot be read: ${reason.slice(0, 200)}`));
    return null;
  }
  const [header, ...body] = records;
  if (!header) {
    issues.push(issue(file.name, dataSet, 1, null, 'the file has no header row'));
    return null;
  }
  return {
    source: file.name,
    dataSet,
    header: header.record.map(normaliseHeader),
    rows: body.map(({ record, info }) => ({ row: info.lines, cells: record })),
  };
}

/** A cell's value as text, whatever type Excel gave it. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

async function readXlsx(file: PlantFile, issues: ImportIssue[]): Promise<RawTable[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
  } catch (error) {
    issues.push(
      issue(
        file.name,
        null,
        null,
        null,
        `the file is not a readable XLSX workbook (${(error as Error).message})`,
      ),
    );
    return [];
  }
  const tables: RawTable[] = [];
  workbook.eachSheet((sheet) => {
    const source = `${file.name} › ${sheet.name}`;
    // A one-sheet workbook whose file name said the data set ("Bestand.xlsx", sheet "Tabelle1").
    const dataSet =
      dataSetOf(sheet.name) ?? (workbook.worksheets.length === 1 ? (file.dataSet ?? null) : null);
    if (!dataSet) {
      issues.push(
        issue(
          source,
          null,
          null,
          null,
          `the sheet "${sheet.name}" is not a data set (expected ${expected()})`,
        ),
      );
      return;
    }
    const width = sheet.getRow(1).cellCount;
    const textsOf = (rowNumber: number) => {
      const row = sheet.getRow(rowNumber);
      return Array.from({ length: Math.max(width, row.cellCount) }, (_, i) =>
        cellText(row.getCell(i + 1).value),
      );
    };
    const header = textsOf(1).map(normaliseHeader);
    const rows: RawTable['rows'] = [];
    for (let number = 2; number <= sheet.rowCount; number++) {
      const cells = textsOf(number);
      if (cells.every((cell) => cell.trim() === '')) continue;
      rows.push({ row: number, cells });
    }
    tables.push({ source, dataSet, header, rows });
  });
  return tables;
}

/** Reads every file; a file that cannot be read becomes an issue and no table. */
export async function readPlantFiles(files: readonly PlantFile[]): Promise<ReadResult> {
  const issues: ImportIssue[] = [];
  const tables: RawTable[] = [];
  for (const file of files) {
    const lower = file.name.toLowerCase();
    if (lower.endsWith('.xlsx')) {
      tables.push(...(await readXlsx(file, issues)));
      continue;
    }
    const dataSet = file.dataSet ?? dataSetOf(file.name);
    if (!lower.endsWith('.csv') || !dataSet) {
      issues.push(
        issue(
          file.name,
          null,
          null,
          null,
          `not a plant file: expected <data set>.csv or an .xlsx (data sets: ${expected()})`,
        ),
      );
      continue;
    }
    const table = readCsv(file, dataSet, issues);
    if (table) tables.push(table);
  }
  const seen = new Map<DataSetName, string>();
  for (const table of tables) {
    const earlier = seen.get(table.dataSet);
    if (earlier)
      issues.push(issue(table.source, table.dataSet, null, null, `${table.dataSet} is also in ${earlier}`));
    seen.set(table.dataSet, table.source);
  }
  return { tables, issues };
}
