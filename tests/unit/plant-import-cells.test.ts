import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  clockCell,
  dateTimeCell,
  formatOpeningHours,
  idListCell,
  nonNegativeInt,
  openingHoursCell,
  positiveNumber,
} from '../../src-main/imports/plant/cells';
import { firstInvalidUtf8Byte, readPlantFiles } from '../../src-main/imports/plant/readFiles';
import { fixZipTimes } from '../../src-main/imports/plant/zipTimes';

const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : result.error!.issues[0]!.message;

describe('plant file cells', () => {
  it('reads numbers with a decimal point or a German decimal comma, and refuses the rest', () => {
    expect(positiveNumber.parse('1,5')).toBe(1.5);
    expect(positiveNumber.parse(' 2.25 ')).toBe(2.25);
    expect(positiveNumber.parse('1e-7')).toBe(1e-7);
    expect(message(positiveNumber.safeParse('1.000,5'))).toBe('"1.000,5" is not a number');
    expect(message(nonNegativeInt.safeParse('2.5'))).toBe('"2.5" is not a whole number');
    expect(message(nonNegativeInt.safeParse('-1'))).toBe('-1 must not be negative');
  });

  it('reads times of day, zoned moments and "|" lists', () => {
    expect(clockCell.parse('6:30')).toBe(390);
    expect(message(clockCell.safeParse('24:00'))).toMatch(/is not a time of day/);
    expect(dateTimeCell.parse('2026-11-27T07:00+01:00')).toBe(Date.UTC(2026, 10, 27, 6));
    expect(message(dateTimeCell.safeParse('2026-11-27 07:00'))).toMatch(/with zone/);
    expect(message(dateTimeCell.safeParse('2026-02-30T07:00:00Z'))).toMatch(/with zone/);
    expect(idListCell.parse('L1 | L2')).toEqual(['L1', 'L2']);
    expect(message(idListCell.safeParse('L1||L2'))).toMatch(/empty entry/);
  });

  it('reads opening hours as people write them and writes them back the same way', () => {
    const text = '1,2,3,4,5 05:00-22:00 | 6 06:00-14:00';
    const windows = openingHoursCell.parse(text);
    expect(windows).toEqual([
      { days: [1, 2, 3, 4, 5], open: '05:00', close: '22:00' },
      { days: [6], open: '06:00', close: '14:00' },
    ]);
    expect(formatOpeningHours(windows)).toBe(text);
    expect(formatOpeningHours(openingHoursCell.parse('never'))).toBe('never');
    expect(message(openingHoursCell.safeParse('Mo-Fr 6-22'))).toMatch(/is not an opening window/);
    expect(message(openingHoursCell.safeParse('1 22:00-06:00'))).toMatch(/is not an opening window/);
  });
});

describe('plant file reading', () => {
  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8Byte(Buffer.from('Größe', 'utf8'))).toBeNull();
    expect(firstInvalidUtf8Byte(Buffer.from('Gr\xf6', 'latin1'))).toBe(3);
    expect(firstInvalidUtf8Byte(Buffer.from([0x61, 0xc0, 0x80]))).toBe(2); // overlong
    expect(firstInvalidUtf8Byte(Buffer.from([0xed, 0xa0, 0x80]))).toBe(1); // surrogate
    expect(firstInvalidUtf8Byte(Buffer.from([0x61, 0xe2, 0x82]))).toBe(2); // cut short
  });

  it('reads ";" and "," files, with or without BOM, and names rows as the file numbers them', async () => {
    const { tables, issues } = await readPlantFiles([
      {
        name: 'Parts.CSV',
        content: Buffer.from('\uFEFFId;Description;Unit\n\nP-1;"Kabel; 2 m";pcs\n', 'utf8'),
      },
      { name: 'products.csv', content: Buffer.from('id,name\r\nA,"Modell ""A"""\r\n', 'utf8') },
    ]);
    expect(issues).toEqual([]);
    expect(tables).toEqual([
      {
        source: 'Parts.CSV',
        dataSet: 'parts',
        header: ['id', 'description', 'unit'],
        rows: [{ row: 3, cells: ['P-1', 'Kabel; 2 m', 'pcs'] }],
      },
      {
        source: 'products.csv',
        dataSet: 'products',
        header: ['id', 'name'],
        rows: [{ row: 2, cells: ['A', 'Modell "A"'] }],
      },
    ]);
  });

  it('names files that are no data set and data sets given twice', async () => {
    const { issues } = await readPlantFiles([
      { name: 'teile.csv', content: Buffer.from('id\n') },
      { name: 'parts.csv', content: Buffer.from('id\n') },
      { name: 'PARTS.csv', content: Buffer.from('id\n') },
    ]);
    expect(issues.map((found) => `${found.file}: ${found.message}`)).toEqual([
      expect.stringMatching(/^teile\.csv: not a plant file/),
      'PARTS.csv: parts is also in parts.csv',
    ]);
  });

  it('reads XLSX cells as text whatever type Excel gave them, and names sheet and row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Orders');
    sheet.addRow(['ID', 'Due At', 'Quantity', 'Frozen', 'Note']);
    sheet.addRow([]);
    sheet.addRow([
      { richText: [{ text: 'O-' }, { text: '1' }] },
      new Date(Date.UTC(2026, 10, 27, 6)),
      { formula: '20*2', result: 40 },
      true,
      null,
    ]);
    workbook.addWorksheet('Tabelle1').addRow(['x']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const { tables, issues } = await readPlantFiles([{ name: 'ERP.xlsx', content }]);
    expect(tables).toEqual([
      {
        source: 'ERP.xlsx › Orders',
        dataSet: 'orders',
        header: ['id', 'due_at', 'quantity', 'frozen', 'note'],
        rows: [{ row: 3, cells: ['O-1', '2026-11-27T06:00:00.000Z', '40', '1', ''] }],
      },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'ERP.xlsx › Tabelle1',
        message: expect.stringMatching(/is not a data set/),
      }),
    ]);
  });

  it('stamps every zip entry with one fixed time and keeps the workbook readable', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('parts').addRow(['id', 'description', 'unit']);
    const fixed = fixZipTimes(Buffer.from(await workbook.xlsx.writeBuffer()));
    const stamps: string[] = [];
    for (let at = 0; at < fixed.length - 4; at++) {
      if (fixed.readUInt32LE(at) === 0x04034b50)
        stamps.push(`${fixed.readUInt16LE(at + 10)}/${fixed.readUInt16LE(at + 12)}`);
      if (fixed.readUInt32LE(at) === 0x02014b50)
        stamps.push(`${fixed.readUInt16LE(at + 12)}/${fixed.readUInt16LE(at + 14)}`);
    }
    expect(stamps.length).toBeGreaterThan(4);
    expect(new Set(stamps)).toEqual(new Set(['0/33'])); // 1980-01-01 00:00
    const { tables } = await readPlantFiles([{ name: 'plant.xlsx', content: fixed }]);
    expect(tables[0]?.header).toEqual(['id', 'description', 'unit']);
  });
});
