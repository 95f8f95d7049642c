import type BetterSqlite3 from 'better-sqlite3';
import type { DeliveryStatus, PartnerRole } from '../../db/schema';

// The plant data a notice is checked against, read through prepared statements inside the
// import's transaction (better-sqlite3 is synchronous: check and write see the same state).

export interface NoticePartner {
  id: string;
  name: string;
  role: PartnerRole;
  city: string;
  lat: number;
  lon: number;
}

export interface NoticedDelivery {
  id: string;
  supplierId: string;
  carrierId: string | null;
  status: DeliveryStatus;
  doorId: string | null;
  etaSource: string | null;
}

const PARTNER_COLUMNS = 'id, name, role, city, lat, lon';

export function noticeReads(sqlite: BetterSqlite3.Database) {
  const partnerById = sqlite.prepare(`SELECT ${PARTNER_COLUMNS} FROM partner WHERE id = ?`);
  const partnerByPartyId = sqlite.prepare(`SELECT ${PARTNER_COLUMNS} FROM partner WHERE party_id = ?`);
  const part = sqlite.prepare('SELECT description FROM part WHERE id = ?');
  const supplierPart = sqlite.prepare(
    `SELECT sp.part_id AS partId, p.description FROM supplier_part sp JOIN part p ON p.id = sp.part_id
      WHERE sp.supplier_id = ? AND sp.supplier_part_number = ?`,
  );
  const delivery = sqlite.prepare(
    `SELECT id, supplier_id AS supplierId, carrier_id AS carrierId, status, door_id AS doorId,
            eta_source AS etaSource
       FROM inbound_delivery WHERE notice_number = ?`,
  );
  const site = sqlite.prepare('SELECT time_zone AS timeZone FROM site ORDER BY created_at LIMIT 1');
  return {
    partnerById: (id: string) => partnerById.get(id) as NoticePartner | undefined,
    partnerByPartyId: (partyId: string) => partnerByPartyId.get(partyId) as NoticePartner | undefined,
    part: (id: string) => part.get(id) as { description: string } | undefined,
    supplierPart: (supplierId: string, number: string) =>
      supplierPart.get(supplierId, number) as { partId: string; description: string } | undefined,
    deliveryByNotice: (noticeNumber: string) => delivery.get(noticeNumber) as NoticedDelivery | undefined,
    timeZone: () => (site.get() as { timeZone: string } | undefined)?.timeZone ?? 'Europe/Berlin',
  };
}

export type NoticeReads = ReturnType<typeof noticeReads>;
