#!/usr/bin/env node
// `npm run restore -- BACKUP --db DATABASE` (or `node scripts/restore.mjs BACKUP --db DATABASE`)
//
// Puts a backup in place of a Leitstand database, from the command line: for a plant that no
// longer starts (a damaged file) or a restore without the app. The same steps as the app's restore
// at start (src-main/db/backup/restoreFile.ts), kept here without a build so it works when the app
// does not:
//  1. the backup is proven whole (integrity_check) and from this or an older Leitstand schema;
//  2. the database must not be open in another process: leaving WAL mode needs the only
//     connection, so SQLITE_BUSY means a running Leitstand has it; we refuse and change nothing;
//  3. the current file is kept as a "before-restore" backup in the backup folder (raw bytes if it
//     is too damaged to copy page by page);
//  4. the backup is copied beside the database, flushed, and renamed over it in one step; old
//     -wal/-shm files are removed first so SQLite cannot replay them onto the restored file.
// Exit codes: 0 restored, 1 refused or failed (the message says why), 2 wrong arguments.

import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');

const USAGE = 'Usage: npm run restore -- BACKUP.db --db DATABASE.db [--backup-folder FOLDER]';

function parseArgs(argv) {
  let backup;
  let db;
  let folder;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--db') db = argv[++i];
    else if (arg === '--backup-folder') folder = argv[++i];
    else if (arg === '--help' || arg === '-h') return null;
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}.`);
    else if (backup === undefined) backup = arg;
    else throw new Error(`Unexpected argument "${arg}".`);
  }
  if (!backup) throw new Error('Which backup? Name the backup file first.');
  if (!db) db = process.env.LEITSTAND_DB;
  if (!db) throw new Error('Which database? Give --db PATH (or LEITSTAND_DB).');
  const dbPath = resolve(db);
  return { backupPath: resolve(backup), dbPath, folder: resolve(folder ?? join(dirname(dbPath), 'backups')) };
}

class Refusal extends Error {}

function verifyBackup(path) {
  if (!existsSync(path)) throw new Refusal(`The backup ${path} does not exist.`);
  let copy;
  try {
    copy = new Database(path, { fileMustExist: true, readonly: true });
  } catch (error) {
    throw new Refusal(`The backup ${path} cannot be opened: ${error.message}`);
  }
  try {
    let problems;
    try {
      problems = copy
        .pragma('integrity_check')
        .map((row) => row.integrity_check)
        .filter((line) => line !== 'ok');
    } catch (error) {
      throw new Refusal(`The backup ${path} is not a readable database: ${error.message}`);
    }
    if (problems.length > 0)
      throw new Refusal(`The backup ${path} is damaged: ${problems.slice(0, 3).join('; ')}`);
    if (!copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'site'").get())
      throw new Refusal(`The file ${path} is not a Leitstand database.`);
    return copy.pragma('user_version', { simple: true });
  } finally {
    copy.close();
  }
}

const stamp = () => new Date().toISOString().replace(/[-:.]/g, '');

async function keepCurrent(dbPath, folder) {
  mkdirSync(folder, { recursive: true });
  const safetyPath = join(folder, `leitstand-${stamp()}-before-restore.db`);
  let current;
  try {
    current = new Database(dbPath, { timeout: 0, fileMustExist: true });
  } catch {
    current = null;
  }
  if (current) {
    try {
      try {
        current.pragma('journal_mode = DELETE');
      } catch (error) {
        if (error.code === 'SQLITE_BUSY')
          throw new Refusal(
            `The database ${dbPath} is open in another process (a running Leitstand?). Stop it first; nothing was changed.`,
          );
        throw error;
      }
      await current.backup(safetyPath);
      return safetyPath;
    } catch (error) {
      if (error instanceof Refusal) throw error;
      // Too damaged to copy page by page: keep its raw bytes below.
    } finally {
      current.close();
    }
  }
  copyFileSync(dbPath, safetyPath);
  if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${safetyPath}-wal`);
  return safetyPath;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`leitstand restore: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (!options) {
    console.info(USAGE);
    return 0;
  }
  const { backupPath, dbPath, folder } = options;
  try {
    const schema = verifyBackup(backupPath);
    console.info(`leitstand restore: the backup ${basename(backupPath)} is intact (schema ${schema}).`);
    const safety = existsSync(dbPath) ? await keepCurrent(dbPath, folder) : null;
    if (safety) console.info(`leitstand restore: the database before the restore is kept as ${safety}`);
    const incoming = `${dbPath}.restoring`;
    copyFileSync(backupPath, incoming);
    const fd = openSync(incoming, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${dbPath}${suffix}`, { force: true });
    renameSync(incoming, dbPath);
    console.info(`leitstand restore: restored ${dbPath} from ${backupPath}. Start Leitstand again.`);
    return 0;
  } catch (error) {
    console.error(
      `leitstand restore: ${error instanceof Refusal ? error.message : `failed: ${error.message}`}`,
    );
    return 1;
  }
}

process.exitCode = await main();
