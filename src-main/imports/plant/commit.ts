import type BetterSqlite3 from 'better-sqlite3';
import { type DataSetDef, keyOf } from './dataSet';
import { type ImportIssue, issue } from './issues';
import type { ImportMode, ImportPlan, ParsedSet } from './validate';

// The all-or-nothing write of a checked plan: one transaction, parents written before children,
// then rows that leave removed children first. SQLite's own checks (foreign keys, CHECKs) stay the
// last word: whatever they refuse rolls the whole import back and is reported as an issue.

export interface DataSetCounts {
  dataSet: string;
  source: string;
  rows: number;
  inserted: number;
  updated: number;
  deleted: number;
}

export interface ImportProgress {
  phase: 'write' | 'remove' | 'done';
  done: number;
  total: number;
}

export interface CommitResult {
  counts: DataSetCounts[];
  /** What changed, for the change events after commit. */
  partIds: string[];
  lineIds: string[];
}

/** Thrown inside the transaction to roll it back with a reason a person can act on. */
export class ImportRefused extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(issues[0]?.message ?? 'import refused');
  }
}

/** Rows in the database that the file no longer holds, as key values. */
function leaving(sqlite: BetterSqlite3.Database, set: ParsedSet, mode: ImportMode): unknown[][] {
  const { def } = set;
  if (def.name === 'plant') return [];
  if (mode === 'merge' && !def.parent) return [];
  const rows = sqlite
    .prepare(`SELECT ${def.key.join(', ')} FROM ${def.table}`)
    .raw()
    .all() as unknown[][];
  const parentAt = def.parent ? def.key.indexOf(def.parent) : -1;
  const parents = mode === 'merge' ? new Set(set.rows.map(({ value }) => String(value[def.parent!]))) : null;
  return rows.filter(
    (values) => !set.keys.has(keyOf(values)) && (parents === null || parents.has(String(values[parentAt]))),
  );
}

function remover(sqlite: BetterSqlite3.Database, def: DataSetDef) {
  const statement = sqlite.prepare(
    `DELETE FROM ${def.table} WHERE ${def.key.map((column) => `${column} = ?`).join(' AND ')}`,
  );
  return (values: unknown[]) => {
    try {
      statement.run(...values);
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
      const shown = values.map(String).join(' / ');
      throw new ImportRefused([
        issue(
          `${def.name}`,
          def.name,
          null,
          def.key.join('+'),
          `${shown} is not in the file, but the plant still uses it (deliveries, orders or other data): keep it in the file or import with "merge"`,
        ),
      ]);
    }
  };
}

/**
 * Writes the plan in one transaction and returns what it did. Throws ImportRefused (nothing
 * written) when SQLite refuses a row. `progress` is called at most about a hundred times.
 */
export function commitPlan(
  sqlite: BetterSqlite3.Database,
  plan: ImportPlan,
  options: { mode: ImportMode; now: number; note: string; progress?: (progress: ImportProgress) => void },
): CommitResult {
  const total = plan.sets.reduce((sum, set) => sum + set.rows.length, 0);
  const step = Math.max(500, Math.ceil(total / 100));
  let done = 0;
  const partIds = new Set<string>();
  const lineIds = new Set<string>();
  const run = sqlite.transaction(() => {
    const counts = new Map<ParsedSet, DataSetCounts>();
    options.progress?.({ phase: 'write', done: 0, total });
    for (const set of plan.sets) {
      const writer = set.def.writer(sqlite, options.now, options.note);
      const count: DataSetCounts = {
        dataSet: set.def.name,
        source: set.source,
        rows: set.rows.length,
        inserted: 0,
        updated: 0,
        deleted: 0,
      };
      counts.set(set, count);
      for (const { row, value } of set.rows) {
        try {
          if (writer.upsert(value)) count.inserted++;
          else count.updated++;
        } catch (error) {
          if (error instanceof ImportRefused) throw error;
          const message = error instanceof Error ? error.message : String(error);
          throw new ImportRefused([
            issue(set.source, set.def.name, row, null, `the plant refuses this row: ${message}`),
          ]);
        }
        if (set.def.name === 'stock') partIds.add(String(value.part_id));
        if (set.def.name === 'orders') lineIds.add(String(value.line_id));
        done++;
        if (done % step === 0) options.progress?.({ phase: 'write', done, total });
      }
    }
    for (const set of [...plan.sets].reverse()) {
      const gone = leaving(sqlite, set, options.mode);
      if (gone.length === 0) continue;
      options.progress?.({ phase: 'remove', done, total });
      const remove = remover(sqlite, set.def);
      for (const values of gone) {
        try {
          remove(values);
        } catch (error) {
          if (error instanceof ImportRefused) {
            for (const found of error.issues) found.file = set.source;
          }
          throw error;
        }
      }
      counts.get(set)!.deleted = gone.length;
    }
    return [...counts.values()];
  });
  const counts = run();
  options.progress?.({ phase: 'done', done: total, total });
  return { counts, partIds: [...partIds], lineIds: [...lineIds] };
}
