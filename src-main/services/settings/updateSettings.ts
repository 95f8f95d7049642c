import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';
import { clockCell } from '../../imports/plant/cells';
import { readSettings } from './readSettings';
import { SETTING_KEYS } from './settingKeys';
import { baseMapSettings, plantSettings, type Settings, type SettingsUpdate } from './settingsSchema';

// settings.update: the parts a person changed, validated (settingsSchema), written in one
// transaction with an audit entry, then announced. `settings.changed` names the keys so running
// services re-read only theirs; a change of the plant, its shifts or the frozen window also sends
// `plant.reset`, because every plan and projection is built from them.

const writeValue = (sqlite: BetterSqlite3.Database, key: string, value: unknown, at: number) =>
  sqlite
    .prepare(
      `INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(key, JSON.stringify(value), at);

function writePlant(
  sqlite: BetterSqlite3.Database,
  current: Settings['plant'],
  update: NonNullable<SettingsUpdate['plant']>,
  at: number,
) {
  if (current) {
    const next = { ...current, ...update, id: current.id };
    sqlite
      .prepare(
        `UPDATE site SET name = @name, city = @city, lat = @lat, lon = @lon, geofence_radius_m = @geofenceRadiusM,
         time_zone = @timeZone WHERE id = @id`,
      )
      .run(next);
    return;
  }
  // No plant yet (first run, empty plant): the whole location is needed to create it.
  const full = plantSettings.safeParse(update);
  if (!full.success) {
    const first = full.error.issues[0]!;
    throw new DomainError(
      'INVALID_INPUT',
      `settings.update: plant.${first.path.join('.')}: ${first.message} (a new plant needs name, city, location, geofence and time zone)`,
    );
  }
  sqlite
    .prepare(
      `INSERT INTO site (id, name, city, lat, lon, geofence_radius_m, time_zone, is_demo, demo_seed, created_at)
       VALUES (@id, @name, @city, @lat, @lon, @geofenceRadiusM, @timeZone, 0, NULL, @at)`,
    )
    .run({ ...full.data, id: full.data.id ?? 'plant', at });
}

function writeShifts(sqlite: BetterSqlite3.Database, shifts: NonNullable<SettingsUpdate['shifts']>) {
  const upsert = sqlite.prepare(
    `INSERT INTO shift (id, name, start_minute, end_minute) VALUES (@id, @name, @start, @end)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, start_minute = excluded.start_minute,
       end_minute = excluded.end_minute`,
  );
  for (const shift of shifts) {
    upsert.run({ ...shift, start: clockCell.parse(shift.start), end: clockCell.parse(shift.end) });
  }
  // A shift left out is gone, and with it the lines' assignment to it.
  const keep = new Set(shifts.map((shift) => shift.id));
  const remove = sqlite.prepare('DELETE FROM shift WHERE id = ?');
  for (const id of sqlite.prepare('SELECT id FROM shift').pluck().all() as string[]) {
    if (!keep.has(id)) remove.run(id);
  }
}

export function updateSettings(ctx: AppContext, update: SettingsUpdate, actor = 'desk'): Settings {
  const { sqlite } = ctx.database;
  const at = ctx.clock.now();
  const keys: string[] = [];
  const written = sqlite.transaction(() => {
    const before = readSettings(sqlite);
    if (update.plant) {
      writePlant(sqlite, before.plant, update.plant, at);
      keys.push('plant');
    }
    if (update.shifts) {
      writeShifts(sqlite, update.shifts);
      keys.push('shifts');
    }
    const values: [string, unknown][] = [];
    if (update.frozenWindowMinutes !== undefined)
      values.push([SETTING_KEYS.frozenWindowMinutes, update.frozenWindowMinutes]);
    if (update.putAwayMinutes !== undefined)
      values.push([SETTING_KEYS.putAwayMinutes, update.putAwayMinutes]);
    if (update.language !== undefined) values.push([SETTING_KEYS.language, update.language]);
    if (update.baseMap)
      values.push([SETTING_KEYS.baseMap, baseMapSettings.parse({ ...before.baseMap, ...update.baseMap })]);
    if (update.ingest?.enabled !== undefined)
      values.push([SETTING_KEYS.ingestEnabled, update.ingest.enabled]);
    if (update.ingest?.host !== undefined) values.push([SETTING_KEYS.ingestHost, update.ingest.host]);
    if (update.ingest?.port !== undefined) values.push([SETTING_KEYS.ingestPort, update.ingest.port]);
    if (update.sync?.folder !== undefined) values.push([SETTING_KEYS.syncFolder, update.sync.folder]);
    if (update.sync?.scanSeconds !== undefined)
      values.push([SETTING_KEYS.syncScanSeconds, update.sync.scanSeconds]);
    for (const [key, value] of values) {
      writeValue(sqlite, key, value, at);
      keys.push(key);
    }
    if (keys.length > 0) {
      sqlite
        .prepare(
          `INSERT INTO event_log (at, actor, kind, entity_type, entity_id, payload)
           VALUES (?, ?, 'setting.changed', 'setting', ?, ?)`,
        )
        .run(at, actor, keys.join(','), JSON.stringify(update));
    }
    return readSettings(sqlite);
  })();
  if (keys.length > 0) {
    ctx.bus.emit('settings.changed', { keys });
    if (
      keys.includes('plant') ||
      keys.includes('shifts') ||
      keys.includes(SETTING_KEYS.frozenWindowMinutes)
    ) {
      ctx.bus.emit('plant.reset', { demo: written.plant?.isDemo ?? false });
    }
  }
  return written;
}
