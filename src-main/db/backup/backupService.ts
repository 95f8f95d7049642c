import { join } from 'node:path';
import type { Logger } from '../../api/registry';
import type { AppContext } from '../../app/context';
import { type BackupFile, listBackups, parseBackupName, pruneBackups } from './backupFiles';
import { BACKUP_KEYS, backupFolderOf, readBackupSettings } from './backupSettings';
import { cancelPendingRestore, readPendingRestore, writePendingRestore } from './pendingRestore';
import { type TakenBackup, takeBackup } from './takeBackup';
import { BackupInvalidError, verifyCopy } from './verifyCopy';

// The backups of one running plant: the schedule (real time, not the plant clock: a demo at ×60
// must not take a backup every minute), manual backups, the list and restore requests. One backup
// runs at a time; a second request waits for the first.

export interface BackupServiceOptions {
  nativeBinding?: string;
  logger?: Logger;
  wallNow?: () => number;
  /** Run the schedule (default true); procedures alone use a service without it. */
  schedule?: boolean;
}

export interface BackupService {
  folder(): string;
  list(): Promise<BackupFile[]>;
  takeNow(kind: 'scheduled' | 'manual'): Promise<TakenBackup>;
  /** Validates a backup and arranges for it to replace the database at the next start. */
  requestRestore(name: string): Promise<{ name: string; schemaVersion: number }>;
  cancelRestore(): Promise<void>;
  pendingRestore(): Promise<string | null>;
  /** When the next scheduled backup is due (epoch ms), or null when the schedule is off. */
  nextDueAt(): number | null;
  stop(): Promise<void>;
}

const services = new WeakMap<object, BackupService>();

/** The service started for this plant, or one without a schedule (a context assembled by hand). */
export function backupServiceOf(ctx: AppContext): BackupService {
  let service = services.get(ctx.database);
  if (!service) {
    service = startBackups(ctx, { schedule: false });
  }
  return service;
}

export function startBackups(ctx: AppContext, options: BackupServiceOptions = {}): BackupService {
  const logger = options.logger ?? console;
  const wallNow = options.wallNow ?? Date.now;
  const { database } = ctx;
  const settings = () => readBackupSettings(database.sqlite);
  const folder = () => backupFolderOf(database.path, settings());
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let dueAt: number | null = null;
  let stopped = false;

  const takeNow = (kind: 'scheduled' | 'manual') => {
    const next = running.then(async () => {
      const current = settings();
      const target = backupFolderOf(database.path, current);
      const taken = await takeBackup(database, {
        folder: target,
        kind,
        at: wallNow(),
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
      const removed = await pruneBackups(target, current);
      if (removed.length > 0) logger.info(`[backup] retention removed ${removed.join(', ')}`);
      return taken;
    });
    running = next.catch(() => undefined);
    return next;
  };

  const schedule = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    dueAt = null;
    const { intervalMinutes } = settings();
    if (stopped || options.schedule === false || intervalMinutes === 0) return;
    const newest = (await listBackups(folder()).catch(() => [])).find((b) => b.kind === 'scheduled');
    if (stopped) return;
    const intervalMs = intervalMinutes * 60_000;
    dueAt = Math.max(wallNow(), (newest?.takenAt ?? wallNow()) + intervalMs);
    timer = setTimeout(() => {
      takeNow('scheduled')
        .then((taken) => logger.info(`[backup] ${taken.name} (${taken.bytes} bytes, ${taken.durationMs} ms)`))
        .catch((error: unknown) =>
          logger.error(`[backup] the scheduled backup failed: ${(error as Error).message}`),
        )
        .finally(() => void schedule());
    }, dueAt - wallNow());
    timer.unref();
  };

  const offSettings = ctx.bus.on('settings.changed', ({ keys }) => {
    if (keys.some((key) => Object.values<string>(BACKUP_KEYS).includes(key))) void schedule();
  });
  void schedule();

  const service: BackupService = {
    folder,
    list: () => listBackups(folder()),
    takeNow,
    async requestRestore(name) {
      if (!parseBackupName(name)) throw new BackupInvalidError(`"${name}" is not the name of a backup.`);
      const backupPath = join(folder(), name);
      const { schemaVersion } = verifyCopy(backupPath, options.nativeBinding);
      await writePendingRestore(database.path, {
        backupPath,
        safetyFolder: folder(),
        requestedAt: wallNow(),
      });
      return { name, schemaVersion };
    },
    cancelRestore: () => cancelPendingRestore(database.path),
    async pendingRestore() {
      const pending = await readPendingRestore(database.path);
      return pending ? (pending.backupPath.split(/[\\/]/).pop() ?? null) : null;
    },
    nextDueAt: () => dueAt,
    async stop() {
      stopped = true;
      offSettings();
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
      services.delete(database);
    },
  };
  services.set(database, service);
  return service;
}
