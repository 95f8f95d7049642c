import { advanceDriver, foldTrack, type TrackFix } from '../../domain/eta/driverHistory';
import { driverAfterElapsed, FRESH_DRIVER } from '../../domain/eta/drivingRules';
import { routeLine } from '../../domain/eta/remainingDistance';
import type { LatLon } from '../../domain/geo';
import type { DeliveryRow, EtaCache, TruckRecord } from './etaCache';

// A truck's running record, built once from the database (its route, its track folded into the
// driver's state) and then carried forward by each new fix.

const MINUTE = 60_000;

function parseWaypoints(json: string): LatLon[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (p): p is [number, number] =>
        Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 90,
    );
  } catch {
    return [];
  }
}

/** The driver when the track starts: as the rules allow since departure, or fresh. */
const driverAtTrackStart = (departedAt: number | null, firstAt: number) =>
  departedAt !== null && firstAt > departedAt
    ? driverAfterElapsed((firstAt - departedAt) / MINUTE)
    : FRESH_DRIVER;

export function loadTruckRecord(cache: EtaCache, id: string, row: DeliveryRow, upTo: number): TruckRecord {
  const routeRow = cache.readRoute.get(id);
  const route = routeRow ? routeLine(parseWaypoints(routeRow.waypoints), routeRow.distance_km) : null;
  const track = cache.readTrack.all(id, upTo);
  let lastFix: TrackFix | null = null;
  let driver = FRESH_DRIVER;
  if (track.length > 0) {
    driver = foldTrack(driverAtTrackStart(row.departed_at, track[0]!.at), track);
    lastFix = track[track.length - 1]!;
  } else if (row.last_position_at !== null && row.last_lat !== null && row.last_lon !== null) {
    lastFix = {
      at: row.last_position_at,
      lat: row.last_lat,
      lon: row.last_lon,
      speedKmh: row.last_speed_kmh,
    };
    driver = driverAtTrackStart(row.departed_at, row.last_position_at);
  }
  return {
    departedAt: row.departed_at,
    route,
    routeKm: routeRow?.distance_km ?? null,
    lastFix,
    driver,
    // After a restart the latest carrier or notice ETA is what the row still holds, if it came from one.
    carrier: row.eta_source === 'carrier' && row.eta !== null ? { at: row.updated_at, eta: row.eta } : null,
    notice: row.eta_source === 'notice' && row.eta !== null ? { eta: row.eta } : null,
  };
}

/**
 * A new fix: the driver's state moves on. An older fix changes nothing; one of the same moment
 * replaces the position (a repeated fix is the same; a corrected one is the newer word).
 */
export function recordFix(record: TruckRecord, fix: TrackFix): void {
  if (record.lastFix && fix.at < record.lastFix.at) return;
  if (record.lastFix && fix.at === record.lastFix.at) {
    record.lastFix = fix;
    return;
  }
  if (record.lastFix) record.driver = advanceDriver(record.driver, record.lastFix, fix);
  record.lastFix = fix;
}
