import BetterSqlite3 from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../migrations/index';

// A copy is only a backup once it is proven whole: opened on its own, turned into a single file
// (rollback journal, no -wal beside it), and read end to end by `integrity_check`.

export interface VerifiedCopy {
  schemaVersion: number;
}

export class BackupInvalidError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupInvalidError';
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Proves `path` is an intact Leitstand database this version can open; throws BackupInvalidError. */
export function verifyCopy(path: string, nativeBinding?: string): VerifiedCopy {
  let copy: BetterSqlite3.Database;
  try {
    copy = new BetterSqlite3(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw new BackupInvalidError(`The backup ${path} cannot be opened: ${errorText(error)}`);
  }
  try {
    let problems: string[];
    try {
      copy.pragma('journal_mode = DELETE');
      const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
      problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    } catch (error) {
      throw new BackupInvalidError(`The backup ${path} is not a readable database: ${errorText(error)}`);
    }
    if (problems.length > 0) {
      throw new BackupInvalidError(`The backup ${path} is damaged: ${problems.slice(0, 3).join('; ')}`);
    }
    const schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    const hasSite = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'site'").get();
    if (!hasSite) throw new BackupInvalidError(`The file ${path} is not a Leitstand database.`);
    if (schemaVersion > LATEST_SCHEMA_VERSION) {
      throw new BackupInvalidError(
        `The backup ${path} was written by a newer Leitstand (schema ${schemaVersion}; this version knows up to ${LATEST_SCHEMA_VERSION}).`,
      );
    }
    return { schemaVersion };
  } finally {
    copy.close();
  }
}
