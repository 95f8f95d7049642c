// What a dry run found wrong, named so a person finds it: the file (and sheet), the row as the
// spreadsheet numbers it (the header is row 1) and the column.

export interface ImportIssue {
  file: string;
  dataSet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

export const issue = (
  file: string,
  dataSet: string | null,
  row: number | null,
  column: string | null,
  message: string,
): ImportIssue => ({ file, dataSet, row, column, message });

/** "parts.csv, row 4, column quantity: -2 must be greater than 0" */
export function describeIssue(found: ImportIssue): string {
  const where = [
    found.file,
    found.row === null ? null : `row ${found.row}`,
    found.column === null ? null : `column ${found.column}`,
  ].filter(Boolean);
  return `${where.join(', ')}: ${found.message}`;
}
