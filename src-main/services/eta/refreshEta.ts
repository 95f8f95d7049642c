import type BetterSqlite3 from 'better-sqlite3';
import { type EtaEstimate, estimateEta } from '../../domain/eta/estimate';
import { currentPlant, etaCache, invalidateEtaCache } from './etaCache';
import { ON_THE_WAY, situationOf } from './situation';
import { loadTruckRecord, recordFix } from './truckRecord';

// The ETA engine's entry point. The ingest server calls it for every GPS fix, every carrier status
// with a new ETA and every shipping notice, inside its own transaction; this writes the delivery's
// ETA, its source and its band, and the caller announces 'deliveries.changed' after commit — which
// is what moves the coverage projection.

export type { EtaEstimate } from '../../domain/eta/estimate';

export type EtaEvidence =
  | { kind: 'gps'; at: number; lat: number; lon: number; speedKmh: number | null }
  /** A partner's status event with a new ETA. */
  | { kind: 'carrier'; at: number; eta: number }
  /** A shipping notice's estimated arrival. */
  | { kind: 'notice'; at: number; eta: number };

/**
 * Re-estimates one delivery's ETA from the new evidence and stores it. Null, with nothing
 * written, for an unknown delivery, one already at the plant, done or cancelled, or a database
 * without a plant site.
 */
export function refreshEta(
  sqlite: BetterSqlite3.Database,
  deliveryId: string,
  now: number,
  evidence: EtaEvidence,
): EtaEstimate | null {
  const cache = etaCache(sqlite);
  const row = cache.readDelivery.get(deliveryId);
  if (!row) return null;
  if (!ON_THE_WAY.has(row.status)) {
    // It reached the gate (or was cancelled): the lane record has a new trip, the truck is done.
    if (cache.trucks.delete(deliveryId)) invalidateEtaCache(sqlite);
    return null;
  }
  const { site, lanes } = currentPlant(sqlite, cache, now);
  if (!site || !lanes) return null;
  let record = cache.trucks.get(deliveryId);
  if (!record || record.departedAt !== row.departed_at) {
    record = loadTruckRecord(cache, deliveryId, row, evidence.kind === 'gps' ? evidence.at : now);
    cache.trucks.set(deliveryId, record);
  }
  switch (evidence.kind) {
    case 'gps':
      recordFix(record, {
        at: evidence.at,
        lat: evidence.lat,
        lon: evidence.lon,
        speedKmh: evidence.speedKmh,
      });
      break;
    case 'carrier':
      if (!record.carrier || evidence.at >= record.carrier.at)
        record.carrier = { at: evidence.at, eta: evidence.eta };
      break;
    case 'notice':
      record.notice = { eta: evidence.eta };
      break;
  }
  const estimate = estimateEta(situationOf(row, record, site, lanes, now));
  if (
    row.eta !== estimate.eta ||
    row.eta_source !== estimate.source ||
    row.eta_confidence_minutes !== estimate.confidenceMinutes
  ) {
    cache.writeEta.run(estimate.eta, estimate.source, estimate.confidenceMinutes, now, deliveryId);
  }
  return estimate;
}
