import { copyFile, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { backupName } from './backupFiles';
import { verifyCopy } from './verifyCopy';

// Puts a backup in place of a database file that nobody has open. Used at start (a restore the
// app scheduled) and mirrored by scripts/restore.mjs for the command line. Order matters:
//  1. the backup is proven whole before anything else is touched;
//  2. the current file is proven unused (leaving WAL mode needs the only connection: SQLITE_BUSY
//     means another process has it open) and its WAL folded in;
//  3. the current file is copied to a "before-restore" backup, so a restore can be undone;
//  4. the backup is copied beside the database, flushed, and renamed over it in one step.
// Any -wal/-shm left beside the old file are removed before the rename: SQLite would otherwise
// replay the old file's log onto the restored one.

export class DatabaseInUseError extends Error {
  constructor(readonly path: string) {
    super(
      `The database ${path} is open in another process (a running Leitstand?). Stop it first; nothing was changed.`,
    );
    this.name = 'DatabaseInUseError';
  }
}

export interface RestoreFileOptions {
  dbPath: string;
  backupPath: string;
  /** Where the safety copy of the current file goes. */
  safetyFolder: string;
  at: number;
  nativeBinding?: string;
}

export interface RestoredFile {
  /** The safety copy's name, or null when there was no database file yet. */
  safetyBackup: string | null;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Folds the WAL into the file and leaves it in rollback-journal mode; throws DatabaseInUseError if another connection has it. */
async function releaseCurrent(dbPath: string, nativeBinding: string | undefined, safetyPath: string) {
  const current = new BetterSqlite3(dbPath, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    try {
      current.pragma('journal_mode = DELETE');
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DatabaseInUseError(dbPath);
      throw error;
    }
    await current.backup(safetyPath);
  } finally {
    current.close();
  }
}

export async function restoreDatabaseFile(options: RestoreFileOptions): Promise<RestoredFile> {
  const { dbPath, backupPath, nativeBinding } = options;
  verifyCopy(backupPath, nativeBinding);
  let safetyBackup: string | null = null;
  if (await exists(dbPath)) {
    await mkdir(options.safetyFolder, { recursive: true });
    safetyBackup = backupName('before-restore', options.at);
    const safetyPath = join(options.safetyFolder, safetyBackup);
    try {
      await releaseCurrent(dbPath, nativeBinding, safetyPath);
    } catch (error) {
      if (error instanceof DatabaseInUseError) throw error;
      // A damaged file (the usual reason to restore) may not open or copy page by page: keep its
      // raw bytes instead, WAL included, so nothing is lost by the restore.
      await copyFile(dbPath, safetyPath);
      if (await exists(`${dbPath}-wal`)) await copyFile(`${dbPath}-wal`, `${safetyPath}-wal`);
    }
  }
  const incoming = `${dbPath}.restoring`;
  await copyFile(backupPath, incoming);
  const handle = await open(incoming, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  for (const suffix of ['-wal', '-shm', '-journal'])
    await unlink(`${dbPath}${suffix}`).catch(() => undefined);
  await rename(incoming, dbPath);
  return { safetyBackup };
}
