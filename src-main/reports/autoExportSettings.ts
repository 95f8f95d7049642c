import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../api/result';
import type { Database } from '../db/schema';

// Where and how the shift reports are written on their own at each shift's end. Kept in the
// `setting` table as JSON; `state` remembers the last shift end handled, so a restart catches up
// on the one it missed and never writes a shift twice.

export const AUTO_EXPORT_SETTING = 'reports.autoExport';
export const AUTO_EXPORT_STATE = 'reports.autoExport.state';

export const reportFormat = z.enum(['xlsx', 'csv', 'pdf']);

export const autoExportSettingsSchema = z.object({
  folder: z.string().trim().max(1000),
  formats: z.array(reportFormat).max(3),
  enabled: z.boolean(),
  language: z.enum(['de', 'en']).default('de'),
  delimiter: z.enum([',', ';']).default(';'),
});
export type AutoExportSettings = z.infer<typeof autoExportSettingsSchema>;

export const autoExportStateSchema = z.object({
  /** Shift ends up to this instant are done (exported, or before the export was switched on). */
  handledUntil: z.number(),
});
export type AutoExportState = z.infer<typeof autoExportStateSchema>;

export const DEFAULT_AUTO_EXPORT: AutoExportSettings = {
  folder: '',
  formats: ['pdf', 'xlsx'],
  enabled: false,
  language: 'de',
  delimiter: ';',
};

async function readJson<T>(db: Kysely<Database>, key: string, schema: z.ZodType<T>): Promise<T | null> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeJsonSetting(db: Kysely<Database>, key: string, value: unknown, at: number) {
  await db
    .insertInto('setting')
    .values({ key, value: JSON.stringify(value), updatedAt: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updatedAt: at }))
    .execute();
}

export async function readAutoExportSettings(db: Kysely<Database>): Promise<AutoExportSettings> {
  return (await readJson(db, AUTO_EXPORT_SETTING, autoExportSettingsSchema)) ?? DEFAULT_AUTO_EXPORT;
}

export async function readAutoExportState(db: Kysely<Database>): Promise<AutoExportState | null> {
  return readJson(db, AUTO_EXPORT_STATE, autoExportStateSchema);
}

/** Refuses a folder the export could not write into, saying why. */
export function checkExportFolder(folder: string): void {
  if (!isAbsolute(folder)) {
    throw new DomainError('INVALID_INPUT', `folder: "${folder}" is not an absolute path.`);
  }
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new DomainError('INVALID_INPUT', `folder: "${folder}" does not exist.`);
  }
  if (!isFolder) throw new DomainError('INVALID_INPUT', `folder: "${folder}" is a file, not a folder.`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new DomainError('INVALID_INPUT', `folder: Leitstand may not write into "${folder}".`);
  }
}
