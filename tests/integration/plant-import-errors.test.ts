import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlantFiles, previewPlantImport } from '../../src-main/imports/plant/plantImport';
import type { PlantFile } from '../../src-main/imports/plant/readFiles';
import { testContext } from '../support/testContext';
import { csv, databaseHash, filesOf, smallPlant } from './plant-import-support';

// Each kind of bad file is named by file, row and column in the dry run, and an import of it leaves
// the database exactly as it was (a hash over every table) and tells no view anything changed.

let t: Awaited<ReturnType<typeof testContext>>;
beforeEach(async () => {
  t = await testContext();
  const loaded = await importPlantFiles(t.ctx, filesOf(smallPlant()), { mode: 'merge' });
  expect(loaded.committed).toBe(true);
  t.events.length = 0;
});
afterEach(() => t.dispose());

async function refused(files: PlantFile[], mode: 'merge' | 'replace' = 'merge') {
  const before = databaseHash(t.ctx.database.sqlite);
  const preview = await previewPlantImport(t.ctx, files, mode);
  const outcome = await importPlantFiles(t.ctx, files, { mode });
  expect(outcome.committed).toBe(false);
  expect(outcome.issues).toEqual(preview.issues);
  expect(databaseHash(t.ctx.database.sqlite)).toBe(before);
  const changes = t.events.filter((entry) => entry.event !== 'import.progress');
  expect(changes).toEqual([]);
  return outcome.issues;
}

/** A copy of the small plant with one file's text changed. */
const withFile = (name: string, text: string) => filesOf({ ...smallPlant(), [name]: text });

describe('a plant import refuses, changing nothing,', () => {
  it('an unknown part in a BOM', async () => {
    const issues = await refused(
      withFile('bom_items.csv', 'product_id;part_id;quantity\nA;P-1;1\nA;P-404;2\n'),
    );
    expect(issues).toEqual([
      {
        file: 'bom_items.csv',
        dataSet: 'bom_items',
        row: 3,
        column: 'part_id',
        message: 'unknown part "P-404" (not in the parts file)',
      },
    ]);
  });

  it('an unknown part in a BOM also when only the BOM is imported (checked against the plant)', async () => {
    const issues = await refused([csv('bom_items.csv', 'product_id;part_id;quantity\nB;P-9;1\n')]);
    expect(issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'part_id',
        message: 'unknown part "P-9" (not in the plant)',
      }),
    ]);
  });

  it('a duplicate id', async () => {
    const issues = await refused(
      withFile(
        'parts.csv',
        'id;description;unit\nP-1;Kabelbaum;pcs\nP-2;Schraube;pcs\nP-1;Nochmal;pcs\nP-3;Sitz;pcs\n',
      ),
    );
    expect(issues).toEqual([
      {
        file: 'parts.csv',
        dataSet: 'parts',
        row: 4,
        column: 'id',
        message: 'duplicate P-1: already in row 2',
      },
    ]);
  });

  it('a negative quantity', async () => {
    const issues = await refused(withFile('stock.csv', 'part_id;on_hand\nP-1;120\nP-2;-5\n'));
    expect(issues).toEqual([
      { file: 'stock.csv', dataSet: 'stock', row: 3, column: 'on_hand', message: '-5 must not be negative' },
    ]);
    const bom = await refused([csv('bom_items.csv', 'product_id,part_id,quantity\nA,P-1,0\n')]);
    expect(bom).toEqual([
      expect.objectContaining({ row: 2, column: 'quantity', message: '0 must be greater than 0' }),
    ]);
  });

  it('a bad date', async () => {
    const orders =
      'id;product_id;quantity;line_id;sequence;due_at\nO-1;A;40;L1;1;2026-11-27T10:00:00Z\nO-3;A;10;L1;3;27.11.2026 10:00\n';
    const issues = await refused(withFile('orders.csv', orders));
    expect(issues).toEqual([
      {
        file: 'orders.csv',
        dataSet: 'orders',
        row: 3,
        column: 'due_at',
        message: '"27.11.2026 10:00" is not a date and time with zone (e.g. 2026-11-27T06:00:00Z)',
      },
    ]);
  });

  it('a missing column', async () => {
    const issues = await refused(withFile('line_rates.csv', 'line_id;product_id\nL1;A\n'));
    expect(issues).toEqual([
      {
        file: 'line_rates.csv',
        dataSet: 'line_rates',
        row: 1,
        column: 'minutes_per_unit',
        message: 'the column minutes_per_unit is missing',
      },
    ]);
  });

  it('a file that is not UTF-8', async () => {
    const latin1 = Buffer.from('id;name\nA;Modell A\nB;Gr\xf6\xdfe B\n', 'latin1');
    const others = filesOf(smallPlant()).filter((file) => file.name !== 'products.csv');
    const issues = await refused([...others, { name: 'products.csv', content: latin1 }]);
    // "ö" in Latin-1 is the byte 0xF6 at position 24, which UTF-8 never has on its own.
    expect(issues).toEqual([
      {
        file: 'products.csv',
        dataSet: 'products',
        row: null,
        column: null,
        message: 'file products.csv is not UTF-8 (byte 24); save it as UTF-8 (CSV UTF-8)',
      },
    ]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id;name\r\n', 'utf16le')]);
    const second = await refused([{ name: 'products.csv', content: utf16 }]);
    expect(second[0]!.message).toBe('file products.csv is not UTF-8 (byte 1); save it as UTF-8 (CSV UTF-8)');
  });

  it('every error at once, in file order, so a person fixes them in one go', async () => {
    const issues = await refused([
      csv('parts.csv', 'id;description;unit;safety_stock\nP-7;;pcs;-1\n'),
      csv('bom_items.csv', 'product_id;part_id;quantity\nA;P-8;x\n'),
    ]);
    expect(issues.map((found) => `${found.file}:${found.row}:${found.column}`)).toEqual([
      'parts.csv:2:description',
      'parts.csv:2:safety_stock',
      'bom_items.csv:2:quantity',
    ]);
  });

  it('a replace that would remove a part the plant still uses', async () => {
    t.ctx.database.sqlite
      .prepare(
        `INSERT INTO inbound_delivery (id, supplier_id, origin_name, origin_lat, origin_lon, slot_start, slot_end, status, created_at, updated_at)
         VALUES ('D-1', 'SUP-1', 'Hamburg', 53.5, 10, 1, 2, 'announced', 0, 0)`,
      )
      .run();
    t.ctx.database.sqlite
      .prepare(
        `INSERT INTO delivery_item (delivery_id, line_no, part_id, quantity_announced) VALUES ('D-1', 1, 'P-3', 5)`,
      )
      .run();
    const issues = await refused(
      [
        csv('parts.csv', 'id;description;unit\nP-1;Kabelbaum;pcs\nP-2;Schraube;pcs\n'),
        csv('bom_items.csv', 'product_id;part_id;quantity\nA;P-1;1\nB;P-1;2\n'),
        csv('supplier_parts.csv', 'supplier_id;supplier_part_number;part_id\nSUP-1;KB-0001;P-1\n'),
        csv('stock.csv', 'part_id;on_hand\nP-1;1\nP-2;2\n'),
      ],
      'replace',
    );
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'parts.csv',
        column: 'id',
        message: expect.stringMatching(/^P-3 is not in the file, but the plant still uses it/),
      }),
    ]);
  });
});

describe('merge and replace', () => {
  it('merge updates by key, keeps rows not named, and takes a product’s BOM as a whole', async () => {
    const outcome = await importPlantFiles(
      t.ctx,
      [
        csv('parts.csv', 'id;description;unit\nP-2;Schraube M8;pcs\nP-4;Mutter;pcs\n'),
        csv('bom_items.csv', 'product_id;part_id;quantity\nA;P-4;3\n'),
      ],
      { mode: 'merge' },
    );
    expect(outcome.committed).toBe(true);
    expect(outcome.dataSets).toEqual([
      expect.objectContaining({ dataSet: 'parts', inserted: 1, updated: 1, deleted: 0 }),
      expect.objectContaining({ dataSet: 'bom_items', inserted: 1, updated: 0, deleted: 2 }),
    ]);
    const sqlite = t.ctx.database.sqlite;
    expect(sqlite.prepare('SELECT id, description FROM part ORDER BY id').all()).toEqual([
      { id: 'P-1', description: 'Kabelbaum' },
      { id: 'P-2', description: 'Schraube M8' },
      { id: 'P-3', description: 'Sitz' },
      { id: 'P-4', description: 'Mutter' },
    ]);
    expect(sqlite.prepare('SELECT product_id, part_id, quantity FROM bom_item ORDER BY 1, 2').all()).toEqual([
      { product_id: 'A', part_id: 'P-4', quantity: 3 },
      { product_id: 'B', part_id: 'P-1', quantity: 2 },
      { product_id: 'B', part_id: 'P-3', quantity: 1 },
    ]);
    expect(t.events.map((entry) => entry.event).filter((name) => name !== 'import.progress')).toEqual([
      'plant.reset',
      'deliveries.changed',
    ]);
  });

  it('replace removes what the file no longer holds; a stock count leaves a correction movement', async () => {
    const outcome = await importPlantFiles(t.ctx, [csv('stock.csv', 'part_id;on_hand\nP-1;100\n')], {
      mode: 'replace',
    });
    expect(outcome.dataSets).toEqual([expect.objectContaining({ dataSet: 'stock', updated: 1, deleted: 2 })]);
    const sqlite = t.ctx.database.sqlite;
    expect(sqlite.prepare('SELECT part_id, on_hand FROM stock').all()).toEqual([
      { part_id: 'P-1', on_hand: 100 },
    ]);
    expect(
      sqlite.prepare("SELECT quantity FROM stock_movement WHERE part_id = 'P-1' ORDER BY id").pluck().all(),
    ).toEqual([120, -20]);
    expect(t.events.filter((entry) => entry.event === 'stock.changed')).toEqual([
      { event: 'stock.changed', payload: { partIds: ['P-1'] } },
    ]);
  });

  it('refuses any import into the demo plant', async () => {
    t.ctx.database.sqlite.prepare('UPDATE site SET is_demo = 1').run();
    const issues = await refused([csv('stock.csv', 'part_id;on_hand\nP-1;1\n')]);
    expect(issues[0]!.message).toMatch(/^the plant is the demo plant/);
  });

  it('an empty database needs the plant file', async () => {
    const empty = await testContext();
    const outcome = await importPlantFiles(empty.ctx, [csv('products.csv', 'id;name\nA;Modell A\n')], {
      mode: 'merge',
    });
    expect(outcome.committed).toBe(false);
    expect(outcome.issues[0]).toMatchObject({
      file: 'plant.csv',
      message: expect.stringMatching(/holds no plant yet/),
    });
    await empty.dispose();
  });

  it('reports progress of the commit with a job id', async () => {
    const jobId = '7d0f6c1e-52f4-4bd1-9d4c-2f1a1c8c7a11';
    await importPlantFiles(t.ctx, filesOf(smallPlant()), { mode: 'merge', jobId });
    const progress = t.events
      .filter((entry) => entry.event === 'import.progress')
      .map((entry) => entry.payload);
    expect(progress[0]).toEqual({ jobId, phase: 'validate', done: 0, total: 14 });
    expect(progress.at(-1)).toEqual({ jobId, phase: 'done', done: 33, total: 33 });
  });
});
