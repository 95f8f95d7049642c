import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { parseBackupName } from '../../db/backup/backupFiles';
import { backupServiceOf } from '../../db/backup/backupService';
import {
  backupSettingsUpdate,
  readBackupSettings,
  writeBackupSettings,
} from '../../db/backup/backupSettings';
import { BackupInvalidError } from '../../db/backup/verifyCopy';
import { procedure } from '../registry';
import { DomainError } from '../result';
import { noInput } from '../schemas';

// Backups of the plant's database: the list, a backup now, the schedule and retention, and a
// restore (applied at the next start, see db/backup/pendingRestore.ts). Administration: desk only.

const backupFileName = z
  .string()
  .trim()
  .max(200, 'may be at most 200 characters')
  .refine((name) => parseBackupName(name) !== null, 'must be the name of a backup from backup.list');

/** A backup that is not whole is a refusal the person can act on, not an internal error. */
async function refusingInvalid<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupInvalidError) throw new DomainError('CONFLICT', error.message);
    throw error;
  }
}

/**
 * A chosen backup folder must already exist and not be a drive's root: Leitstand creates only its
 * own default folder, never a path typed into a setting.
 */
function checkFolder(folder: string) {
  if (dirname(folder) === folder) {
    throw new DomainError(
      'INVALID_INPUT',
      `backup.setSettings: folder: ${folder} is a drive's root; choose a folder on it.`,
    );
  }
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new DomainError(
      'INVALID_INPUT',
      `backup.setSettings: folder: ${folder} is not an existing folder; create it first.`,
    );
  }
}

export const backupProcedures = {
  'backup.list': procedure({
    access: 'write',
    summary:
      'The backups in the backup folder, newest first, with the folder, the next scheduled time and a pending restore.',
    input: noInput,
    async handler(ctx) {
      const service = backupServiceOf(ctx);
      return {
        folder: service.folder(),
        backups: await service.list(),
        nextDueAt: service.nextDueAt(),
        pendingRestore: await service.pendingRestore(),
      };
    },
  }),

  'backup.now': procedure({
    access: 'write',
    summary: 'Takes a verified backup of the database now (online: the plant keeps running).',
    input: noInput,
    async handler(ctx) {
      const service = backupServiceOf(ctx);
      try {
        return await service.takeNow('manual');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // A folder that cannot be written is the setting's problem, said as such (a full disk is
        // answered by the registry as DISK_FULL).
        if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR') {
          throw new DomainError(
            'CONFLICT',
            `The backup folder ${service.folder()} cannot be written (${code}); choose another folder.`,
          );
        }
        throw error;
      }
    },
  }),

  'backup.restore': procedure({
    access: 'write',
    summary:
      'Checks a backup and restores it at the next start (the current file is kept as a before-restore backup); null cancels a pending restore.',
    input: z.object({ name: backupFileName.nullable() }).strict(),
    async handler(ctx, { name }) {
      const service = backupServiceOf(ctx);
      if (name === null) {
        await service.cancelRestore();
        return { pendingRestore: null, appliesAt: 'nextStart' as const };
      }
      if (!(await service.list()).some((backup) => backup.name === name)) {
        throw new DomainError('NOT_FOUND', `There is no backup "${name}" in ${service.folder()}.`);
      }
      const checked = await refusingInvalid(() => service.requestRestore(name));
      return { pendingRestore: checked.name, appliesAt: 'nextStart' as const };
    },
  }),

  'backup.settings': procedure({
    access: 'write',
    summary: 'The backup folder, interval and retention, each over its default.',
    input: noInput,
    handler: (ctx) => readBackupSettings(ctx.database.sqlite),
  }),

  'backup.setSettings': procedure({
    access: 'write',
    summary: 'Changes the backup folder, interval or retention; the schedule follows at once.',
    input: backupSettingsUpdate,
    handler(ctx, update) {
      if (update.folder) checkFolder(update.folder);
      const keys = writeBackupSettings(ctx.database.sqlite, update, ctx.clock.now());
      if (keys.length > 0) ctx.bus.emit('settings.changed', { keys });
      return readBackupSettings(ctx.database.sqlite);
    },
  }),
};
