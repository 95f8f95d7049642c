import type BetterSqlite3 from 'better-sqlite3';

// Bulk inserts of camelCase rows into snake_case tables through one prepared statement per
// table: the demo writes thousands of rows at load and a day's worth on each rolling-horizon step,
// and the query builder's per-row overhead would eat the start-up budget.

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

type SqlValue = string | number | null;

export function insertRows(sqlite: BetterSqlite3.Database, table: string, rows: readonly object[]): void {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const statement = sqlite.prepare(
    `INSERT INTO ${table} (${columns.map(snakeCase).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  for (const row of rows) {
    const record = row as Record<string, SqlValue>;
    statement.run(columns.map((column) => record[column] ?? null));
  }
}
