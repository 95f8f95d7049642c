import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportPlantFiles } from '../../src-main/imports/plant/exportPlant';
import { type FolderSync, startFolderSync, syncDataSetOf } from '../../src-main/imports/plant/folderWatch';
import { importPlantFiles } from '../../src-main/imports/plant/plantImport';
import { readSyncStatus } from '../../src-main/imports/plant/syncStatus';
import { updateSettings } from '../../src-main/services/settings/updateSettings';
import { tempFolder } from '../support/tempDatabase';
import { testContext } from '../support/testContext';
import { databaseHash, filesOf, smallPlant } from './plant-import-support';

// The ERP drops stock and order files into the sync folder: good ones are imported and move to
// processed/, bad ones change nothing and move to failed/ with their errors beside them.

const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
let t: Awaited<ReturnType<typeof testContext>>;
let drop: ReturnType<typeof tempFolder>;
let sync: FolderSync | null = null;
let wall = 0;

beforeEach(async () => {
  t = await testContext();
  drop = tempFolder('leitstand-sync-');
  expect((await importPlantFiles(t.ctx, filesOf(smallPlant()), { mode: 'merge' })).committed).toBe(true);
  updateSettings(t.ctx, { sync: { folder: drop.dir, scanSeconds: 3600 } });
  t.events.length = 0;
});
afterEach(async () => {
  await sync?.stop();
  sync = null;
  drop.remove();
  await t.dispose();
});

/** A sync driven by hand: two looks at a settled file, `stableMs` apart by the test's wall clock. */
async function settle() {
  sync ??= startFolderSync(t.ctx, { logger: silent, stableMs: 1000, wallNow: () => wall });
  await sync.scanNow();
  wall += 1000;
  await sync.scanNow();
}

const onHand = (partId: string) =>
  t.ctx.database.sqlite.prepare('SELECT on_hand FROM stock WHERE part_id = ?').pluck().get(partId);

describe('the sync folder', () => {
  it('knows stock and order files by name', () => {
    expect(syncDataSetOf('Bestand_20261127.csv')).toBe('stock');
    expect(syncDataSetOf('stock.xlsx')).toBe('stock');
    expect(syncDataSetOf('orders-0815.CSV')).toBe('orders');
    expect(syncDataSetOf('Aufträge.csv')).toBe('orders');
    expect(syncDataSetOf('parts.csv')).toBeNull();
    expect(syncDataSetOf('stock.txt')).toBeNull();
  });

  it('imports a good stock file once it has settled and moves it to processed/', async () => {
    writeFileSync(join(drop.dir, 'Bestand_0700.csv'), 'part_id;on_hand\nP-1;77\nP-2;3900\n');
    sync = startFolderSync(t.ctx, { logger: silent, stableMs: 1000, wallNow: () => wall });
    await sync.scanNow();
    expect(onHand('P-1')).toBe(120); // seen once: it may still be growing
    await settle();
    expect(onHand('P-1')).toBe(77);
    expect(readdirSync(drop.dir).sort()).toEqual(['processed']);
    expect(readdirSync(join(drop.dir, 'processed'))).toEqual(['Bestand_0700.csv']);
    expect(readSyncStatus(t.ctx.database.sqlite)).toEqual({
      stock: { lastGood: { file: 'Bestand_0700.csv', at: t.clock.now() }, lastError: null },
    });
    const names = t.events.map((entry) => entry.event).filter((name) => name !== 'import.progress');
    expect(names).toEqual(['deliveries.changed', 'stock.changed', 'settings.changed']);
  });

  it('waits while a file still grows', async () => {
    const path = join(drop.dir, 'orders.csv');
    writeFileSync(path, 'id;product_id;quantity;line_id;sequence;due_at\n');
    sync = startFolderSync(t.ctx, { logger: silent, stableMs: 1000, wallNow: () => wall });
    await sync.scanNow();
    // It grew before the second look: the clock of stability starts again.
    writeFileSync(
      path,
      'id;product_id;quantity;line_id;sequence;due_at\nO-9;A;5;L2;1;2026-11-28T06:00:00Z\n',
    );
    wall += 1000;
    await sync.scanNow();
    expect(existsSync(path)).toBe(true);
    wall += 1000;
    await sync.scanNow();
    expect(existsSync(path)).toBe(false);
    expect(
      t.ctx.database.sqlite.prepare("SELECT line_id FROM production_order WHERE id = 'O-9'").pluck().get(),
    ).toBe('L2');
  });

  it('refuses a bad file without changing anything, moves it to failed/ and keeps the last good one', async () => {
    writeFileSync(join(drop.dir, 'stock-1.csv'), 'part_id;on_hand\nP-1;80\n');
    await settle();
    const before = databaseHash(t.ctx.database.sqlite, ['sync.status']);
    t.clock.set(t.clock.now() + 60_000);
    writeFileSync(join(drop.dir, 'stock-2.csv'), 'part_id;on_hand\nP-1;81\nP-404;5\nP-2;-1\n');
    await settle();
    const status = readSyncStatus(t.ctx.database.sqlite).stock!;
    expect(databaseHash(t.ctx.database.sqlite, ['sync.status'])).toBe(before);
    expect(onHand('P-1')).toBe(80);
    expect(status.lastGood).toMatchObject({ file: 'stock-1.csv' });
    expect(status.lastError).toEqual({
      file: 'stock-2.csv',
      at: t.clock.now(),
      message: 'stock-2.csv, row 3, column part_id: unknown part "P-404" (not in the plant)',
      issues: [
        'stock-2.csv, row 3, column part_id: unknown part "P-404" (not in the plant)',
        'stock-2.csv, row 4, column on_hand: -1 must not be negative',
      ],
    });
    expect(readdirSync(join(drop.dir, 'failed')).sort()).toEqual(['stock-2.csv', 'stock-2.csv.errors.txt']);
    expect(readFileSync(join(drop.dir, 'failed', 'stock-2.csv.errors.txt'), 'utf8')).toMatch(/P-404/);
  });

  it('refuses a file that is not what its name says, and other data sets than stock and orders', async () => {
    writeFileSync(join(drop.dir, 'stock.csv'), 'id;name\nZ;Z\n');
    const [parts] = await exportPlantFiles(t.ctx.database.sqlite, 'xlsx', ['parts']);
    writeFileSync(join(drop.dir, 'orders.xlsx'), parts!.content);
    const before = databaseHash(t.ctx.database.sqlite, ['sync.status']);
    await settle();
    const status = readSyncStatus(t.ctx.database.sqlite);
    expect(status.stock?.lastError?.message).toBe(
      'stock.csv, row 1, column part_id: the column part_id is missing',
    );
    expect(status.orders?.lastError?.message).toBe('orders.xlsx › parts: only orders may come this way');
    expect(databaseHash(t.ctx.database.sqlite, ['sync.status'])).toBe(before);
  });

  it('notices a new file through the watcher and follows a changed folder setting', async () => {
    const other = tempFolder('leitstand-sync-other-');
    try {
      sync = startFolderSync(t.ctx, { logger: silent, stableMs: 20 });
      updateSettings(t.ctx, { sync: { folder: other.dir } });
      const done = new Promise<void>((resolve) => {
        const off = t.ctx.bus.on('settings.changed', ({ keys }) => {
          if (keys.includes('sync.status')) {
            off();
            resolve();
          }
        });
      });
      writeFileSync(join(other.dir, 'stock.csv'), 'part_id;on_hand\nP-3;36\n');
      await done;
      expect(onHand('P-3')).toBe(36);
      expect(existsSync(join(other.dir, 'processed', 'stock.csv'))).toBe(true);
    } finally {
      await sync?.stop();
      sync = null;
      other.remove();
    }
  });
});
