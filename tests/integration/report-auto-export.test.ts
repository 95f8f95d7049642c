import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { procedures } from '../../src-main/api/procedures/index';
import { callProcedure } from '../../src-main/api/registry';
import { type AutoExportScheduler, startAutoExport } from '../../src-main/reports/autoExport';
import { testContext } from '../support/testContext';
import { loadReportPlant, localMinute } from './report-plant';

const DAY = '2026-11-27';
const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
let t: Awaited<ReturnType<typeof testContext>>;
let folder: string;
const schedulers: AutoExportScheduler[] = [];

const call = (name: string, input: unknown) =>
  callProcedure(t.ctx, procedures, name, input, { transport: 'internal', access: 'write' }, silent);

// A long interval: the tests drive the scheduler through check() and clock ticks, not by waiting.
const start = () => {
  const scheduler = startAutoExport(t.ctx, { logger: silent, intervalMs: 3_600_000 });
  schedulers.push(scheduler);
  return scheduler;
};

const exportedRows = () =>
  t.ctx.database.db
    .selectFrom('eventLog')
    .selectAll()
    .where('kind', '=', 'report.exported')
    .orderBy('id')
    .execute();

beforeEach(async () => {
  t = await testContext(localMinute(DAY, 13 * 60));
  await loadReportPlant(t.ctx, { day: DAY, count: 48 });
  folder = t.folder.file('exports');
  mkdirSync(folder);
});
afterEach(async () => {
  for (const scheduler of schedulers.splice(0)) await scheduler.stop();
  await t.dispose();
});

describe('the automatic export settings', () => {
  it('refuses a folder that is missing, relative or a file, naming it', async () => {
    const file = t.folder.file('not-a-folder.txt');
    writeFileSync(file, 'x');
    for (const [path, reason] of [
      [t.folder.file('missing'), 'does not exist'],
      ['exports', 'not an absolute path'],
      [file, 'is a file'],
    ] as const) {
      const result = await call('reports.setAutoExport', { folder: path, formats: ['pdf'], enabled: true });
      expect(!result.ok && result.error).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining(reason),
      });
    }
    expect((await call('reports.autoExportSettings', {})) as unknown).toMatchObject({
      ok: true,
      value: { settings: { enabled: false } },
    });
  });

  it('refuses a folder it may not write into', async () => {
    if (process.getuid?.() === 0) return; // root may write anywhere: nothing to refuse.
    chmodSync(folder, 0o500);
    const result = await call('reports.setAutoExport', { folder, formats: ['pdf'], enabled: true });
    chmodSync(folder, 0o700);
    expect(!result.ok && result.error.message).toMatch(/may not write/);
  });

  it('is a write: a viewer may read the settings but not change them', async () => {
    const viewer = { transport: 'http', access: 'read' } as const;
    expect((await callProcedure(t.ctx, procedures, 'reports.autoExportSettings', {}, viewer)).ok).toBe(true);
    const refused = await callProcedure(
      t.ctx,
      procedures,
      'reports.setAutoExport',
      { folder, formats: ['pdf'], enabled: true },
      viewer,
    );
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
  });
});

describe('the automatic export at the shift end', () => {
  it('writes the ended shift once, atomically, and logs it', async () => {
    const saved = await call('reports.setAutoExport', {
      folder,
      formats: ['xlsx', 'csv', 'pdf'],
      enabled: true,
    });
    expect(saved.ok).toBe(true);
    const scheduler = start();
    // 13:00: the early shift runs until 14:00; nothing to write.
    expect(await scheduler.check()).toBeNull();
    expect(readdirSync(folder)).toEqual([]);

    t.clock.set(localMinute(DAY, 14 * 60 + 1));
    const exported = await scheduler.check();
    expect(exported).toMatchObject({ day: DAY, shiftId: 'frueh' });
    expect(readdirSync(folder).sort()).toEqual([
      'Anlieferungen_2026-11-27_frueh.csv',
      'Anlieferungen_2026-11-27_frueh.pdf',
      'Anlieferungen_2026-11-27_frueh.xlsx',
    ]);
    expect(readFileSync(join(folder, 'Anlieferungen_2026-11-27_frueh.pdf')).subarray(0, 5).toString()).toBe(
      '%PDF-',
    );
    // XLSX is a zip; the German CSV (the default for the folder) has its BOM and semicolons.
    expect(readFileSync(join(folder, 'Anlieferungen_2026-11-27_frueh.xlsx')).subarray(0, 2).toString()).toBe(
      'PK',
    );
    const csv = readFileSync(join(folder, 'Anlieferungen_2026-11-27_frueh.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFLieferavis;Lieferant;')).toBe(true);
    // Slots every two hours at four doors: 06:00, 08:00, 10:00 and 12:00 fall into the early shift.
    expect(csv.trim().split('\r\n').length - 1).toBe(16);

    const rows = await exportedRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'report.exported',
      entityType: 'report',
      entityId: `${DAY}/frueh`,
    });
    expect(JSON.parse(rows[0]!.payload!).files).toHaveLength(3);
    expect(t.events.filter((e) => e.event === 'reports.exported')).toEqual([
      { event: 'reports.exported', payload: { day: DAY, shiftId: 'frueh', ok: true } },
    ]);

    // Once only.
    t.clock.set(localMinute(DAY, 14 * 60 + 30));
    expect(await scheduler.check()).toBeNull();
    expect(await exportedRows()).toHaveLength(1);
  });

  it('follows the plant clock: a clock tick past the shift end writes the report', async () => {
    await call('reports.setAutoExport', { folder, formats: ['pdf'], enabled: true });
    const scheduler = start();
    await scheduler.check();
    const written = new Promise((resolve) => t.ctx.bus.on('reports.exported', resolve));
    t.clock.set(localMinute(DAY, 14 * 60));
    t.ctx.bus.emit('clock.tick', { now: t.clock.now(), speed: 60 });
    expect(await written).toEqual({ day: DAY, shiftId: 'frueh', ok: true });
    expect(readdirSync(folder)).toEqual(['Anlieferungen_2026-11-27_frueh.pdf']);
  });

  it('catches up once after a restart, with the shift that ended last', async () => {
    await call('reports.setAutoExport', { folder, formats: ['pdf'], enabled: true });
    const first = start();
    await first.check();
    t.clock.set(localMinute(DAY, 14 * 60 + 5));
    expect(await first.check()).toMatchObject({ shiftId: 'frueh' });
    await first.stop();

    // Closed over the evening and the night: the late shift (22:00) and the night (06:00) ended.
    t.clock.set(localMinute('2026-11-28', 7 * 60));
    const second = start();
    expect(await second.check()).toBeNull(); // the start's own run got there first
    const rows = await exportedRows();
    expect(rows.map((row) => row.entityId)).toEqual([`${DAY}/frueh`, `${DAY}/nacht`]);
    expect(readdirSync(folder).sort()).toEqual([
      'Anlieferungen_2026-11-27_frueh.pdf',
      'Anlieferungen_2026-11-27_nacht.pdf',
    ]);
  });

  it('does not write shifts that ended before it was switched on, nor while it is off', async () => {
    const scheduler = start();
    t.clock.set(localMinute(DAY, 14 * 60 + 5));
    expect(await scheduler.check()).toBeNull();
    await call('reports.setAutoExport', { folder, formats: ['pdf'], enabled: true });
    expect(await scheduler.check()).toBeNull();
    await call('reports.setAutoExport', { folder, formats: ['pdf'], enabled: false });
    t.clock.set(localMinute(DAY, 22 * 60 + 5));
    expect(await scheduler.check()).toBeNull();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('records a folder that disappeared as a failed export and goes on', async () => {
    await call('reports.setAutoExport', { folder, formats: ['pdf'], enabled: true });
    const scheduler = start();
    await scheduler.check();
    const { rmSync } = await import('node:fs');
    rmSync(folder, { recursive: true });
    t.clock.set(localMinute(DAY, 14 * 60 + 5));
    expect(await scheduler.check()).toBeNull();
    const failed = await t.ctx.database.db
      .selectFrom('eventLog')
      .selectAll()
      .where('kind', '=', 'report.exportFailed')
      .execute();
    expect(failed).toHaveLength(1);
    expect(JSON.parse(failed[0]!.payload!).error).toMatch(/does not exist/);
    const overview = await call('reports.autoExportSettings', {});
    expect(overview.ok && (overview.value as { recent: { ok: boolean }[] }).recent[0]).toMatchObject({
      ok: false,
    });
  });
});
