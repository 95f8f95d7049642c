import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { procedures } from '../../src-main/api/procedures/index';
import { type Caller, callProcedure } from '../../src-main/api/registry';
import { loadDemoPlant } from '../../src-main/demo/load';
import { demoWasRemoved } from '../../src-main/imports/plant/removeDemo';
import { testContext } from '../support/testContext';
import { databaseHash, filesOf, smallPlant } from './plant-import-support';

// The plantData procedures as the settings view calls them: templates, export, preview, a chunked
// upload of a file bigger than one request, and the import.

const desk: Caller = { transport: 'internal', access: 'write' };
const viewer: Caller = { transport: 'http', access: 'read' };
const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };

let t: Awaited<ReturnType<typeof testContext>>;
beforeEach(async () => {
  t = await testContext();
});
afterEach(() => t.dispose());

async function call<T>(name: string, input: unknown, caller = desk): Promise<T> {
  const result = await callProcedure(t.ctx, procedures, name, input, caller, silent);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

interface Files {
  files: { name: string; contentBase64: string }[];
}
interface Outcome {
  committed: boolean;
  issues: { file: string; row: number | null; column: string | null; message: string }[];
  dataSets: { dataSet: string; rows: number; inserted: number }[];
}

const inline = () =>
  filesOf(smallPlant()).map((file) => ({ name: file.name, contentBase64: file.content.toString('base64') }));

describe('plantData procedures', () => {
  it('hands out templates with the header row alone, as CSV and XLSX', async () => {
    const csv = await call<Files>('plantData.templates', { format: 'csv' }, viewer);
    expect(csv.files).toHaveLength(14);
    const bom = csv.files.find((file) => file.name === 'bom_items.csv')!;
    expect(Buffer.from(bom.contentBase64, 'base64').toString('utf8')).toBe(
      '\uFEFFproduct_id;part_id;quantity\r\n',
    );
    const xlsx = await call<Files>('plantData.templates', { format: 'xlsx' }, viewer);
    expect(xlsx.files.map((file) => file.name)).toEqual(['leitstand-plant.xlsx']);
  });

  it('previews without writing, imports, and exports what was imported', async () => {
    const before = databaseHash(t.ctx.database.sqlite);
    const preview = await call<Outcome>('plantData.preview', { files: inline() });
    expect(preview.committed).toBe(false);
    expect(preview.issues).toEqual([]);
    expect(preview.dataSets.find((set) => set.dataSet === 'bom_items')).toMatchObject({
      rows: 4,
      inserted: 4,
    });
    expect(databaseHash(t.ctx.database.sqlite)).toBe(before);

    const jobId = randomUUID();
    const imported = await call<Outcome>('plantData.import', { files: inline(), mode: 'merge', jobId });
    expect(imported.committed).toBe(true);
    expect(
      t.events.some(
        (entry) =>
          entry.event === 'import.progress' &&
          entry.payload &&
          'jobId' in entry.payload &&
          entry.payload.jobId === jobId,
      ),
    ).toBe(true);

    // The whole master data (partner contacts included) is the desk's, not a wall screen's.
    const forViewer = await callProcedure(
      t.ctx,
      procedures,
      'plantData.export',
      { format: 'csv' },
      viewer,
      silent,
    );
    expect(!forViewer.ok && forViewer.error.code).toBe('FORBIDDEN');
    const exported = await call<Files>('plantData.export', {
      format: 'csv',
      dataSets: ['parts', 'bom_items'],
    });
    expect(exported.files.map((file) => file.name)).toEqual(['parts.csv', 'bom_items.csv']);
    const bom = Buffer.from(exported.files[1]!.contentBase64, 'base64').toString('utf8');
    expect(bom).toBe('\uFEFFproduct_id;part_id;quantity\r\nA;P-1;1\r\nA;P-2;12\r\nB;P-1;2\r\nB;P-3;1\r\n');
  });

  it('takes a big file in chunks under an upload id', async () => {
    await call<Outcome>('plantData.import', { files: inline() });
    const rows = Array.from(
      { length: 40_000 },
      (_, i) => `P-${i};Teil ${i} mit einer längeren Beschreibung;pcs`,
    );
    const content = Buffer.from(`id;description;unit\n${rows.join('\n')}\n`, 'utf8');
    const base64 = content.toString('base64');
    const size = 700 * 1024;
    const count = Math.ceil(base64.length / size);
    expect(count).toBeGreaterThan(1);
    const uploadId = randomUUID();
    for (let index = 0; index < count; index++) {
      // Chunks are cut at multiples of 4 base64 characters, so each decodes on its own.
      const chunkBase64 = base64.slice(index * size, (index + 1) * size);
      await call('plantData.upload', { uploadId, index, count, chunkBase64 });
    }
    const outcome = await call<Outcome>('plantData.import', { files: [{ name: 'parts.csv', uploadId }] });
    expect(outcome.issues).toEqual([]);
    expect(outcome.dataSets).toEqual([expect.objectContaining({ dataSet: 'parts', rows: 40_000 })]);
    const again = await callProcedure(
      t.ctx,
      procedures,
      'plantData.preview',
      { files: [{ name: 'parts.csv', uploadId }] },
      desk,
      silent,
    );
    expect(!again.ok && again.error.code).toBe('NOT_FOUND');
  });

  it('refuses an import from a read-only connection and inline files over the request size', async () => {
    const refused = await callProcedure(
      t.ctx,
      procedures,
      'plantData.import',
      { files: inline() },
      viewer,
      silent,
    );
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    const big = await callProcedure(
      t.ctx,
      procedures,
      'plantData.preview',
      { files: [{ name: 'parts.csv', contentBase64: 'A'.repeat(800 * 1024) }] },
      desk,
      silent,
    );
    expect(!big.ok && big.error.code).toBe('INVALID_INPUT');
  });

  it('removes the demo plant in one go, leaving an empty plant that takes an import', async () => {
    await loadDemoPlant(t.ctx.database, { seed: 20261127, now: Date.UTC(2026, 10, 27, 8) });
    const refusedWithout = await callProcedure(t.ctx, procedures, 'plant.removeDemo', {}, desk, silent);
    expect(!refusedWithout.ok && refusedWithout.error.code).toBe('INVALID_INPUT');
    const importIntoDemo = await call<Outcome>('plantData.preview', { files: inline() });
    expect(importIntoDemo.issues[0]!.message).toMatch(/^the plant is the demo plant/);

    const removed = await call<{ removedRows: number }>('plant.removeDemo', { confirm: true });
    expect(removed.removedRows).toBeGreaterThan(1000);
    const sqlite = t.ctx.database.sqlite;
    const counts = (
      sqlite
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND name <> 'setting'",
        )
        .pluck()
        .all() as string[]
    ).map(
      (table) => [table, sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number] as const,
    );
    expect(counts.filter(([, count]) => count > 0)).toEqual([]);
    expect(sqlite.prepare("SELECT key FROM setting WHERE key LIKE 'demo.%'").all()).toEqual([]);
    expect(demoWasRemoved(sqlite)).toBe(true);
    expect(t.events.map((entry) => entry.event)).toContain('plant.reset');

    expect((await call<Outcome>('plantData.import', { files: inline() })).committed).toBe(true);
    const again = await callProcedure(t.ctx, procedures, 'plant.removeDemo', { confirm: true }, desk, silent);
    expect(!again.ok && again.error.code).toBe('CONFLICT');
  });

  it('loads the demo into an empty plant only (first run), and the sync status reads empty', async () => {
    expect(await call('plantData.syncStatus', {}, viewer)).toEqual({});
    const loaded = await call<{ loaded: boolean }>('plant.loadDemo', {});
    expect(loaded.loaded).toBe(true);
    expect(t.ctx.database.sqlite.prepare('SELECT is_demo FROM site').pluck().get()).toBe(1);
    expect(t.events).toContainEqual({ event: 'plant.reset', payload: { demo: true } });
    const twice = await callProcedure(t.ctx, procedures, 'plant.loadDemo', {}, desk, silent);
    expect(!twice.ok && twice.error.code).toBe('CONFLICT');
  });
});
