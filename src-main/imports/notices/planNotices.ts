import type { DeliveryStatus } from '../../db/schema';
import type { NoticedDelivery, NoticePartner, NoticeReads } from './noticeReads';
import type { NoticeIssue, NoticeLocation, NoticeParty, ShippingNotice } from './shippingNotice';

// Checks every notice against the plant before anything is written: partners, part numbers,
// quantities, dates, and the repeated-notice rule. Pure apart from the reads it is handed.

const DAY = 24 * 60 * 60 * 1000;
const MAX_QUANTITY = 10_000_000;
/** A delivery may still be re-announced while its truck has not reached the gate. */
export const UPDATABLE_STATUSES: ReadonlySet<DeliveryStatus> = new Set(['announced', 'in_transit']);

const STATUS_WORDS: Record<DeliveryStatus, string> = {
  announced: 'announced',
  in_transit: 'on its way',
  at_gate: 'at the gate',
  at_door: 'at the door',
  unloading: 'being unloaded',
  unloaded: 'unloaded',
  departed: 'gone (departed)',
  cancelled: 'cancelled',
};

export interface PlannedItem {
  lineNo: number;
  partId: string;
  partDescription: string;
  supplierPartNumber: string | null;
  quantity: number;
  packages: number | null;
}

export interface PlannedNotice {
  notice: ShippingNotice;
  supplier: NoticePartner;
  carrier: NoticePartner | null;
  items: PlannedItem[];
  existing: NoticedDelivery | null;
  action: 'created' | 'updated';
  estimatedArrival: number;
}

export type NoticePlan =
  | { ok: true; planned: PlannedNotice[] }
  | { ok: false; code: 'INVALID_INPUT' | 'CONFLICT'; issues: NoticeIssue[] };

export interface PlanOptions {
  now: number;
  locations?: NoticeLocation[];
  restrictToPartnerId?: string;
}

/** "Shipping notice X cannot be changed any more" is all a partner hears about someone else's. */
export const cannotChange = (noticeNumber: string) =>
  `Shipping notice ${noticeNumber} cannot be changed any more.`;

export function planNotices(
  reads: NoticeReads,
  notices: readonly ShippingNotice[],
  options: PlanOptions,
): NoticePlan {
  const invalid: NoticeIssue[] = [];
  const conflicts: NoticeIssue[] = [];
  const planned: PlannedNotice[] = [];
  const seen = new Map<string, number>();
  const prefix = notices.length > 1;
  if (!notices.length)
    return {
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ where: '(input)', message: 'no shipping notice' }],
    };

  notices.forEach((notice, index) => {
    const location = options.locations?.[index] ?? {};
    const path = (field: string) => (prefix ? `notices[${index}].${field}` : field);
    const where = (key: Exclude<keyof NoticeLocation, 'items'>) => location[key] ?? path(key);
    const problem = (at: string, message: string) => invalid.push({ where: at, message });
    const number = notice.noticeNumber.trim();
    const before = invalid.length;

    if (!number) problem(where('noticeNumber'), 'the notice number is missing');
    else if (number.length > 35)
      problem(where('noticeNumber'), 'the notice number is longer than 35 characters');
    else if (seen.has(number)) {
      problem(
        where('noticeNumber'),
        `notice ${number} appears twice (also as notice ${(seen.get(number) ?? 0) + 1})`,
      );
    }
    seen.set(number, index);

    const supplier = resolveParty(reads, notice.supplier, 'supplier', where('supplier'), invalid);
    if (supplier && supplier.role === 'carrier')
      problem(where('supplier'), `${supplier.name} is a carrier, not a supplier`);
    const carrier = notice.carrier
      ? resolveParty(reads, notice.carrier, 'carrier', where('carrier'), invalid)
      : null;
    if (carrier && carrier.role === 'supplier' && carrier.id !== supplier?.id) {
      problem(where('carrier'), `${carrier.name} is a supplier, not a carrier`);
    }
    const restrict = options.restrictToPartnerId;
    if (restrict && supplier && supplier.id !== restrict && carrier?.id !== restrict) {
      problem(
        where('supplier'),
        'a partner may only send notices for its own shipments (as their supplier or carrier)',
      );
    }

    checkTimes(notice, options.now, where, problem);
    for (const [field, max] of [
      ['truckPlate', 35],
      ['deviceId', 64],
    ] as const) {
      const value = notice[field];
      if (value && value.length > max) problem(where(field), `${field} is longer than ${max} characters`);
    }

    const items: PlannedItem[] = [];
    const lines = new Set<number>();
    if (!notice.items.length) problem(path('items'), 'the notice has no item line');
    notice.items.forEach((item, itemIndex) => {
      const at = location.items?.[itemIndex] ?? {};
      const itemPath = (field: string) => path(`items[${itemIndex}].${field}`);
      if (!Number.isInteger(item.lineNo) || item.lineNo < 1 || item.lineNo > 999_999) {
        problem(at.lineNo ?? itemPath('lineNo'), `line number ${item.lineNo} must be a whole number from 1`);
      } else if (lines.has(item.lineNo))
        problem(at.lineNo ?? itemPath('lineNo'), `line ${item.lineNo} appears twice`);
      lines.add(item.lineNo);
      if (!Number.isFinite(item.quantity) || item.quantity <= 0) {
        problem(at.quantity ?? itemPath('quantity'), `quantity ${item.quantity} must be more than 0`);
      } else if (!Number.isInteger(item.quantity)) {
        problem(at.quantity ?? itemPath('quantity'), `quantity ${item.quantity} must be whole units`);
      } else if (item.quantity > MAX_QUANTITY) {
        problem(
          at.quantity ?? itemPath('quantity'),
          `quantity ${item.quantity} is more than ${MAX_QUANTITY}`,
        );
      }
      const part = supplier ? resolvePart(reads, supplier, item) : null;
      if (supplier && typeof part === 'string')
        problem(at.partNumber ?? itemPath('supplierPartNumber'), part);
      if (part && typeof part !== 'string') {
        items.push({
          lineNo: item.lineNo,
          partId: part.partId,
          partDescription: part.description,
          supplierPartNumber: item.supplierPartNumber,
          quantity: item.quantity,
          packages: item.packages ?? null,
        });
      }
    });
    if (invalid.length > before || !supplier) return;

    const existing = reads.deliveryByNotice(number) ?? null;
    if (existing) {
      const refusal = repeatedNoticeRefusal(existing, number, supplier, restrict);
      if (refusal) {
        conflicts.push({ where: where('noticeNumber'), message: refusal });
        return;
      }
    }
    planned.push({
      notice,
      supplier,
      carrier,
      items,
      existing,
      action: existing ? 'updated' : 'created',
      estimatedArrival: notice.estimatedArrival!,
    });
  });

  if (invalid.length) return { ok: false, code: 'INVALID_INPUT', issues: [...invalid, ...conflicts] };
  if (conflicts.length) return { ok: false, code: 'CONFLICT', issues: conflicts };
  return { ok: true, planned };
}

/**
 * The repeated-notice rule: the same supplier may send a notice number again while its truck
 * has not reached the gate. A partner restricted to its own shipments hears the same sentence for
 * every refusal, so nothing tells it whose delivery a number belongs to or how far it has come.
 */
function repeatedNoticeRefusal(
  existing: NoticedDelivery,
  number: string,
  supplier: NoticePartner,
  restrictToPartnerId: string | undefined,
): string | null {
  const updatable = existing.supplierId === supplier.id && UPDATABLE_STATUSES.has(existing.status);
  if (restrictToPartnerId) {
    const own = existing.supplierId === restrictToPartnerId || existing.carrierId === restrictToPartnerId;
    return own && updatable ? null : cannotChange(number);
  }
  if (existing.supplierId !== supplier.id) {
    return `Shipping notice ${number} already belongs to delivery ${existing.id} of another supplier; a notice number is used once in the plant.`;
  }
  if (updatable) return null;
  return `Shipping notice ${number} cannot be changed any more: its delivery ${existing.id} is ${STATUS_WORDS[existing.status]} (status ${existing.status}).`;
}

function resolveParty(
  reads: NoticeReads,
  party: NoticeParty,
  role: 'supplier' | 'carrier',
  where: string,
  issues: NoticeIssue[],
): NoticePartner | null {
  const byId = party.partnerId ? reads.partnerById(party.partnerId) : undefined;
  const byParty = party.partyId ? reads.partnerByPartyId(party.partyId) : undefined;
  if (byId && byParty && byId.id !== byParty.id && party.partnerId !== party.partyId) {
    issues.push({
      where,
      message: `partner id ${party.partnerId} and party id ${party.partyId} name different ${role}s`,
    });
    return null;
  }
  const found = byId ?? byParty;
  if (!found) {
    const named = party.partyId ?? party.partnerId ?? party.name;
    issues.push({
      where,
      message: named
        ? `${role} "${named.slice(0, 40)}" is not known to the plant (no partner with that id or party id)`
        : `the ${role} is missing`,
    });
    return null;
  }
  return found;
}

/** A plant part number is taken when that part exists; a supplier's number goes through supplier_part. */
function resolvePart(reads: NoticeReads, supplier: NoticePartner, item: ShippingNotice['items'][number]) {
  if (item.partId) {
    const part = reads.part(item.partId);
    if (part) return { partId: item.partId, description: part.description };
  }
  if (item.supplierPartNumber) {
    const mapped = reads.supplierPart(supplier.id, item.supplierPartNumber);
    if (mapped) return mapped;
    return `supplier part number "${item.supplierPartNumber.slice(0, 40)}" of ${supplier.name} is not known to the plant (not in its part cross-reference)`;
  }
  if (item.partId) return `plant part "${item.partId.slice(0, 40)}" does not exist`;
  return 'the line names no part number';
}

function checkTimes(
  notice: ShippingNotice,
  now: number,
  where: (key: 'estimatedArrival' | 'despatchedAt' | 'documentDate') => string,
  problem: (at: string, message: string) => void,
) {
  const eta = notice.estimatedArrival;
  const sane = (at: number | null | undefined) => at === null || at === undefined || Number.isFinite(at);
  if (eta === null || eta === undefined) {
    problem(where('estimatedArrival'), 'the estimated arrival is missing (DTM 132 or 17)');
  } else if (!sane(eta) || eta < now - DAY || eta > now + 90 * DAY) {
    problem(where('estimatedArrival'), 'the estimated arrival must lie between yesterday and 90 days ahead');
  }
  const despatched = notice.despatchedAt;
  if (despatched !== null && despatched !== undefined) {
    if (!sane(despatched) || despatched < now - 30 * DAY || despatched > now + 90 * DAY) {
      problem(where('despatchedAt'), 'the despatch time must lie within 30 days back and 90 days ahead');
    } else if (typeof eta === 'number' && Number.isFinite(eta) && despatched > eta) {
      problem(where('despatchedAt'), 'the truck cannot be despatched after its estimated arrival');
    }
  }
  const document = notice.documentDate;
  if (
    document !== null &&
    document !== undefined &&
    (!sane(document) || document < now - 365 * DAY || document > now + DAY)
  ) {
    problem(where('documentDate'), 'the document date must lie within the last year and not in the future');
  }
}
