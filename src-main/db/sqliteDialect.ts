import type BetterSqlite3 from 'better-sqlite3';
import { type DatabaseConnection, type Driver, SqliteDialect } from 'kysely';

// Kysely's SQLite dialect, with one correction: after some errors (SQLITE_FULL, SQLITE_IOERR,
// SQLITE_NOMEM, SQLITE_BUSY) SQLite has already rolled the transaction back by itself. Kysely's
// ROLLBACK then fails with "cannot rollback - no transaction is active", and that error replaces
// the real one: a full disk would reach the person as an internal error. Here ROLLBACK is only
// sent while a transaction is open, so the original error surfaces.

export class LeitstandSqliteDialect extends SqliteDialect {
  readonly #sqlite: BetterSqlite3.Database;

  constructor(sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const sqlite = this.#sqlite;
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection: DatabaseConnection) => {
      if (sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}
