import type BetterSqlite3 from 'better-sqlite3';
import { perDatabase } from '../db/perDatabase';
import type { DeliveryStatus, EtaSource } from '../db/schema';

// A partner's view of the plant's deliveries: only those it supplies or carries. Another
// partner's delivery is simply not found — the same answer as for one that does not exist.

export interface PartnerDelivery {
  id: string;
  noticeNumber: string | null;
  status: DeliveryStatus;
  truckPlate: string | null;
  deviceId: string | null;
  slotStart: number;
  slotEnd: number;
  doorId: string | null;
  doorName: string | null;
  eta: number | null;
  etaSource: EtaSource | null;
  etaConfidenceMinutes: number | null;
}

const COLUMNS = `d.id, d.notice_number AS noticeNumber, d.status, d.truck_plate AS truckPlate,
  d.device_id AS deviceId, d.slot_start AS slotStart, d.slot_end AS slotEnd, d.door_id AS doorId,
  door.name AS doorName, d.eta, d.eta_source AS etaSource, d.eta_confidence_minutes AS etaConfidenceMinutes`;

const OPEN = "('announced', 'in_transit', 'at_gate', 'at_door', 'unloading')";

/** At most this many open deliveries in one answer: a partner's day, not the plant's history. */
export const MAX_LISTED = 1000;

function prepare(sqlite: BetterSqlite3.Database) {
  return {
    byId: sqlite.prepare<{ partnerId: string; key: string }, PartnerDelivery>(
      `SELECT ${COLUMNS} FROM inbound_delivery d LEFT JOIN dock_door door ON door.id = d.door_id
        WHERE d.id = @key AND (d.supplier_id = @partnerId OR d.carrier_id = @partnerId)`,
    ),
    byNotice: sqlite.prepare<{ partnerId: string; key: string }, PartnerDelivery>(
      `SELECT ${COLUMNS} FROM inbound_delivery d LEFT JOIN dock_door door ON door.id = d.door_id
        WHERE d.notice_number = @key AND (d.supplier_id = @partnerId OR d.carrier_id = @partnerId)`,
    ),
    open: sqlite.prepare<{ partnerId: string; limit: number }, PartnerDelivery>(
      `SELECT ${COLUMNS} FROM inbound_delivery d LEFT JOIN dock_door door ON door.id = d.door_id
        WHERE (d.supplier_id = @partnerId OR d.carrier_id = @partnerId) AND d.status IN ${OPEN}
        ORDER BY d.slot_start, d.id LIMIT @limit`,
    ),
  };
}

const statementsOf = perDatabase(prepare);

export type DeliveryKey = { deliveryId: string } | { noticeNumber: string };

export function findPartnerDelivery(
  sqlite: BetterSqlite3.Database,
  partnerId: string,
  key: DeliveryKey,
): PartnerDelivery | null {
  const s = statementsOf(sqlite);
  const row =
    'deliveryId' in key
      ? s.byId.get({ partnerId, key: key.deliveryId })
      : s.byNotice.get({ partnerId, key: key.noticeNumber });
  return row ?? null;
}

export function openPartnerDeliveries(sqlite: BetterSqlite3.Database, partnerId: string): PartnerDelivery[] {
  return statementsOf(sqlite).open.all({ partnerId, limit: MAX_LISTED });
}
