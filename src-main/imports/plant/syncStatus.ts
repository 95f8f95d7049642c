import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { readSettingValue } from '../../services/settings/readSettings';
import { SETTING_KEYS } from '../../services/settings/settingKeys';

// What the folder sync last did, per data set, in the setting 'sync.status': the last good file
// and the last refused one with its errors, so the settings view can say "stock: 07:40 ok;
// orders: 07:45 refused, orders.csv row 12 …".

const fileEntry = z.object({ file: z.string(), at: z.number() });
const errorEntry = fileEntry.extend({ message: z.string(), issues: z.array(z.string()) });
const dataSetStatus = z.object({ lastGood: fileEntry.nullable(), lastError: errorEntry.nullable() });
export const syncStatusSchema = z.record(z.string(), dataSetStatus);
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export function readSyncStatus(sqlite: BetterSqlite3.Database): SyncStatus {
  const parsed = syncStatusSchema.safeParse(readSettingValue(sqlite, SETTING_KEYS.syncStatus));
  return parsed.success ? parsed.data : {};
}

export function recordSyncOutcome(
  sqlite: BetterSqlite3.Database,
  dataSet: string,
  outcome: { file: string; at: number; issues: string[] | null },
): void {
  const status = readSyncStatus(sqlite);
  const previous = status[dataSet] ?? { lastGood: null, lastError: null };
  status[dataSet] = outcome.issues
    ? {
        ...previous,
        lastError: {
          file: outcome.file,
          at: outcome.at,
          message: outcome.issues[0] ?? 'refused',
          issues: outcome.issues.slice(0, 20),
        },
      }
    : { ...previous, lastGood: { file: outcome.file, at: outcome.at } };
  sqlite
    .prepare(
      `INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(SETTING_KEYS.syncStatus, JSON.stringify(status), outcome.at);
}
