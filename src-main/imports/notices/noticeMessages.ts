import type BetterSqlite3 from 'better-sqlite3';
import type { NoticeFormat, NoticeSource } from './shippingNotice';

// The audit of incoming notices: one row per file or request, imported or refused, with its raw
// text (cut at RAW_LIMIT), so the plant can show a partner exactly what it sent.

const RAW_LIMIT = 1_000_000;

export interface NoticeMessageRecord {
  receivedAt: number;
  source: NoticeSource;
  format: NoticeFormat;
  fileName?: string | undefined;
  partnerId?: string | null | undefined;
  noticeNumbers: string[];
  outcome: 'imported' | 'refused';
  error?: string | null | undefined;
  raw?: string | undefined;
  actor: string;
}

export function recordNoticeMessage(sqlite: BetterSqlite3.Database, record: NoticeMessageRecord): void {
  // A partner id that does not (or no longer) exist must not make the audit itself fail.
  const partnerId =
    record.partnerId && sqlite.prepare('SELECT 1 FROM partner WHERE id = ?').get(record.partnerId)
      ? record.partnerId
      : null;
  sqlite
    .prepare(
      `INSERT INTO notice_message
         (received_at, source, format, file_name, partner_id, notice_numbers, outcome, error, raw, actor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      record.receivedAt,
      record.source,
      record.format,
      record.fileName?.slice(0, 255) ?? null,
      partnerId,
      JSON.stringify(record.noticeNumbers.slice(0, 100).map((number) => number.slice(0, 35))),
      record.outcome,
      record.error?.slice(0, 4000) ?? null,
      record.raw === undefined ? null : record.raw.slice(0, RAW_LIMIT),
      record.actor.slice(0, 100),
    );
}

export interface NoticeMessageRow {
  id: number;
  receivedAt: number;
  source: NoticeSource;
  format: NoticeFormat;
  fileName: string | null;
  partnerId: string | null;
  partnerName: string | null;
  noticeNumbers: string[];
  outcome: 'imported' | 'refused';
  error: string | null;
  actor: string;
}

/** The newest messages first, without their raw text (that can be large). */
export function listNoticeMessages(sqlite: BetterSqlite3.Database, limit: number): NoticeMessageRow[] {
  const rows = sqlite
    .prepare(
      `SELECT m.id, m.received_at AS receivedAt, m.source, m.format, m.file_name AS fileName,
              m.partner_id AS partnerId, p.name AS partnerName, m.notice_numbers AS noticeNumbers,
              m.outcome, m.error, m.actor
         FROM notice_message m LEFT JOIN partner p ON p.id = m.partner_id
        ORDER BY m.received_at DESC, m.id DESC LIMIT ?`,
    )
    .all(limit) as (Omit<NoticeMessageRow, 'noticeNumbers'> & { noticeNumbers: string })[];
  return rows.map((row) => ({ ...row, noticeNumbers: parseNumbers(row.noticeNumbers) }));
}

function parseNumbers(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
}
