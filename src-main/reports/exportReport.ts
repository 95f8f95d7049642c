import { type CsvDelimiter, deliveryReportCsv } from './csvReport';
import type { DeliveryReport } from './deliveryReport';
import { deliveryReportPdf } from './pdfReport';
import { REPORT_LABELS, type ReportLanguage } from './reportLabels';
import { reportFileName } from './reportTable';
import { deliveryReportXlsx } from './xlsxReport';

export type ReportFormat = 'xlsx' | 'csv' | 'pdf';
export const REPORT_FORMATS: readonly ReportFormat[] = ['xlsx', 'csv', 'pdf'];

export interface ReportFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

const MIME_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

export interface ExportOptions {
  format: ReportFormat;
  language?: ReportLanguage;
  delimiter?: CsvDelimiter;
}

/** Lays a report out as a file; the name says plant day, shift and (for ';') the German CSV. */
export async function renderReport(report: DeliveryReport, options: ExportOptions): Promise<ReportFile> {
  const language = options.language ?? 'de';
  const labels = REPORT_LABELS[language];
  const content =
    options.format === 'xlsx'
      ? await deliveryReportXlsx(report, labels, language)
      : options.format === 'pdf'
        ? await deliveryReportPdf(report, labels, language)
        : deliveryReportCsv(report, labels, language, options.delimiter ?? ',');
  return {
    fileName: reportFileName(report, labels, options.format),
    mimeType: MIME_TYPES[options.format],
    content,
  };
}
