import { dirname, isAbsolute, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';

// Where and how often the database is copied, and how many copies stay. Stored in the `setting`
// table like every other setting (so a restored backup brings its own backup settings back).

export const BACKUP_KEYS = {
  folder: 'backup.folder',
  intervalMinutes: 'backup.intervalMinutes',
  keepHourly: 'backup.keepHourly',
  keepDaily: 'backup.keepDaily',
} as const;

export const backupSettingsSchema = z.object({
  /** Absolute folder for the copies; null means `backups/` beside the database. */
  folder: z.string().trim().min(1).max(1000).refine(isAbsolute, 'must be an absolute folder path').nullable(),
  /** Minutes between scheduled backups; 0 turns the schedule off (manual backups still work). */
  intervalMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  /** The newest scheduled backups kept as they are (24 = a day of hourly copies). */
  keepHourly: z.number().int().min(1).max(1000),
  /** Beyond those, the newest scheduled backup of each of this many further days. */
  keepDaily: z.number().int().min(0).max(366),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const backupSettingsUpdate = backupSettingsSchema.partial().strict();
export type BackupSettingsUpdate = z.infer<typeof backupSettingsUpdate>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = {
  folder: null,
  intervalMinutes: 60,
  keepHourly: 24,
  keepDaily: 7,
};

function stored(sqlite: BetterSqlite3.Database, key: string): unknown {
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

/** The backup settings, each over its default (a stored value that no longer parses reads as the default). */
export function readBackupSettings(sqlite: BetterSqlite3.Database): BackupSettings {
  const read = <K extends keyof BackupSettings>(name: K): BackupSettings[K] => {
    const parsed = backupSettingsSchema.shape[name].safeParse(stored(sqlite, BACKUP_KEYS[name]));
    return parsed.success ? (parsed.data as BackupSettings[K]) : DEFAULT_BACKUP_SETTINGS[name];
  };
  return {
    folder: read('folder'),
    intervalMinutes: read('intervalMinutes'),
    keepHourly: read('keepHourly'),
    keepDaily: read('keepDaily'),
  };
}

/** Writes the changed backup settings with an audit entry, in one transaction; answers the keys changed. */
export function writeBackupSettings(
  sqlite: BetterSqlite3.Database,
  update: BackupSettingsUpdate,
  at: number,
): string[] {
  const keys: string[] = [];
  sqlite.transaction(() => {
    for (const name of Object.keys(update) as (keyof BackupSettings)[]) {
      const value = update[name];
      if (value === undefined) continue;
      sqlite
        .prepare(
          `INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        )
        .run(BACKUP_KEYS[name], JSON.stringify(value), at);
      keys.push(BACKUP_KEYS[name]);
    }
    if (keys.length > 0) {
      sqlite
        .prepare(
          `INSERT INTO event_log (at, actor, kind, entity_type, entity_id, payload)
           VALUES (?, 'desk', 'setting.changed', 'setting', ?, ?)`,
        )
        .run(at, keys.join(','), JSON.stringify(update));
    }
  })();
  return keys;
}

/** The folder the copies go to: the setting, or `backups/` beside the database file. */
export const backupFolderOf = (dbPath: string, settings: BackupSettings): string =>
  settings.folder ?? join(dirname(dbPath), 'backups');
