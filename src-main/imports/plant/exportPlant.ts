import type BetterSqlite3 from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ExportCell } from './cells';
import type { DataSetDef, DataSetName } from './dataSet';
import { DATA_SETS } from './dataSets';
import type { PlantFile } from './readFiles';
import { fixZipTimes } from './zipTimes';

// Export writes what import reads: CSV (UTF-8 with BOM so Excel shows umlauts, ";" between fields,
// one file per data set) or one XLSX with a sheet per data set. A template is the export of an
// empty plant: the header row alone.

export type PlantFileFormat = 'csv' | 'xlsx';
export const XLSX_FILE_NAME = 'leitstand-plant.xlsx';

type RowsOf = (def: DataSetDef) => ExportCell[][];

function csvFile(def: DataSetDef, rows: ExportCell[][]): PlantFile {
  const text = stringify([def.columns.map((column) => column.name), ...rows.map((row) => row.map(String))], {
    delimiter: ';',
    record_delimiter: '\r\n',
    bom: true,
  });
  return { name: `${def.name}.csv`, content: Buffer.from(text, 'utf8') };
}

async function xlsxFile(sets: readonly DataSetDef[], rowsOf: RowsOf): Promise<PlantFile> {
  const workbook = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2000, 0, 1));
  workbook.creator = 'Leitstand';
  workbook.created = fixed;
  workbook.modified = fixed;
  for (const def of sets) {
    const sheet = workbook.addWorksheet(def.name);
    sheet.addRow(def.columns.map((column) => column.name)).font = { bold: true };
    for (const row of rowsOf(def)) sheet.addRow(row);
    sheet.columns.forEach((column, i) => {
      column.width = Math.max(12, (def.columns[i]?.name.length ?? 0) + 4);
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { name: XLSX_FILE_NAME, content: fixZipTimes(buffer) };
}

function chosen(dataSets?: readonly DataSetName[]) {
  return dataSets?.length ? DATA_SETS.filter((def) => dataSets.includes(def.name)) : DATA_SETS;
}

async function files(format: PlantFileFormat, sets: readonly DataSetDef[], rowsOf: RowsOf) {
  if (format === 'xlsx') return [await xlsxFile(sets, rowsOf)];
  return sets.map((def) => csvFile(def, rowsOf(def)));
}

/** The plant's data sets as files. */
export function exportPlantFiles(
  sqlite: BetterSqlite3.Database,
  format: PlantFileFormat,
  dataSets?: readonly DataSetName[],
): Promise<PlantFile[]> {
  return files(format, chosen(dataSets), (def) => def.exportRows(sqlite));
}

/** Empty files with the header row, to fill in. */
export function templateFiles(format: PlantFileFormat): Promise<PlantFile[]> {
  return files(format, DATA_SETS, () => []);
}
