import type BetterSqlite3 from 'better-sqlite3';
import { perDatabase } from '../../db/perDatabase';
import type { DeliveryFact, EndedStoppage, ReceivedLine } from '../../domain/scorecard/index';

// The scorecard's reads, each one indexed query: deliveries by (supplier_id | carrier_id,
// slot_start), item lines through the same index and delivery_item's key, and stoppages through
// the event log's (entity_type, entity_id, at) index — line events are few, so the range check
// runs over a handful of rows even in a year of status events. Prepared statements on the raw
// connection: a year-long scorecard reads ten thousand rows, and the query builder's per-row
// mapping would cost more than the queries themselves.

export interface ScorecardRange {
  from: number;
  to: number;
}

const DELIVERY_COLUMNS = `id, status, slot_start AS slotStart, slot_end AS slotEnd, gate_in_at AS gateInAt`;

interface StoppageRow {
  lineId: string;
  lineName: string | null;
  partId: string | null;
  partDescription: string | null;
  resumedAt: number;
  stoppedMinutes: number | null;
  deliveryId: string | null;
  supplierId: string | null;
  carrierId: string | null;
  slotEnd: number | null;
  gateInAt: number | null;
}

type Params = [partnerId: string, from: number, to: number];

function prepare(sqlite: BetterSqlite3.Database) {
  return {
    supplied: sqlite.prepare<Params, DeliveryFact>(
      `SELECT ${DELIVERY_COLUMNS} FROM inbound_delivery
        WHERE supplier_id = ? AND slot_start >= ? AND slot_start < ?`,
    ),
    carried: sqlite.prepare<Params, DeliveryFact>(
      `SELECT ${DELIVERY_COLUMNS} FROM inbound_delivery
        WHERE carrier_id = ? AND slot_start >= ? AND slot_start < ?`,
    ),
    receivedLines: sqlite.prepare<Params, ReceivedLine>(
      `SELECT i.quantity_announced AS quantityAnnounced, i.quantity_received AS quantityReceived
         FROM inbound_delivery d JOIN delivery_item i ON i.delivery_id = d.id
        WHERE d.supplier_id = ? AND d.slot_start >= ? AND d.slot_start < ?
          AND d.status != 'cancelled' AND i.quantity_received IS NOT NULL`,
    ),
    // The delivery whose goods ended a stoppage is the last receipt of the waiting part between
    // the line stopping and resuming (the simulator and the goods receipt log `line.resumed` as
    // soon as the part is on hand again).
    endedStoppages: sqlite.prepare<
      [from: number, to: number, partnerId: string, partnerIdAgain: string],
      StoppageRow
    >(
      `WITH resumed AS (
         SELECT e.entity_id AS line_id, e.at AS resumed_at,
                json_extract(e.payload, '$.partId') AS part_id,
                json_extract(e.payload, '$.stoppedMinutes') AS stopped_minutes
           FROM event_log e
          WHERE e.entity_type = 'line' AND e.kind = 'line.resumed' AND e.at >= ? AND e.at < ?
            AND json_valid(e.payload)
       ), ended AS (
         SELECT r.*, (
           SELECT m.delivery_id FROM stock_movement m
            WHERE m.part_id = r.part_id AND m.kind = 'receipt' AND m.delivery_id IS NOT NULL
              AND m.at <= r.resumed_at AND m.at >= r.resumed_at - r.stopped_minutes * 60000
            ORDER BY m.at DESC LIMIT 1
         ) AS delivery_id
           FROM resumed r
          WHERE r.part_id IS NOT NULL AND typeof(r.stopped_minutes) IN ('integer', 'real')
       )
       SELECT x.line_id AS lineId, l.name AS lineName, x.part_id AS partId, p.description AS partDescription,
              x.resumed_at AS resumedAt, x.stopped_minutes AS stoppedMinutes, x.delivery_id AS deliveryId,
              d.supplier_id AS supplierId, d.carrier_id AS carrierId, d.slot_end AS slotEnd, d.gate_in_at AS gateInAt
         FROM ended x
         JOIN inbound_delivery d ON d.id = x.delivery_id
         LEFT JOIN production_line l ON l.id = x.line_id
         LEFT JOIN part p ON p.id = x.part_id
        WHERE d.supplier_id = ? OR d.carrier_id = ?
        ORDER BY x.resumed_at`,
    ),
  };
}

const statementsOf = perDatabase(prepare);

/** The partner's deliveries by slot start in the range, as supplier or as carrier (each once). */
export function partnerDeliveries(
  sqlite: BetterSqlite3.Database,
  partnerId: string,
  range: ScorecardRange,
): DeliveryFact[] {
  const read = statementsOf(sqlite);
  const supplied = read.supplied.all(partnerId, range.from, range.to);
  const carried = read.carried.all(partnerId, range.from, range.to);
  if (carried.length === 0) return supplied;
  if (supplied.length === 0) return carried;
  // A partner that is both may have shipped and driven the same delivery: count it once.
  const seen = new Set(supplied.map((delivery) => delivery.id));
  return [...supplied, ...carried.filter((delivery) => !seen.has(delivery.id))];
}

/** Received item lines of the deliveries the partner shipped: a notice is the supplier's. */
export function receivedLines(
  sqlite: BetterSqlite3.Database,
  partnerId: string,
  range: ScorecardRange,
): ReceivedLine[] {
  return statementsOf(sqlite).receivedLines.all(partnerId, range.from, range.to);
}

/** Stoppages that ended in the range and that a delivery of this partner ended. */
export function endedStoppages(
  sqlite: BetterSqlite3.Database,
  partnerId: string,
  range: ScorecardRange,
): EndedStoppage[] {
  const rows = statementsOf(sqlite).endedStoppages.all(range.from, range.to, partnerId, partnerId);
  return rows.map((row) => ({
    lineId: row.lineId,
    lineName: row.lineName ?? row.lineId,
    partId: row.partId ?? '',
    partDescription: row.partDescription ?? '',
    resumedAt: row.resumedAt,
    stoppedMinutes: row.stoppedMinutes ?? 0,
    endingDelivery:
      row.deliveryId === null || row.supplierId === null || row.slotEnd === null
        ? null
        : {
            id: row.deliveryId,
            supplierId: row.supplierId,
            carrierId: row.carrierId,
            slotEnd: row.slotEnd,
            gateInAt: row.gateInAt,
          },
  }));
}

/** Which of these deliveries belong to the partner (as supplier or carrier). */
export function deliveriesOfPartner(
  sqlite: BetterSqlite3.Database,
  partnerId: string,
  ids: readonly string[],
): Set<string> {
  if (ids.length === 0) return new Set();
  const rows = sqlite
    .prepare<unknown[], { id: string }>(
      `SELECT id FROM inbound_delivery WHERE id IN (${ids.map(() => '?').join(', ')})
         AND (supplier_id = ? OR carrier_id = ?)`,
    )
    .all(...ids, partnerId, partnerId);
  return new Set(rows.map((row) => row.id));
}
