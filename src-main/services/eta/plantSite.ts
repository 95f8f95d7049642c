import type BetterSqlite3 from 'better-sqlite3';
import type { LatLon } from '../../domain/geo';
import { zoneOffset } from '../../domain/plantTime';

/** The plant as the ETA engine needs it: where the gate is and what the local clock says. */
export interface PlantSite {
  at: LatLon;
  geofenceKm: number;
  /** The plant's offset from UTC when the site was read (rush hours are local). */
  utcOffsetMinutes: number;
}

export function readPlantSite(sqlite: BetterSqlite3.Database, now: number): PlantSite | null {
  const row = sqlite.prepare('SELECT lat, lon, geofence_radius_m, time_zone FROM site LIMIT 1').get() as
    | { lat: number; lon: number; geofence_radius_m: number; time_zone: string }
    | undefined;
  if (!row) return null;
  let offset = 0;
  try {
    offset = zoneOffset(now, row.time_zone) / 60_000;
  } catch {
    // An unknown zone name: UTC is the honest fallback for rush hours, the rest does not care.
  }
  return { at: [row.lat, row.lon], geofenceKm: row.geofence_radius_m / 1000, utcOffsetMinutes: offset };
}
