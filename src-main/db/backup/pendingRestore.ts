import { readFile, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../api/registry';
import { restoreDatabaseFile } from './restoreFile';

// A restore asked for in the running app is applied at the next start, before the database is
// opened: swapping the file under a running plant (services, prepared statements, the simulator,
// open SSE streams) would be far riskier than a restart. The request is a small marker file beside
// the database; the start reads it, removes it (a failing restore must not repeat at every start),
// and restores. If the restore fails, the current file is left as it was and the reason is logged.

const marker = z.object({
  backupPath: z.string().min(1),
  safetyFolder: z.string().min(1),
  requestedAt: z.number(),
});
export type PendingRestore = z.infer<typeof marker>;

export const markerPathOf = (dbPath: string) => `${dbPath}.restore.json`;

export async function writePendingRestore(dbPath: string, pending: PendingRestore): Promise<void> {
  await writeFile(markerPathOf(dbPath), `${JSON.stringify(pending, null, 2)}\n`);
}

export async function readPendingRestore(dbPath: string): Promise<PendingRestore | null> {
  let text: string;
  try {
    text = await readFile(markerPathOf(dbPath), 'utf8');
  } catch {
    return null;
  }
  try {
    return marker.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

export async function cancelPendingRestore(dbPath: string): Promise<void> {
  await unlink(markerPathOf(dbPath)).catch(() => undefined);
}

/** Applies a restore requested in the app, if any; answers whether the file was replaced. */
export async function applyPendingRestore(
  dbPath: string,
  options: { nativeBinding?: string; logger: Logger; now: number },
): Promise<boolean> {
  const pending = await readPendingRestore(dbPath);
  if (!pending) {
    await cancelPendingRestore(dbPath);
    return false;
  }
  await cancelPendingRestore(dbPath);
  try {
    const { safetyBackup } = await restoreDatabaseFile({
      dbPath,
      backupPath: pending.backupPath,
      safetyFolder: pending.safetyFolder,
      at: options.now,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    options.logger.info(
      `[backup] restored ${dbPath} from ${basename(pending.backupPath)}${
        safetyBackup ? `; the file before is kept as ${join(pending.safetyFolder, safetyBackup)}` : ''
      }`,
    );
    return true;
  } catch (error) {
    options.logger.error(
      `[backup] the restore of ${pending.backupPath} requested at ${new Date(pending.requestedAt).toISOString()} failed; the database was left as it was: ${(error as Error).message}`,
    );
    return false;
  }
}
