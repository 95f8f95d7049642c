import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import { formatClock } from '../../imports/plant/cells';
import { readIngestSettings, readIngestStatus } from '../../ingest/ingestSettings';
import { DEFAULT_FROZEN_WINDOW_MINUTES } from '../coverage/plantReads';
import { DEFAULT_NUMBER, LANGUAGE, OSM_TILE_URL_FOR_SETTINGS } from './defaults';
import { SETTING_KEYS } from './settingKeys';
import { baseMapSettings, type Settings, syncSettings } from './settingsSchema';

// The settings as they stand: the site row, the shift table and the `setting` rows, each over its
// default. A stored value that no longer parses reads as the default (and is shown as such).

export const DEFAULT_SETTINGS: Omit<Settings, 'plant' | 'shifts' | 'ingest' | 'ingestStatus'> = {
  frozenWindowMinutes: DEFAULT_FROZEN_WINDOW_MINUTES,
  putAwayMinutes: 0,
  baseMap: {
    source: 'offline',
    tileUrl: OSM_TILE_URL_FOR_SETTINGS,
    attribution: '© OpenStreetMap contributors',
  },
  language: 'de',
  sync: { folder: null, scanSeconds: 60 },
};

export function readSettingValue(sqlite: BetterSqlite3.Database, key: string): unknown {
  const row = sqlite.prepare('SELECT value FROM setting WHERE key = ?').get(key) as
    | { value: string }
    | undefined;
  if (!row) return undefined;
  try {
    return JSON.parse(row.value);
  } catch {
    return undefined;
  }
}

function valueOr<T>(sqlite: BetterSqlite3.Database, key: string, schema: z.ZodType<T>, fallback: T): T {
  const parsed = schema.safeParse(readSettingValue(sqlite, key));
  return parsed.success ? parsed.data : fallback;
}

interface SiteRow {
  id: string;
  name: string;
  city: string;
  lat: number;
  lon: number;
  geofence_radius_m: number;
  time_zone: string;
  is_demo: number;
}

export function readSettings(sqlite: BetterSqlite3.Database): Settings {
  const site = sqlite
    .prepare('SELECT id, name, city, lat, lon, geofence_radius_m, time_zone, is_demo FROM site LIMIT 1')
    .get() as SiteRow | undefined;
  const shifts = sqlite
    .prepare('SELECT id, name, start_minute, end_minute FROM shift ORDER BY start_minute, id')
    .all() as {
    id: string;
    name: string;
    start_minute: number;
    end_minute: number;
  }[];
  return {
    plant: site
      ? {
          id: site.id,
          name: site.name,
          city: site.city,
          lat: site.lat,
          lon: site.lon,
          geofenceRadiusM: site.geofence_radius_m,
          timeZone: site.time_zone,
          isDemo: site.is_demo === 1,
        }
      : null,
    shifts: shifts.map((shift) => ({
      id: shift.id,
      name: shift.name,
      start: formatClock(shift.start_minute),
      end: formatClock(shift.end_minute),
    })),
    frozenWindowMinutes: valueOr(
      sqlite,
      SETTING_KEYS.frozenWindowMinutes,
      DEFAULT_NUMBER,
      DEFAULT_SETTINGS.frozenWindowMinutes,
    ),
    putAwayMinutes: valueOr(
      sqlite,
      SETTING_KEYS.putAwayMinutes,
      DEFAULT_NUMBER,
      DEFAULT_SETTINGS.putAwayMinutes,
    ),
    baseMap: valueOr(sqlite, SETTING_KEYS.baseMap, baseMapSettings, DEFAULT_SETTINGS.baseMap),
    ingest: readIngestSettings(sqlite),
    ingestStatus: readIngestStatus(sqlite),
    language: valueOr(sqlite, SETTING_KEYS.language, LANGUAGE, DEFAULT_SETTINGS.language),
    sync: {
      folder: valueOr(
        sqlite,
        SETTING_KEYS.syncFolder,
        syncSettings.shape.folder,
        DEFAULT_SETTINGS.sync.folder,
      ),
      scanSeconds: valueOr(
        sqlite,
        SETTING_KEYS.syncScanSeconds,
        syncSettings.shape.scanSeconds,
        DEFAULT_SETTINGS.sync.scanSeconds,
      ),
    },
  };
}
