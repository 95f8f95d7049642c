import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlantDatabase } from '../connection';
import { type BackupFile, type BackupKind, backupName } from './backupFiles';
import { verifyCopy } from './verifyCopy';

// An online backup: SQLite's backup API copies the live database page by page while the plant
// keeps running (writes in between are folded into the copy). The copy is written under a
// ".partial" name, proven whole (verifyCopy), and only then renamed to its final name, so the
// folder never holds a half-written or unchecked backup, even after a crash or a full disk.

export interface TakenBackup extends BackupFile {
  durationMs: number;
}

export interface TakeBackupOptions {
  folder: string;
  kind: BackupKind;
  /** Real time (the name carries it). */
  at: number;
  nativeBinding?: string;
}

export async function takeBackup(database: PlantDatabase, options: TakeBackupOptions): Promise<TakenBackup> {
  const started = performance.now();
  await mkdir(options.folder, { recursive: true });
  const name = backupName(options.kind, options.at);
  const partial = join(options.folder, `.${name}.partial`);
  try {
    await database.sqlite.backup(partial);
    verifyCopy(partial, options.nativeBinding);
    await rename(partial, join(options.folder, name));
  } catch (error) {
    await unlink(partial).catch(() => undefined);
    await unlink(`${partial}-journal`).catch(() => undefined);
    throw error;
  }
  const { size } = await stat(join(options.folder, name));
  return {
    name,
    kind: options.kind,
    takenAt: options.at,
    bytes: size,
    durationMs: Math.round(performance.now() - started),
  };
}
