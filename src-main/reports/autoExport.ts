import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../api/registry';
import type { AppContext } from '../app/context';
import { requireSite } from '../db/repositories/site';
import {
  AUTO_EXPORT_STATE,
  type AutoExportSettings,
  checkExportFolder,
  readAutoExportSettings,
  readAutoExportState,
  writeJsonSetting,
} from './autoExportSettings';
import { renderReport } from './exportReport';
import { reportForWindow } from './loadReport';
import { latestShiftEnd, type ShiftEnd } from './shiftEnds';

// Writes each shift's report into the configured folder when the shift ends by the plant clock
// (so the demo's fast clock exports every few minutes). Each file is written beside its final
// name and renamed into place: a mail robot watching the folder never picks up half a PDF.

export const REPORT_EXPORTED = 'report.exported';
export const REPORT_EXPORT_FAILED = 'report.exportFailed';

export interface ExportedShift {
  day: string;
  shiftId: string;
  shiftEnd: number;
  files: string[];
}

/** Writes the report files of one shift atomically; returns their full paths. */
export async function writeShiftReport(
  ctx: AppContext,
  settings: AutoExportSettings,
  ended: ShiftEnd,
): Promise<string[]> {
  const site = await requireSite(ctx.database.db);
  const report = await reportForWindow(
    ctx,
    { day: ended.day, shift: ended.shift, start: ended.start, end: ended.end },
    site,
  );
  const written: string[] = [];
  for (const format of settings.formats) {
    const file = await renderReport(report, {
      format,
      language: settings.language,
      delimiter: settings.delimiter,
    });
    // A private temp folder inside the target: same file system, so the rename is atomic.
    const staging = mkdtempSync(join(settings.folder, '.leitstand-'));
    try {
      const staged = join(staging, file.fileName);
      writeFileSync(staged, file.content);
      const target = join(settings.folder, file.fileName);
      renameSync(staged, target);
      written.push(target);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return written;
}

async function logExport(ctx: AppContext, kind: string, ended: ShiftEnd, payload: object, at: number) {
  await ctx.database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('eventLog')
      .values({
        at,
        actor: 'system',
        kind,
        entityType: 'report',
        entityId: `${ended.day}/${ended.shift.id}`,
        payload: JSON.stringify({ day: ended.day, shiftId: ended.shift.id, shiftEnd: ended.end, ...payload }),
      })
      .execute();
    await writeJsonSetting(trx, AUTO_EXPORT_STATE, { handledUntil: ended.end }, at);
  });
  ctx.bus.emit('reports.exported', { day: ended.day, shiftId: ended.shift.id, ok: kind === REPORT_EXPORTED });
}

export interface AutoExportScheduler {
  /** Exports the latest shift that ended since the last export, if any. */
  check(): Promise<ExportedShift | null>;
  stop(): Promise<void>;
}

export function startAutoExport(
  ctx: AppContext,
  options: { logger?: Logger; intervalMs?: number } = {},
): AutoExportScheduler {
  const logger = options.logger ?? console;
  let running: Promise<ExportedShift | null> | null = null;
  let stopped = false;

  async function runOnce(): Promise<ExportedShift | null> {
    const { db } = ctx.database;
    const settings = await readAutoExportSettings(db);
    if (!settings.enabled || settings.formats.length === 0 || !settings.folder) return null;
    const now = ctx.clock.now();
    const state = await readAutoExportState(db);
    if (!state) {
      // Switched on without a state (an older database): start from now, do not export the past.
      await writeJsonSetting(db, AUTO_EXPORT_STATE, { handledUntil: now }, now);
      return null;
    }
    const site = await db.selectFrom('site').select('timeZone').executeTakeFirst();
    if (!site) return null;
    const shifts = await db.selectFrom('shift').selectAll().execute();
    const ended = latestShiftEnd(shifts, state.handledUntil, now, site.timeZone);
    if (!ended) return null;
    try {
      checkExportFolder(settings.folder);
      const files = await writeShiftReport(ctx, settings, ended);
      await logExport(ctx, REPORT_EXPORTED, ended, { folder: settings.folder, files }, now);
      logger.info(`[reports] exported ${ended.shift.name} ${ended.day}: ${files.join(', ')}`);
      return { day: ended.day, shiftId: ended.shift.id, shiftEnd: ended.end, files };
    } catch (error) {
      // Recorded and not retried every second: the next shift end tries again.
      const message = error instanceof Error ? error.message : String(error);
      await logExport(ctx, REPORT_EXPORT_FAILED, ended, { folder: settings.folder, error: message }, now);
      logger.warn(`[reports] could not export ${ended.shift.name} ${ended.day}: ${message}`);
      return null;
    }
  }

  const guarded = () =>
    runOnce().catch((error: unknown) => {
      logger.error('[reports] automatic export failed', error);
      return null;
    });
  // One run at a time; calls during a run share one follow-up run, which sees the newest clock.
  let queued: Promise<ExportedShift | null> | null = null;
  const check = (): Promise<ExportedShift | null> => {
    if (stopped) return Promise.resolve(null);
    if (!running) {
      running = guarded().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running.then(() => {
      queued = null;
      return check();
    });
    return queued;
  };

  const timer = setInterval(() => void check(), options.intervalMs ?? 1000);
  timer.unref?.();
  const offTick = ctx.bus.on('clock.tick', () => void check());
  // Right away: a shift that ended while Leitstand was closed is exported once now.
  void check();

  return {
    check,
    async stop() {
      stopped = true;
      clearInterval(timer);
      offTick();
      await running;
      await queued;
    },
  };
}
