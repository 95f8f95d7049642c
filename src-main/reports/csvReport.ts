import { stringify } from 'csv-stringify/sync';
import type { DeliveryReport } from './deliveryReport';
import type { ReportLabels, ReportLanguage } from './reportLabels';
import { type Cell, COLUMNS, formatLocalTime, tableRows } from './reportTable';

// The deliveries as CSV: UTF-8 with a byte-order mark (so Excel reads the umlauts), RFC 4180
// quoting and CRLF line ends. German spreadsheets expect a semicolon between fields and a decimal
// comma; the comma variant keeps the decimal point. Times are plant-local wall-clock times.

export type CsvDelimiter = ',' | ';';

const BOM = '\uFEFF';

function cellText(cell: Cell, delimiter: CsvDelimiter, timeZone: string, language: ReportLanguage): string {
  if (cell.value === null) return '';
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'time':
      return formatLocalTime(cell.value, timeZone, language);
    case 'int':
      return String(cell.value);
    case 'decimal': {
      const fixed = cell.value.toFixed(1);
      return delimiter === ';' ? fixed.replace('.', ',') : fixed;
    }
  }
}

export function deliveryReportCsv(
  report: DeliveryReport,
  labels: ReportLabels,
  language: ReportLanguage,
  delimiter: CsvDelimiter = ',',
): Buffer {
  const header = COLUMNS.map((column) => labels.columns[column.key]);
  const rows = tableRows(report, labels).map((row) =>
    row.map((cell) => cellText(cell, delimiter, report.timeZone, language)),
  );
  const body = stringify([header, ...rows], { delimiter, record_delimiter: '\r\n' });
  return Buffer.from(BOM + body, 'utf8');
}
