import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../../src-main/api/events';
import type { AppContext } from '../../src-main/app/context';
import { openDatabase } from '../../src-main/db/connection';
import { renderReport } from '../../src-main/reports/exportReport';
import { loadDeliveryReport } from '../../src-main/reports/loadReport';
import { loadReportPlant, localMinute } from '../integration/report-plant';
import { type BenchFigure, percentile } from './table';

// Issue 8's figures: a day with 500 deliveries exported to XLSX, CSV and PDF, each from reading
// the report out of the database to the finished file (median of 5 runs after one warm-up).
// Target: at most 2 s each. The read alone is printed as the baseline.

const DAY = '2026-11-27';
const RUNS = 5;
const TARGET_MS = 2000;

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

export async function reportsBench(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'leitstand-bench-reports-'));
  const database = await openDatabase({ path: join(dir, 'plant.db') });
  const now = localMinute('2026-11-28', 8 * 60);
  const ctx: AppContext = { database, bus: new EventBus(), clock: { now: () => now, speed: 1 } };
  try {
    await loadReportPlant(ctx, { day: DAY, count: 500 });
    const read = await median(() => loadDeliveryReport(ctx, { day: DAY }));
    const baseline = { name: 'reading the report', value: read };
    const figures: BenchFigure[] = [
      { area: 'reports', name: 'read the report of a day with 500 deliveries', value: read, unit: 'ms' },
    ];
    for (const [label, options] of [
      ['XLSX', { format: 'xlsx' }],
      ['CSV', { format: 'csv', delimiter: ',' }],
      ['CSV (;)', { format: 'csv', delimiter: ';' }],
      ['PDF', { format: 'pdf' }],
    ] as const) {
      let bytes = 0;
      const ms = await median(async () => {
        const report = await loadDeliveryReport(ctx, { day: DAY });
        bytes = (await renderReport(report, options)).content.length;
      });
      console.error(
        `[bench] reports: ${label} ${ms.toFixed(0)} ms (target ≤ ${TARGET_MS} ms), ${(bytes / 1024).toFixed(0)} KiB`,
      );
      figures.push({
        area: 'reports',
        name: `day with 500 deliveries exported to ${label}`,
        value: ms,
        unit: 'ms',
        target: { value: TARGET_MS, direction: 'lower' },
        baseline,
      });
      figures.push({
        area: 'reports',
        name: `${label} file size (500 deliveries)`,
        value: bytes / 1024,
        unit: 'KiB',
      });
    }
    return figures;
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
