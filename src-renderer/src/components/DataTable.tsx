import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: string;
  direction: SortDirection;
}

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  align?: 'start' | 'end' | 'center';
  /** CSS width, e.g. "7rem"; the remaining columns share the rest. */
  width?: string;
  /** Class on the column's header and cells, e.g. to hide it in a narrow layout. */
  className?: string;
  /** Makes the column sortable by this value (nulls last). */
  sortValue?: (row: Row) => string | number | null;
}

export interface DataTableProps<Row> {
  /** The table's accessible name. */
  label: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The row the keyboard selection is on (data-selected, scrolled into view). */
  selectedKey?: string | null;
  /** The row whose detail is open (aria-current). */
  currentKey?: string | null;
  onRowClick?: (row: Row) => void;
  /** data-* attributes per row, e.g. test ids. */
  rowData?: (row: Row) => Record<`data-${string}`, string>;
  /** Extra class per row, e.g. to tint a problem row. */
  rowClassName?: (row: Row) => string | undefined;
  sort?: SortState | null;
  onSortChange?: (sort: SortState) => void;
  /** Shown in place of the body when there are no rows. */
  empty?: ReactNode;
}

/** Sorts rows by a column's sortValue; stable, nulls last in both directions. */
export function sortRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], sort: SortState | null) {
  const column = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !column?.sortValue) return rows;
  const value = column.sortValue;
  const factor = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return (
      (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * factor
    );
  });
}

function cellClass<Row>(column: Column<Row>) {
  return `table__cell--${column.align ?? 'start'}${column.className ? ` ${column.className}` : ''}`;
}

/** The app's one table: sticky header, dense rows, tabular numbers, optional sorting and selection. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { t } = useTranslation('common');
  const { label, columns, rows, rowKey, selectedKey, currentKey, onRowClick, rowData, rowClassName } = props;
  const { sort, onSortChange, empty } = props;
  const body = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    if (!selectedKey) return;
    body.current?.querySelector('tr[data-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey]);

  const toggleSort = (key: string) =>
    onSortChange?.({
      key,
      direction: sort?.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending',
    });

  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = sort?.key === column.key ? sort.direction : undefined;
              const sortable = Boolean(column.sortValue && onSortChange);
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={cellClass(column)}
                  style={column.width ? { width: column.width } : undefined}
                  aria-sort={sortable ? (sorted ?? 'none') : undefined}
                >
                  {sortable ? (
                    <button type="button" className="table__sort" onClick={() => toggleSort(column.key)}>
                      {column.header}
                      <span className="table__sort-mark" aria-hidden="true">
                        {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
                      </span>
                      {sorted ? (
                        <span className="visually-hidden">
                          , {t(sorted === 'ascending' ? 'table.sortAscending' : 'table.sortDescending')}
                        </span>
                      ) : null}
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((row) => {
            const key = rowKey(row);
            const extra = rowClassName?.(row);
            return (
              <tr
                key={key}
                className={`table__row${onRowClick ? ' table__row--clickable' : ''}${extra ? ` ${extra}` : ''}`}
                data-selected={key === selectedKey ? 'true' : undefined}
                aria-current={key === currentKey ? 'true' : undefined}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
                {...rowData?.(row)}
              >
                {columns.map((column) => (
                  <td key={column.key} className={cellClass(column)}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && empty ? <div className="table__empty">{empty}</div> : null}
    </div>
  );
}
