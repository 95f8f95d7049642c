import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../../src-main/api/events';
import { procedures } from '../../src-main/api/procedures/index';
import { callProcedure } from '../../src-main/api/registry';
import type { AppContext } from '../../src-main/app/context';
import { openDatabase, type PlantDatabase } from '../../src-main/db/connection';
import { deliveryTrack, listDeliveries } from '../../src-main/db/repositories/deliveries';
import { runPositionRetention } from '../../src-main/services/retention/positionRetention';
import { historyDeliveryId, writeYearOfHistory } from '../support/yearOfHistory';
import { type BenchFigure, percentile } from './table';

// Issue 9, part 3: a year of history — 150 deliveries a day for 365 days with items, status
// events and 10 million raw GPS fixes (one a minute, before retention) — and the hot reads on it:
// the daily report ≤ 200 ms and the map load ≤ 300 ms (p95 over many days and runs), the
// deliveries of a day, one delivery's track; then the retention pass over the raw table and the
// size it leaves. The Kysely path of the deliveries of a day is printed against the same SQL as a
// raw better-sqlite3 prepared statement, its baseline.

const AREA = 'history';
const NOW = Date.UTC(2026, 10, 27, 10, 0);
const DAY_MS = 24 * 3_600_000;
const RUNS = 40;
const MiB = 1024 * 1024;

const logger = { error: () => undefined, warn: () => undefined, info: () => undefined };

async function timed(runs: number, run: (index: number) => unknown) {
  await run(0);
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await run(index);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Another day of the year each run: a report reads cold pages as a supervisor's would. */
const dayOf = (index: number) =>
  new Date(NOW - (1 + ((index * 37) % 360)) * DAY_MS).toISOString().slice(0, 10);

async function call(ctx: AppContext, name: string, input: unknown) {
  const result = await callProcedure(
    ctx,
    procedures,
    name,
    input,
    { transport: 'internal', access: 'read' },
    logger,
  );
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

const fileSize = (database: PlantDatabase) => {
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return statSync(database.path).size;
};

const liveBytes = (database: PlantDatabase) => {
  const pages = database.sqlite.pragma('page_count', { simple: true }) as number;
  const free = database.sqlite.pragma('freelist_count', { simple: true }) as number;
  const pageSize = database.sqlite.pragma('page_size', { simple: true }) as number;
  return (pages - free) * pageSize;
};

export async function historyBench(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'leitstand-bench-history-'));
  const database = await openDatabase({ path: join(dir, 'year.db') });
  const ctx: AppContext = { database, bus: new EventBus(), clock: { now: () => NOW, speed: 1 } };
  const figures: BenchFigure[] = [];
  const add = (figure: Omit<BenchFigure, 'area'>) => {
    figures.push({ area: AREA, ...figure });
    console.error(`[bench] ${AREA}: ${figure.name}: ${figure.value.toFixed(2)} ${figure.unit}`);
  };
  try {
    const started = performance.now();
    const year = writeYearOfHistory(database.sqlite, { now: NOW });
    const buildMs = performance.now() - started;
    add({
      name: `build a year: ${year.deliveries} deliveries, ${year.positions} raw positions (prepared statements)`,
      value: buildMs / 1000,
      unit: 's',
      target: { value: 90, direction: 'lower' },
    });
    add({ name: 'raw positions written per second', value: year.positions / (buildMs / 1000), unit: '/s' });
    add({ name: 'database size with a year of raw positions', value: fileSize(database) / MiB, unit: 'MiB' });

    const report = await timed(RUNS, (index) => call(ctx, 'reports.delivery', { day: dayOf(index) }));
    add({ name: 'daily report (reports.delivery, 150 deliveries), p50', value: report.p50, unit: 'ms' });
    add({
      name: 'daily report (reports.delivery), p95 over 40 days of the year',
      value: report.p95,
      unit: 'ms',
      target: { value: 200, direction: 'lower' },
    });
    const overview = await timed(RUNS, (index) => call(ctx, 'reports.dayOverview', { day: dayOf(index) }));
    add({
      name: 'day overview (reports.dayOverview), p95',
      value: overview.p95,
      unit: 'ms',
      target: { value: 200, direction: 'lower' },
    });
    const map = await timed(RUNS, () => call(ctx, 'trucks.live', {}));
    add({ name: 'map load (trucks.live), p50', value: map.p50, unit: 'ms' });
    add({
      name: 'map load (trucks.live), p95',
      value: map.p95,
      unit: 'ms',
      target: { value: 300, direction: 'lower' },
    });

    // The baseline: the same SQL Kysely sends, as one raw prepared statement.
    const range = (index: number) => {
      const from = Math.floor(NOW / DAY_MS) * DAY_MS - (1 + ((index * 37) % 360)) * DAY_MS;
      return { from, to: from + DAY_MS };
    };
    const kyselyDay = await timed(RUNS, (index) =>
      listDeliveries(database.db, { ...range(index), limit: 200, offset: 0 }),
    );
    const { list, count } = await capturedListSql(database, range(0));
    const rawList = database.sqlite.prepare(list);
    const rawCount = database.sqlite.prepare(count);
    const rawDay = await timed(RUNS, (index) => {
      const { from, to } = range(index);
      rawList.all(from, to, 200, 0);
      rawCount.get(from, to);
    });
    add({
      name: 'deliveries of a day: raw better-sqlite3 prepared statements, p50',
      value: rawDay.p50,
      unit: 'ms',
    });
    add({
      name: 'deliveries of a day (deliveries.list through Kysely), p50',
      value: kyselyDay.p50,
      unit: 'ms',
      baseline: { name: 'raw prepared statement', value: rawDay.p50 },
    });
    add({
      name: 'deliveries of a day (deliveries.list through Kysely), p95',
      value: kyselyDay.p95,
      unit: 'ms',
      baseline: { name: 'raw prepared statement p95', value: rawDay.p95 },
    });
    const viaProcedure = await timed(RUNS, (index) =>
      call(ctx, 'deliveries.list', { ...range(index), limit: 200 }),
    );
    add({
      name: 'deliveries.list of a day, whole procedure (zod, punctuality), p95',
      value: viaProcedure.p95,
      unit: 'ms',
    });

    const detail = await timed(RUNS, () => call(ctx, 'deliveries.get', { id: year.onTheRoadId }));
    add({ name: 'delivery detail with its 12-h track (deliveries.get), p95', value: detail.p95, unit: 'ms' });
    const oldTrack = await timed(RUNS, (index) =>
      deliveryTrack(database.db, historyDeliveryId(index % 300, 7), 0),
    );
    add({ name: 'whole raw track of one past delivery (186 fixes), p95', value: oldTrack.p95, unit: 'ms' });

    const before = database.sqlite.prepare('SELECT count(*) AS n FROM position').get() as { n: number };
    const retentionStarted = performance.now();
    const running = runPositionRetention(database.sqlite, NOW);
    // The map keeps asking while the pass runs, as an open Map view does: how long it waits.
    const during = await mapLoadsWhile(ctx, running);
    const pass = await running;
    const retentionMs = performance.now() - retentionStarted;
    const after = database.sqlite.prepare('SELECT count(*) AS n FROM position').get() as { n: number };
    add({
      name: `first retention pass over the raw year: ${pass.deleted} fixes deleted in ${pass.transactions} transactions`,
      value: retentionMs / 1000,
      unit: 's',
    });
    add({
      name: `map load while the retention pass runs, p99 of ${during.calls} calls`,
      value: during.p99,
      unit: 'ms',
      target: { value: 300, direction: 'lower' },
      baseline: { name: 'map load p95 without it', value: map.p95 },
    });
    add({
      name: 'longest single retention transaction (the write lock held at a stretch)',
      value: pass.longestTransactionMs,
      unit: 'ms',
      target: { value: 250, direction: 'lower' },
    });
    add({
      name: 'positions kept after retention',
      value: after.n,
      unit: 'positions',
      baseline: { name: 'raw', value: before.n },
    });
    const nextPass = performance.now();
    const again = await runPositionRetention(database.sqlite, NOW + 6 * 3_600_000, { since: pass.watermark });
    add({
      name: `next pass six hours later (from the watermark, ${again.deleted} deleted)`,
      value: performance.now() - nextPass,
      unit: 'ms',
    });
    add({ name: 'live data after retention (pages in use)', value: liveBytes(database) / MiB, unit: 'MiB' });
    const vacuumStarted = performance.now();
    database.sqlite.exec('VACUUM');
    add({
      name: 'VACUUM after the first pass (once, by hand)',
      value: (performance.now() - vacuumStarted) / 1000,
      unit: 's',
    });
    add({ name: 'database size after retention and VACUUM', value: fileSize(database) / MiB, unit: 'MiB' });
    const reportAfter = await timed(RUNS, (index) => call(ctx, 'reports.delivery', { day: dayOf(index) }));
    add({
      name: 'daily report after retention, p95',
      value: reportAfter.p95,
      unit: 'ms',
      target: { value: 200, direction: 'lower' },
    });
    const mapAfter = await timed(RUNS, () => call(ctx, 'trucks.live', {}));
    add({
      name: 'map load after retention, p95',
      value: mapAfter.p95,
      unit: 'ms',
      target: { value: 300, direction: 'lower' },
    });
    return figures;
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** trucks.live every 20 ms until `work` settles: the answers' p99 and their count. */
async function mapLoadsWhile(ctx: AppContext, work: Promise<unknown>) {
  let done = false;
  void work.finally(() => {
    done = true;
  });
  const times: number[] = [];
  while (!done) {
    const started = performance.now();
    await call(ctx, 'trucks.live', {});
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  times.sort((a, b) => a - b);
  return { p99: percentile(times, 99), calls: times.length };
}

/**
 * The two statements listDeliveries sends for a day range, exactly as Kysely compiles them
 * (caught at the connection's prepare), for the raw baseline.
 */
async function capturedListSql(database: PlantDatabase, range: { from: number; to: number }) {
  const { sqlite } = database;
  const original = sqlite.prepare;
  const seen: string[] = [];
  sqlite.prepare = ((source: string) => {
    seen.push(source);
    return original.call(sqlite, source);
  }) as typeof sqlite.prepare;
  try {
    await listDeliveries(database.db, { ...range, limit: 200, offset: 0 });
  } finally {
    sqlite.prepare = original;
  }
  const list = seen.find((source) => !/count\(\*\)/.test(source));
  const count = seen.find((source) => /count\(\*\)/.test(source));
  // The baseline binds (from, to, limit, offset) and (from, to): the shape of a day's filter.
  if (!list || !count || (list.match(/\?/g) ?? []).length !== 4 || (count.match(/\?/g) ?? []).length !== 2) {
    throw new Error('deliveries.list no longer sends the two statements the baseline replays');
  }
  return { list, count };
}
