import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';
import { recordNoticeMessage } from './noticeMessages';
import { noticeReads } from './noticeReads';
import { type PlannedNotice, planNotices } from './planNotices';
import type {
  NoticeFormat,
  NoticeIssue,
  NoticeLocation,
  NoticeOutcome,
  NoticeSource,
  ShippingNotice,
} from './shippingNotice';

// The one way shipping notices enter the plant, from a file, the API or a partner's token:
// everything is checked first, then written in one transaction, or nothing is.

const SLOT_MS = 30 * 60 * 1000;

export interface ApplyNoticeOptions {
  source: NoticeSource;
  format: NoticeFormat;
  fileName?: string;
  raw?: string;
  actor: string;
  restrictToPartnerId?: string;
  dryRun?: boolean;
  /** Where each notice came from in its file, so refusals point at segment/row and column. */
  locations?: NoticeLocation[];
}

/** What a dry run found: the plan, for the preview. */
export interface NoticeDryRun extends NoticeOutcome {
  planned: PlannedNotice[];
}

/** The message of a refusal: the first issue, and how many more there are. */
export function refusalMessage(issues: readonly NoticeIssue[]): string {
  const first = issues[0];
  if (!first) return 'The shipping notice was refused.';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return first.where.startsWith('(') ? `${first.message}${more}` : `${first.where}: ${first.message}${more}`;
}

/** The 30-minute window the estimated arrival falls in: dock staff book the door. */
export const slotWindowOf = (eta: number) => {
  const start = Math.floor(eta / SLOT_MS) * SLOT_MS;
  return { slotStart: start, slotEnd: start + SLOT_MS };
};

export function applyShippingNotices(
  ctx: AppContext,
  notices: ShippingNotice[],
  options: ApplyNoticeOptions,
): NoticeOutcome & Partial<Pick<NoticeDryRun, 'planned'>> {
  const { sqlite } = ctx.database;
  const now = ctx.clock.now();
  const reads = noticeReads(sqlite);
  const audit = (outcome: 'imported' | 'refused', error: string | null) =>
    recordNoticeMessage(sqlite, {
      receivedAt: now,
      source: options.source,
      format: options.format,
      fileName: options.fileName,
      partnerId: options.restrictToPartnerId ?? null,
      noticeNumbers: notices.map((notice) => String(notice.noticeNumber ?? '')),
      outcome,
      error,
      raw: options.raw,
      actor: options.actor,
    });

  const written = sqlite.transaction(() => {
    const plan = planNotices(reads, notices, {
      now,
      ...(options.locations ? { locations: options.locations } : {}),
      ...(options.restrictToPartnerId ? { restrictToPartnerId: options.restrictToPartnerId } : {}),
    });
    if (!plan.ok) return plan;
    if (options.dryRun) {
      return {
        ok: true as const,
        planned: plan.planned,
        outcome: plan.planned.map((entry) => ({
          noticeNumber: entry.notice.noticeNumber,
          deliveryId: entry.existing?.id ?? '',
          action: entry.action,
        })),
      };
    }
    const outcome = plan.planned.map((entry) => writeNotice(sqlite, entry, now, options));
    audit('imported', null);
    return { ok: true as const, planned: plan.planned, outcome };
  })();

  if (!written.ok) {
    const message = refusalMessage(written.issues);
    if (!options.dryRun) audit('refused', message);
    throw new DomainError(written.code, message, { issues: written.issues });
  }
  if (options.dryRun) return { notices: written.outcome, planned: written.planned };
  ctx.bus.emit('deliveries.changed', { ids: written.outcome.map((entry) => entry.deliveryId) });
  return { notices: written.outcome };
}

function writeNotice(
  sqlite: BetterSqlite3.Database,
  entry: PlannedNotice,
  now: number,
  options: ApplyNoticeOptions,
) {
  const { notice, supplier, carrier, existing } = entry;
  const eta = entry.estimatedArrival;
  let deliveryId: string;
  if (!existing) {
    deliveryId = `an-${randomUUID()}`;
    const slot = slotWindowOf(eta);
    sqlite
      .prepare(
        `INSERT INTO inbound_delivery (id, notice_number, supplier_id, carrier_id, truck_plate, device_id,
           origin_name, origin_lat, origin_lon, door_id, slot_start, slot_end, status, eta, eta_source,
           created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 'announced', ?, 'notice', ?, ?)`,
      )
      .run(
        deliveryId,
        notice.noticeNumber.trim(),
        supplier.id,
        carrier?.id ?? null,
        notice.truckPlate ?? null,
        notice.deviceId ?? null,
        supplier.city,
        supplier.lat,
        supplier.lon,
        slot.slotStart,
        slot.slotEnd,
        eta,
        now,
        now,
      );
  } else {
    deliveryId = existing.id;
    // A booked door keeps its slot (dock staff own it); an unbooked one follows the new ETA. A GPS
    // or carrier ETA is fresher than any notice and stays.
    const slot = existing.doorId === null ? slotWindowOf(eta) : null;
    const keepEta = existing.etaSource === 'gps' || existing.etaSource === 'carrier';
    sqlite
      .prepare(
        `UPDATE inbound_delivery SET carrier_id = coalesce(?, carrier_id), truck_plate = coalesce(?, truck_plate),
           device_id = coalesce(?, device_id), slot_start = coalesce(?, slot_start), slot_end = coalesce(?, slot_end),
           eta = CASE WHEN ? THEN eta ELSE ? END, eta_source = CASE WHEN ? THEN eta_source ELSE 'notice' END,
           updated_at = ?
         WHERE id = ?`,
      )
      .run(
        carrier?.id ?? null,
        notice.truckPlate ?? null,
        notice.deviceId ?? null,
        slot?.slotStart ?? null,
        slot?.slotEnd ?? null,
        keepEta ? 1 : 0,
        eta,
        keepEta ? 1 : 0,
        now,
        deliveryId,
      );
    sqlite.prepare('DELETE FROM delivery_item WHERE delivery_id = ?').run(deliveryId);
  }
  const insertItem = sqlite.prepare(
    `INSERT INTO delivery_item (delivery_id, line_no, part_id, supplier_part_number, quantity_announced)
     VALUES (?, ?, ?, ?, ?)`,
  );
  for (const item of entry.items) {
    insertItem.run(deliveryId, item.lineNo, item.partId, item.supplierPartNumber, item.quantity);
  }
  sqlite
    .prepare(
      `INSERT INTO event_log (at, actor, kind, entity_type, entity_id, payload)
       VALUES (?, ?, 'notice.received', 'delivery', ?, ?)`,
    )
    .run(
      now,
      options.actor,
      deliveryId,
      JSON.stringify({
        noticeNumber: notice.noticeNumber,
        format: options.format,
        action: entry.action,
        items: entry.items.map(({ lineNo, partId, quantity }) => ({ lineNo, partId, quantity })),
        despatchedAt: notice.despatchedAt ?? null,
        estimatedArrival: eta,
      }),
    );
  return { noticeNumber: notice.noticeNumber, deliveryId, action: entry.action };
}
