import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import type { ExportCell } from './cells';

// The shape every data set of a plant file shares: its columns (header name, cell parser, which
// data set a value refers to), its key, and how its rows are read from and written to SQLite.

export const DATA_SET_NAMES = [
  'plant',
  'partners',
  'parts',
  'supplier_parts',
  'stock',
  'products',
  'bom_items',
  'lines',
  'line_rates',
  'line_setups',
  'shifts',
  'line_shifts',
  'dock_doors',
  'orders',
] as const;
export type DataSetName = (typeof DATA_SET_NAMES)[number];

export interface ColumnDef {
  name: string;
  cell: z.ZodType<unknown, string>;
  /** The column may be left out of the file; `fallback` is then read for it (and for empty cells). */
  fallback?: string;
  /** The value (or each value of a "|" list) must be a key of this data set. */
  ref?: DataSetName;
}

export type Row = Record<string, unknown>;

export interface RowWriter {
  /** Inserts or updates one row; true when it was new. */
  upsert(row: Row): boolean;
}

export interface DataSetDef {
  name: DataSetName;
  table: string;
  columns: readonly ColumnDef[];
  schema: z.ZodType<Row>;
  /** The key columns (file names = database names). */
  key: readonly string[];
  /**
   * For the rows of a parent (a product's BOM, a line's rates): in merge mode the file holds the
   * whole list of every parent it names, so rows of those parents missing from the file go.
   */
  parent?: string;
  /** Rows as they stand, ordered by key, as export cells. */
  exportRows(sqlite: BetterSqlite3.Database): ExportCell[][];
  writer(sqlite: BetterSqlite3.Database, now: number, note: string): RowWriter;
}

/** Builds a data set's zod row schema from its columns. */
export function rowSchema(columns: readonly ColumnDef[]): z.ZodType<Row> {
  return z.object(Object.fromEntries(columns.map((column) => [column.name, column.cell]))) as z.ZodType<Row>;
}

export const keyOf = (values: readonly unknown[]) => values.map(String).join('\u0001');
