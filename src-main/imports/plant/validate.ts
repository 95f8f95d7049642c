import type BetterSqlite3 from 'better-sqlite3';
import { type DataSetDef, type DataSetName, keyOf, type Row } from './dataSet';
import { DATA_SETS, dataSetByName } from './dataSets';
import { type ImportIssue, issue } from './issues';
import type { RawTable } from './readFiles';

// The dry run's checks on the rows themselves: every column there, every cell parsed, no key twice,
// every reference resolved (against the files and, in merge mode, the plant as it stands).

/**
 * - merge: every row is inserted or updated by its key; nothing else is removed, except that for
 *   the rows of a parent (a product's BOM, a line's rates, setups and shifts) the file is the
 *   whole list of each parent it names.
 * - replace: each data set in the files is the whole data set: rows not in the file are removed
 *   (refused when anything else still uses them).
 */
export type ImportMode = 'merge' | 'replace';

export interface ParsedRow {
  row: number;
  value: Row;
}

export interface ParsedSet {
  def: DataSetDef;
  source: string;
  rows: ParsedRow[];
  keys: Set<string>;
}

export interface ImportPlan {
  sets: ParsedSet[];
  issues: ImportIssue[];
}

/** The issues a dry run reports at most; the count says how many there were. */
export const MAX_ISSUES = 500;

/** Defaults the plant sets for optional columns, by "data set.column" (e.g. the put-away time). */
export type PlantDefaults = Readonly<Record<string, string>>;

function parseTable(table: RawTable, issues: ImportIssue[], defaults: PlantDefaults): ParsedSet {
  const def = dataSetByName.get(table.dataSet)!;
  const parsed: ParsedSet = { def, source: table.source, rows: [], keys: new Set() };
  const index = new Map(table.header.map((name, i) => [name, i]));
  const missing = def.columns.filter((column) => column.fallback === undefined && !index.has(column.name));
  for (const column of missing) {
    issues.push(issue(table.source, def.name, 1, column.name, `the column ${column.name} is missing`));
  }
  if (missing.length > 0) return parsed;
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const input: Record<string, string> = {};
    for (const column of def.columns) {
      const at = index.get(column.name);
      const cell = at === undefined ? undefined : cells[at];
      const fallback = defaults[`${def.name}.${column.name}`] ?? column.fallback;
      input[column.name] =
        cell === undefined || (cell.trim() === '' && column.fallback !== undefined) ? (fallback ?? '') : cell;
    }
    const result = def.schema.safeParse(input);
    if (!result.success) {
      for (const found of result.error.issues) {
        const column = String(found.path[0] ?? '');
        issues.push(issue(table.source, def.name, row, column || null, found.message));
      }
      continue;
    }
    const key = keyOf(def.key.map((column) => result.data[column]));
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      const shown = def.key.map((column) => String(result.data[column])).join(' / ');
      issues.push(
        issue(
          table.source,
          def.name,
          row,
          def.key.join('+'),
          `duplicate ${shown}: already in row ${earlier}`,
        ),
      );
      continue;
    }
    firstRowOf.set(key, row);
    parsed.keys.add(key);
    parsed.rows.push({ row, value: result.data });
  }
  return parsed;
}

function databaseKeys(sqlite: BetterSqlite3.Database, def: DataSetDef): Set<string> {
  const rows = sqlite
    .prepare(`SELECT ${def.key.join(', ')} FROM ${def.table}`)
    .raw()
    .all() as unknown[][];
  return new Set(rows.map(keyOf));
}

const SINGULAR: Partial<Record<DataSetName, string>> = {
  partners: 'partner',
  parts: 'part',
  products: 'product',
  lines: 'line',
  shifts: 'shift',
};

function checkReferences(
  sqlite: BetterSqlite3.Database,
  sets: ParsedSet[],
  mode: ImportMode,
  issues: ImportIssue[],
) {
  const inFiles = new Map(sets.map((set) => [set.def.name, set]));
  const known = new Map<DataSetName, Set<string>>();
  const keysOf = (name: DataSetName) => {
    let keys = known.get(name);
    if (!keys) {
      const fromFile = inFiles.get(name)?.keys;
      const def = dataSetByName.get(name)!;
      keys =
        fromFile && mode === 'replace'
          ? fromFile
          : new Set([...(fromFile ?? []), ...databaseKeys(sqlite, def)]);
      known.set(name, keys);
    }
    return keys;
  };
  for (const set of sets) {
    for (const column of set.def.columns) {
      if (!column.ref) continue;
      const targets = keysOf(column.ref);
      const where = inFiles.has(column.ref) ? `${column.ref} file` : 'plant';
      for (const { row, value } of set.rows) {
        const raw = value[column.name];
        const ids = Array.isArray(raw) ? (raw as string[]) : raw === null ? [] : [raw as string];
        for (const id of ids) {
          if (!targets.has(keyOf([id]))) {
            const noun = SINGULAR[column.ref] ?? column.ref;
            issues.push(
              issue(
                set.source,
                set.def.name,
                row,
                column.name,
                `unknown ${noun} "${id}" (not in the ${where})`,
              ),
            );
          }
        }
      }
    }
  }
}

/** Parses and checks all tables; the plan holds the rows in commit order. */
export function planImport(
  sqlite: BetterSqlite3.Database,
  tables: readonly RawTable[],
  mode: ImportMode,
  readIssues: readonly ImportIssue[],
  defaults: PlantDefaults = {},
): ImportPlan {
  const issues = [...readIssues];
  const byName = new Map(tables.map((table) => [table.dataSet, table]));
  const sets: ParsedSet[] = [];
  for (const def of DATA_SETS) {
    const table = byName.get(def.name);
    if (table) sets.push(parseTable(table, issues, defaults));
  }
  checkReferences(sqlite, sets, mode, issues);
  const plant = sets.find((set) => set.def.name === 'plant');
  if (plant && plant.rows.length > 1) {
    issues.push(
      issue(plant.source, 'plant', plant.rows[1]!.row, null, 'the plant file holds one row: the plant'),
    );
  }
  const hasSite = sqlite.prepare('SELECT 1 FROM site LIMIT 1').get() !== undefined;
  if (!hasSite && !plant?.rows.length && sets.length > 0) {
    issues.push(
      issue(
        'plant.csv',
        'plant',
        null,
        null,
        'the database holds no plant yet: add the plant file (location, geofence, time zone) to the import',
      ),
    );
  }
  return { sets, issues: inFileOrder(issues, tables) };
}

/** Issues as a person reads the files: file by file, row by row (stable within a row). */
function inFileOrder(issues: ImportIssue[], tables: readonly RawTable[]): ImportIssue[] {
  const fileAt = new Map(tables.map((table, index) => [table.source, index]));
  return issues
    .map((found, index) => ({ found, index }))
    .sort(
      (a, b) =>
        (fileAt.get(a.found.file) ?? -1) - (fileAt.get(b.found.file) ?? -1) ||
        (a.found.row ?? 0) - (b.found.row ?? 0) ||
        a.index - b.index,
    )
    .map(({ found }) => found);
}
