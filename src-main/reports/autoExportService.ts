import type { AppContext } from '../app/context';
import { REPORT_EXPORT_FAILED, REPORT_EXPORTED } from './autoExport';
import {
  AUTO_EXPORT_SETTING,
  AUTO_EXPORT_STATE,
  type AutoExportSettings,
  checkExportFolder,
  readAutoExportSettings,
  readAutoExportState,
  writeJsonSetting,
} from './autoExportSettings';

/** The settings and the last few automatic exports (from the event log), for the Reports view. */
export async function autoExportOverview(ctx: AppContext) {
  const { db } = ctx.database;
  const [settings, recent] = await Promise.all([
    readAutoExportSettings(db),
    db
      .selectFrom('eventLog')
      .select(['at', 'kind', 'entityId', 'payload'])
      .where('entityType', '=', 'report')
      .where('kind', 'in', [REPORT_EXPORTED, REPORT_EXPORT_FAILED])
      .orderBy('id', 'desc')
      .limit(5)
      .execute(),
  ]);
  return {
    settings,
    recent: recent.map((row) => {
      const payload = JSON.parse(row.payload ?? '{}') as { files?: string[]; error?: string };
      return {
        at: row.at,
        ok: row.kind === REPORT_EXPORTED,
        report: row.entityId,
        files: payload.files ?? [],
        error: payload.error ?? null,
      };
    }),
  };
}

/**
 * Saves the automatic export. The folder must exist and be writable now, not only at the next
 * shift's end. Switching it on counts from now: shifts that ended before are not written.
 */
export async function saveAutoExportSettings(ctx: AppContext, input: AutoExportSettings) {
  if (input.enabled || input.folder) checkExportFolder(input.folder);
  const now = ctx.clock.now();
  const { db } = ctx.database;
  await db.transaction().execute(async (trx) => {
    const before = await readAutoExportSettings(trx);
    const state = await readAutoExportState(trx);
    await writeJsonSetting(trx, AUTO_EXPORT_SETTING, input, now);
    if (input.enabled && (!before.enabled || !state)) {
      await writeJsonSetting(trx, AUTO_EXPORT_STATE, { handledUntil: now }, now);
    }
  });
  return autoExportOverview(ctx);
}
