import type { Kysely } from 'kysely';
import { z } from 'zod';
import { deliveriesWithParties } from '../db/repositories/deliveries';
import type { Database, DeliveryStatus } from '../db/schema';

// The one read path of every delivery report, export and dashboard: the deliveries whose slot
// starts in a window, with their partners, door and summed quantities, and the line stoppages
// that overlap it. Everything else (summaries, charts, files) is computed from these rows.

export interface DeliveryReportRow {
  id: string;
  noticeNumber: string | null;
  supplierId: string;
  supplierName: string;
  carrierId: string | null;
  carrierName: string | null;
  truckPlate: string | null;
  doorName: string | null;
  status: DeliveryStatus;
  slotStart: number;
  slotEnd: number;
  eta: number | null;
  etaConfidenceMinutes: number | null;
  gateInAt: number | null;
  unloadingStartedAt: number | null;
  unloadedAt: number | null;
  gateOutAt: number | null;
  notes: string | null;
  quantityAnnounced: number;
  /** Null until the goods receipt has booked at least one item. */
  quantityReceived: number | null;
}

export interface TimeRange {
  start: number;
  end: number;
}

export async function readDeliveryRows(
  db: Kysely<Database>,
  range: TimeRange,
  partnerId?: string,
): Promise<DeliveryReportRow[]> {
  let query = deliveriesWithParties(db)
    .leftJoin(
      // Summed over the window's deliveries only: grouping all of delivery_item would read a
      // year's item lines for one day's report.
      (eb) =>
        eb
          .selectFrom('deliveryItem as i')
          .innerJoin('inboundDelivery as w', 'w.id', 'i.deliveryId')
          .select((inner) => [
            'i.deliveryId',
            inner.fn.sum<number>('i.quantityAnnounced').as('announced'),
            inner.fn.sum<number | null>('i.quantityReceived').as('received'),
          ])
          .where('w.slotStart', '>=', range.start)
          .where('w.slotStart', '<', range.end)
          .groupBy('i.deliveryId')
          .as('items'),
      (join) => join.onRef('items.deliveryId', '=', 'd.id'),
    )
    .select([
      'd.id',
      'd.noticeNumber',
      'd.supplierId',
      's.name as supplierName',
      'd.carrierId',
      'c.name as carrierName',
      'd.truckPlate',
      'door.name as doorName',
      'd.status',
      'd.slotStart',
      'd.slotEnd',
      'd.eta',
      'd.etaConfidenceMinutes',
      'd.gateInAt',
      'd.unloadingStartedAt',
      'd.unloadedAt',
      'd.gateOutAt',
      'd.notes',
      'items.announced',
      'items.received',
    ])
    .where('d.slotStart', '>=', range.start)
    .where('d.slotStart', '<', range.end);
  if (partnerId) {
    query = query.where((eb) =>
      eb.or([eb('d.supplierId', '=', partnerId), eb('d.carrierId', '=', partnerId)]),
    );
  }
  const rows = await query.orderBy('d.slotStart').orderBy('door.sortOrder').orderBy('d.id').execute();
  return rows.map(({ announced, received, ...row }) => ({
    ...row,
    quantityAnnounced: Number(announced ?? 0),
    quantityReceived: received === null || received === undefined ? null : Number(received),
  }));
}

/** One line stoppage, clipped to the window it is read for. */
export interface StoppageInterval {
  lineId: string;
  lineName: string;
  partId: string;
  partDescription: string;
  supplierName: string | null;
  start: number;
  end: number;
  /** True while the line still waits (the end is the window's end or now). */
  ongoing: boolean;
}

const stoppagePayload = z.object({ partId: z.string() }).loose();

// A stoppage that began up to a week before the window still counts for its minutes inside it.
const LOOKBACK_MS = 7 * 24 * 3_600_000;

/**
 * Pairs `line.stopped` with the next `line.resumed` of the same line (event_log, written by the
 * simulator or the line feed) and clips each pair to the range; a stoppage not yet resumed runs
 * until `now` (or the range's end, whichever is earlier).
 */
export async function readStoppages(
  db: Kysely<Database>,
  range: TimeRange,
  now: number,
  supplierId?: string,
): Promise<StoppageInterval[]> {
  const events = await db
    .selectFrom('eventLog')
    .select(['at', 'kind', 'entityId', 'payload'])
    .where('entityType', '=', 'line')
    .where('kind', 'in', ['line.stopped', 'line.resumed'])
    .where('at', '>=', range.start - LOOKBACK_MS)
    .where('at', '<', range.end)
    .orderBy('at')
    .orderBy('id')
    .execute();
  if (events.length === 0) return [];
  const [lines, parts] = await Promise.all([
    db.selectFrom('productionLine').select(['id', 'name']).execute(),
    db
      .selectFrom('part')
      .leftJoin('partner', 'partner.id', 'part.supplierId')
      .select(['part.id', 'part.description', 'part.supplierId', 'partner.name as supplierName'])
      .execute(),
  ]);
  const lineName = new Map(lines.map((line) => [line.id, line.name]));
  const partById = new Map(parts.map((part) => [part.id, part]));
  const open = new Map<string, { at: number; partId: string }>();
  const intervals: StoppageInterval[] = [];
  const close = (lineId: string, stoppedAt: number, partId: string, endAt: number, ongoing: boolean) => {
    const start = Math.max(stoppedAt, range.start);
    const end = Math.min(endAt, range.end);
    if (end <= start) return;
    const part = partById.get(partId);
    if (supplierId && part?.supplierId !== supplierId) return;
    intervals.push({
      lineId,
      lineName: lineName.get(lineId) ?? lineId,
      partId,
      partDescription: part?.description ?? '',
      supplierName: part?.supplierName ?? null,
      start,
      end,
      ongoing,
    });
  };
  for (const event of events) {
    let partId = '';
    try {
      const parsed = stoppagePayload.safeParse(JSON.parse(event.payload ?? '{}'));
      if (parsed.success) partId = parsed.data.partId;
    } catch {
      // An unreadable payload still marks the stop; its cause stays unknown.
    }
    const stopped = open.get(event.entityId);
    if (event.kind === 'line.stopped') {
      // A second stop without a resume: keep the earlier start, the line never ran in between.
      if (!stopped) open.set(event.entityId, { at: event.at, partId });
    } else if (stopped) {
      close(event.entityId, stopped.at, stopped.partId || partId, event.at, false);
      open.delete(event.entityId);
    }
  }
  for (const [lineId, stopped] of open) {
    close(lineId, stopped.at, stopped.partId, Math.min(now, range.end), true);
  }
  return intervals.sort((a, b) => a.start - b.start || a.lineId.localeCompare(b.lineId));
}

/** Doors with their opening hours, for the dock capacity per hour. */
export async function readDoors(db: Kysely<Database>) {
  return db.selectFrom('dockDoor').select(['id', 'name', 'openingHours']).orderBy('sortOrder').execute();
}
