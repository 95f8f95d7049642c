import type BetterSqlite3 from 'better-sqlite3';
import type { TrackFix } from '../../domain/eta/driverHistory';
import type { DriverState } from '../../domain/eta/drivingRules';
import type { LaneBook } from '../../domain/eta/laneLearning';
import type { RouteLine } from '../../domain/eta/remainingDistance';
import { LANE_HISTORY_MS, readLaneBook } from './laneStatistics';
import { type PlantSite, readPlantSite } from './plantSite';

// What the ETA engine keeps between calls, per database: it runs for every GPS fix, thousands a
// second, so the statements are prepared once, the site and the lanes' record are re-read at most
// every few minutes (or when a delivery reaches the gate), and each truck's driver state is carried
// forward fix by fix instead of re-reading its track.

/** How long the site and the lane record are trusted before they are read again (plant time). */
export const LANE_REFRESH_MS = 5 * 60_000;
/** How often the engine looks whether a delivery reached the gate since (one cheap count). */
export const COMPLETION_CHECK_MS = 30_000;

export interface DeliveryRow {
  status: string;
  supplier_id: string;
  carrier_id: string | null;
  origin_name: string;
  origin_lat: number;
  origin_lon: number;
  slot_start: number;
  departed_at: number | null;
  eta: number | null;
  eta_source: string | null;
  eta_confidence_minutes: number | null;
  last_position_at: number | null;
  last_lat: number | null;
  last_lon: number | null;
  last_speed_kmh: number | null;
  updated_at: number;
}

/** One truck's running record: its road, its driver and the latest word from each source. */
export interface TruckRecord {
  /** What the record was built for: a different departure (a reset plant, a re-used id) rebuilds it. */
  departedAt: number | null;
  route: RouteLine | null;
  routeKm: number | null;
  lastFix: TrackFix | null;
  driver: DriverState;
  carrier: { at: number; eta: number } | null;
  notice: { eta: number } | null;
}

export interface EtaCache {
  readDelivery: BetterSqlite3.Statement<[string], DeliveryRow>;
  readRoute: BetterSqlite3.Statement<[string], { waypoints: string; distance_km: number }>;
  readTrack: BetterSqlite3.Statement<[string, number], TrackFix>;
  writeEta: BetterSqlite3.Statement<[number, string, number, number, string]>;
  readCompletions: BetterSqlite3.Statement<[number], { trips: number; latest: number | null }>;
  site: PlantSite | null;
  lanes: LaneBook | null;
  /** Plant time the site and lanes were read at; NaN forces a re-read. */
  readAt: number;
  /** Completed trips when the lanes were read ("count:latest"), and when that was last checked. */
  completions: string;
  completionsCheckedAt: number;
  trucks: Map<string, TruckRecord>;
  /** Predicted transit of each completed trip, for the site it was predicted for. */
  predictions: Map<string, number>;
  predictionsFor: string;
}

const caches = new WeakMap<BetterSqlite3.Database, EtaCache>();

export function etaCache(sqlite: BetterSqlite3.Database): EtaCache {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = {
      readDelivery: sqlite.prepare(
        `SELECT status, supplier_id, carrier_id, origin_name, origin_lat, origin_lon, slot_start,
                departed_at, eta, eta_source, eta_confidence_minutes, last_position_at, last_lat,
                last_lon, last_speed_kmh, updated_at
           FROM inbound_delivery WHERE id = ?`,
      ),
      readRoute: sqlite.prepare('SELECT waypoints, distance_km FROM delivery_route WHERE delivery_id = ?'),
      readTrack: sqlite.prepare(
        'SELECT at, lat, lon, speed_kmh AS speedKmh FROM position WHERE delivery_id = ? AND at <= ? ORDER BY at',
      ),
      writeEta: sqlite.prepare(
        `UPDATE inbound_delivery SET eta = ?, eta_source = ?, eta_confidence_minutes = ?, updated_at = ?
          WHERE id = ?`,
      ),
      readCompletions: sqlite.prepare(
        `SELECT count(*) AS trips, max(gate_in_at) AS latest FROM inbound_delivery
          WHERE slot_start >= ? AND gate_in_at IS NOT NULL`,
      ),
      site: null,
      lanes: null,
      readAt: Number.NaN,
      completions: '',
      completionsCheckedAt: Number.NaN,
      trucks: new Map(),
      predictions: new Map(),
      predictionsFor: '',
    };
    caches.set(sqlite, cache);
  }
  return cache;
}

const completionsOf = (cache: EtaCache, now: number) => {
  const row = cache.readCompletions.get(now - LANE_HISTORY_MS);
  return `${row?.trips ?? 0}:${row?.latest ?? ''}`;
};

const isFresh = (since: number, now: number, ms: number) => now - since < ms && now >= since;

/**
 * Site and lanes, re-read when stale or when a delivery has reached the gate since (checked every
 * half minute). Trucks no longer on their way are forgotten then too.
 */
export function currentPlant(sqlite: BetterSqlite3.Database, cache: EtaCache, now: number) {
  if (
    isFresh(cache.readAt, now, LANE_REFRESH_MS) &&
    !isFresh(cache.completionsCheckedAt, now, COMPLETION_CHECK_MS)
  ) {
    cache.completionsCheckedAt = now;
    const completions = completionsOf(cache, now);
    if (completions !== cache.completions && cache.site) {
      cache.lanes = readLaneBook(sqlite, cache.site, now, cache.predictions);
      cache.completions = completions;
    }
  }
  if (!isFresh(cache.readAt, now, LANE_REFRESH_MS)) {
    cache.site = readPlantSite(sqlite, now);
    cache.completions = completionsOf(cache, now);
    const siteKey = JSON.stringify(cache.site);
    if (siteKey !== cache.predictionsFor) {
      cache.predictions.clear();
      cache.predictionsFor = siteKey;
    }
    cache.lanes = cache.site ? readLaneBook(sqlite, cache.site, now, cache.predictions) : null;
    cache.readAt = now;
    cache.completionsCheckedAt = now;
    if (cache.trucks.size > 0) {
      const open = new Set(
        (
          sqlite
            .prepare("SELECT id FROM inbound_delivery WHERE status IN ('announced', 'in_transit')")
            .all() as { id: string }[]
        ).map((row) => row.id),
      );
      for (const id of cache.trucks.keys()) if (!open.has(id)) cache.trucks.delete(id);
    }
  }
  return { site: cache.site, lanes: cache.lanes };
}

/**
 * Tells the engine that the lane record changed (a delivery reached the gate) or the plant was
 * reset: the next call re-reads site and lanes and rebuilds every truck's record from the database.
 */
export function invalidateEtaCache(sqlite: BetterSqlite3.Database, options: { trucks?: boolean } = {}): void {
  const cache = caches.get(sqlite);
  if (!cache) return;
  cache.readAt = Number.NaN;
  if (options.trucks) cache.trucks.clear();
}
