import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';
import { applyShippingNotices, refusalMessage } from './applyNotices';
import { parseNoticeCsv } from './noticeCsv';
import { recordNoticeMessage } from './noticeMessages';
import { noticeReads } from './noticeReads';
import { parseDesadv } from './parseDesadv';
import type { PlannedNotice } from './planNotices';
import type { NoticeParseResult } from './shippingNotice';

// A notice file from the Deliveries view (open dialog or drag-and-drop): recognised, parsed,
// checked, and then previewed or imported. The preview runs the very checks the import runs.

export type NoticeFileFormat = 'auto' | 'desadv' | 'csv';

export interface NoticeFileInput {
  fileName: string;
  content: string;
  format?: NoticeFileFormat | undefined;
}

/** EDIFACT starts with UNA or UNB (after a BOM or blank lines); anything else is read as CSV. */
export function detectFormat(fileName: string, content: string): 'desadv' | 'csv' {
  const start = content
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 3);
  if (start === 'UNA' || start === 'UNB') return 'desadv';
  if (/\.(edi|edifact|desadv|dat)$/i.test(fileName) && !/\.csv$/i.test(fileName)) return 'desadv';
  return 'csv';
}

function parseFile(
  ctx: AppContext,
  input: NoticeFileInput,
): { format: 'desadv' | 'csv'; parsed: NoticeParseResult; label: string } {
  const format =
    !input.format || input.format === 'auto' ? detectFormat(input.fileName, input.content) : input.format;
  const timeZone = noticeReads(ctx.database.sqlite).timeZone();
  if (format === 'desadv') {
    const parsed = parseDesadv(input.content, timeZone);
    const label =
      parsed.ok && parsed.dialects?.length
        ? [...new Set(parsed.dialects.map((d) => d.label))].join('; ')
        : 'DESADV';
    return { format, parsed, label };
  }
  return { format, parsed: parseNoticeCsv(input.content, timeZone), label: 'CSV' };
}

export interface NoticePreviewEntry {
  noticeNumber: string;
  action: 'created' | 'updated';
  deliveryId: string | null;
  supplier: { id: string; name: string };
  carrier: { id: string; name: string } | null;
  truckPlate: string | null;
  deviceId: string | null;
  documentDate: number | null;
  despatchedAt: number | null;
  estimatedArrival: number;
  items: PlannedNotice['items'];
}

export type NoticePreview =
  | { ok: true; format: 'desadv' | 'csv'; label: string; notices: NoticePreviewEntry[] }
  | {
      ok: false;
      format: 'desadv' | 'csv';
      label: string;
      code: string;
      message: string;
      issues: { where: string; message: string }[];
    };

const previewEntry = (entry: PlannedNotice): NoticePreviewEntry => ({
  noticeNumber: entry.notice.noticeNumber,
  action: entry.action,
  deliveryId: entry.existing?.id ?? null,
  supplier: { id: entry.supplier.id, name: entry.supplier.name },
  carrier: entry.carrier ? { id: entry.carrier.id, name: entry.carrier.name } : null,
  truckPlate: entry.notice.truckPlate ?? null,
  deviceId: entry.notice.deviceId ?? null,
  documentDate: entry.notice.documentDate ?? null,
  despatchedAt: entry.notice.despatchedAt ?? null,
  estimatedArrival: entry.estimatedArrival,
  items: entry.items,
});

/** What an import would do, or every reason it would be refused. Writes nothing. */
export function previewNoticeFile(ctx: AppContext, input: NoticeFileInput): NoticePreview {
  const { format, parsed, label } = parseFile(ctx, input);
  if (!parsed.ok) {
    return {
      ok: false,
      format,
      label,
      code: 'INVALID_INPUT',
      message: refusalMessage(parsed.issues),
      issues: parsed.issues,
    };
  }
  try {
    const result = applyShippingNotices(ctx, parsed.notices, {
      source: 'file',
      format,
      fileName: input.fileName,
      actor: 'control room',
      dryRun: true,
      locations: parsed.locations,
    });
    return { ok: true, format, label, notices: (result.planned ?? []).map(previewEntry) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const details = error.details as { issues?: { where: string; message: string }[] } | undefined;
    return {
      ok: false,
      format,
      label,
      code: error.code,
      message: error.message,
      issues: details?.issues ?? [],
    };
  }
}

/** Imports the file all or nothing; a refusal throws with every issue and is kept in the audit. */
export function importNoticeFile(ctx: AppContext, input: NoticeFileInput, actor = 'control room') {
  const { format, parsed } = parseFile(ctx, input);
  if (!parsed.ok) {
    const message = refusalMessage(parsed.issues);
    recordNoticeMessage(ctx.database.sqlite, {
      receivedAt: ctx.clock.now(),
      source: 'file',
      format,
      fileName: input.fileName,
      noticeNumbers: [],
      outcome: 'refused',
      error: message,
      raw: input.content,
      actor,
    });
    throw new DomainError('INVALID_INPUT', message, { issues: parsed.issues });
  }
  return {
    format,
    ...applyShippingNotices(ctx, parsed.notices, {
      source: 'file',
      format,
      fileName: input.fileName,
      raw: input.content,
      actor,
      locations: parsed.locations,
    }),
  };
}
