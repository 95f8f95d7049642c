import type BetterSqlite3 from 'better-sqlite3';

// Prepared statements and caches belong to one open database: made on its first use, kept while
// it is open, and forgotten with it (a test opens many, a plant reset reopens one).

/** `make`'s value for each database, made once per database on first use. */
export function perDatabase<T>(
  make: (sqlite: BetterSqlite3.Database) => T,
): (sqlite: BetterSqlite3.Database) => T {
  const values = new WeakMap<BetterSqlite3.Database, T>();
  return (sqlite) => {
    let value = values.get(sqlite);
    if (value === undefined) {
      value = make(sqlite);
      values.set(sqlite, value);
    }
    return value;
  };
}
