import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator } from 'kysely';
import { LATEST_SCHEMA_VERSION, staticMigrationProvider } from './migrations/index';
import type { Database } from './schema';
import { LeitstandSqliteDialect } from './sqliteDialect';

export type DatabaseOpenFailure = 'unreadable' | 'corrupt' | 'newer-version' | 'migration-failed';

/** Why a database file could not be used. The file itself is never touched after such an error. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: DatabaseOpenFailure,
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

export interface PlantDatabase {
  /** The raw connection, for hot paths and pragmas. */
  sqlite: BetterSqlite3.Database;
  /** The typed query builder, for everything else. */
  db: Kysely<Database>;
  path: string;
  schemaVersion: number;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  path: string;
  /** An Electron-ABI build of better-sqlite3; plain Node uses the one in node_modules. */
  nativeBinding?: string;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function openFile(path: string, nativeBinding: string | undefined): BetterSqlite3.Database {
  try {
    return new BetterSqlite3(path, { timeout: 5000, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw new DatabaseOpenError(
      'unreadable',
      path,
      `Cannot open the database file ${path}: ${errorText(error)}`,
    );
  }
}

/** Proves the file is an intact SQLite database before anything is written to it. */
function checkIntegrity(sqlite: BetterSqlite3.Database, path: string): void {
  let problems: string[];
  try {
    const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
    problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
  } catch (error) {
    throw new DatabaseOpenError(
      'corrupt',
      path,
      `The file ${path} is not a readable Leitstand database (${errorText(error)}). It was left untouched.`,
    );
  }
  if (problems.length > 0) {
    throw new DatabaseOpenError(
      'corrupt',
      path,
      `The database ${path} is damaged: ${problems.slice(0, 3).join('; ')}. It was left untouched; restore a backup.`,
    );
  }
}

export async function openDatabase({ path, nativeBinding }: OpenDatabaseOptions): Promise<PlantDatabase> {
  const sqlite = openFile(path, nativeBinding);
  try {
    checkIntegrity(sqlite, path);
    const found = sqlite.pragma('user_version', { simple: true }) as number;
    if (found > LATEST_SCHEMA_VERSION) {
      throw new DatabaseOpenError(
        'newer-version',
        path,
        `The database ${path} was written by a newer Leitstand (schema ${found}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update Leitstand to open it.`,
      );
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // Keeps the write-ahead log from growing without bound between checkpoints.
    sqlite.pragma('journal_size_limit = 67108864');
  } catch (error) {
    sqlite.close();
    throw error;
  }

  const db = new Kysely<Database>({
    dialect: new LeitstandSqliteDialect(sqlite),
    plugins: [new CamelCasePlugin()],
  });
  const migrator = new Migrator({ db, provider: staticMigrationProvider });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw new DatabaseOpenError('migration-failed', path, `Migrating ${path} failed: ${errorText(error)}`);
  }
  sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);

  let closed = false;
  return {
    sqlite,
    db,
    path,
    schemaVersion: LATEST_SCHEMA_VERSION,
    async close() {
      if (closed) return;
      closed = true;
      // Fold the WAL back into the main file so the database is one file at rest.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      await db.destroy();
    },
  };
}
