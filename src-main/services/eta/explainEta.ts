import type BetterSqlite3 from 'better-sqlite3';
import { type EtaEstimate, estimateEta } from '../../domain/eta/estimate';
import { currentPlant, etaCache } from './etaCache';
import { ON_THE_WAY, situationOf } from './situation';
import { loadTruckRecord, recordFix } from './truckRecord';

/**
 * The estimate as the engine sees the delivery now, without writing anything: for the delivery
 * detail's explanation. Null for an unknown delivery, one no longer on its way, or no site.
 */
export function explainEta(
  sqlite: BetterSqlite3.Database,
  deliveryId: string,
  now: number,
): EtaEstimate | null {
  const cache = etaCache(sqlite);
  const row = cache.readDelivery.get(deliveryId);
  if (!row || !ON_THE_WAY.has(row.status)) return null;
  const { site, lanes } = currentPlant(sqlite, cache, now);
  if (!site || !lanes) return null;
  // The running record when the engine has one; else one read afresh (and kept: it is the same).
  let record = cache.trucks.get(deliveryId);
  if (!record || record.departedAt !== row.departed_at) {
    record = loadTruckRecord(cache, deliveryId, row, now);
    cache.trucks.set(deliveryId, record);
  }
  // A position stored without the engine (the demo simulator writes its own) still counts.
  if (row.last_position_at !== null && row.last_lat !== null && row.last_lon !== null) {
    recordFix(record, {
      at: row.last_position_at,
      lat: row.last_lat,
      lon: row.last_lon,
      speedKmh: row.last_speed_kmh,
    });
  }
  return estimateEta(situationOf(row, record, site, lanes, now));
}
