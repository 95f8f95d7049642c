import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

// A backup is one self-contained SQLite file named after its time (UTC) and why it was taken:
//   leitstand-20261127T131500123Z-scheduled.db
// The name alone tells what it is, so the list needs no index that could disagree with the folder.
// A copy still being written has a ".partial" name and is never listed.

export type BackupKind = 'scheduled' | 'manual' | 'before-restore';

export interface BackupFile {
  name: string;
  kind: BackupKind;
  /** When the copy was taken, epoch ms. */
  takenAt: number;
  bytes: number;
}

const NAME = /^leitstand-(\d{8})T(\d{9})Z-(scheduled|manual|before-restore)\.db$/;

/** Manual copies and safety copies taken before a restore: the newest this many of each stay. */
export const KEEP_OTHER = 10;

const stamp = (at: number) => new Date(at).toISOString().replace(/[-:.]/g, '');

export const backupName = (kind: BackupKind, at: number) => `leitstand-${stamp(at)}-${kind}.db`;

/** The kind and time a backup's name carries, or null for any other file. */
export function parseBackupName(name: string): { kind: BackupKind; takenAt: number } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, day, time, kind] = match as unknown as [string, string, string, BackupKind];
  const iso = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.${time.slice(6)}Z`;
  const takenAt = Date.parse(iso);
  return Number.isNaN(takenAt) ? null : { kind, takenAt };
}

/** The backups in a folder, newest first (an absent folder has none). */
export async function listBackups(folder: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const info = await stat(join(folder, name)).catch(() => null);
    if (info?.isFile()) files.push({ name, ...parsed, bytes: info.size });
  }
  return files.sort((a, b) => b.takenAt - a.takenAt || b.name.localeCompare(a.name));
}

/**
 * Which backups retention removes. Scheduled copies: the newest `keepHourly` stay, and beyond them
 * the newest copy of each of the next `keepDaily` days (UTC days). Manual and before-restore copies:
 * the newest KEEP_OTHER of each kind stay. `backups` must be newest first.
 */
export function backupsToPrune(
  backups: readonly BackupFile[],
  keep: { keepHourly: number; keepDaily: number },
): BackupFile[] {
  const prune: BackupFile[] = [];
  const scheduled = backups.filter((backup) => backup.kind === 'scheduled');
  const days = new Set<string>();
  scheduled.forEach((backup, index) => {
    if (index < keep.keepHourly) return;
    const day = new Date(backup.takenAt).toISOString().slice(0, 10);
    if (!days.has(day) && days.size < keep.keepDaily) days.add(day);
    else prune.push(backup);
  });
  for (const kind of ['manual', 'before-restore'] as const) {
    prune.push(...backups.filter((backup) => backup.kind === kind).slice(KEEP_OTHER));
  }
  return prune;
}

const PARTIAL = /^\.leitstand-.*\.db\.partial(-journal)?$/;

/**
 * Applies retention; answers the names removed. Runs between backups (never during one), so a
 * ".partial" copy still there was left by a crash or a full disk and goes too.
 */
export async function pruneBackups(
  folder: string,
  keep: { keepHourly: number; keepDaily: number },
): Promise<string[]> {
  const prune = backupsToPrune(await listBackups(folder), keep).map((backup) => backup.name);
  const stale = (await readdir(folder).catch(() => [] as string[])).filter((name) => PARTIAL.test(name));
  for (const name of [...prune, ...stale]) await unlink(join(folder, name)).catch(() => undefined);
  return [...prune, ...stale];
}
