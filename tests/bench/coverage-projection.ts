import { loadDemoPlant } from '../../src-main/demo/load';
import { randomInstance } from '../../src-main/domain/reschedule/index';
import { buildCoverageState } from '../../src-main/services/coverage/coverageState';
import { buildPlantInstance } from '../../src-main/services/coverage/instanceFromPlant';
import { CoverageProjector } from '../../src-main/services/coverage/projector';
import { plantFromInstance, syntheticSupplyRow } from '../support/syntheticPlant';
import { testContext } from '../support/testContext';
import { type BenchFigure, percentile } from './table';

// Issue 3's projection figure: at plant scale, how long the coverage projection takes to follow a
// single truck's ETA change (patch the supplies, re-evaluate the plan with its trace, derive the
// projection), against building it from scratch; and a full rebuild from the demo database.

const PLANT_SCALE = { lines: 20, orders: 600, parts: 400, partsPerProduct: 12, horizon: 2880 };
const ORIGIN = Date.UTC(2026, 10, 27, 6, 0);
const ETA_CHANGES = 300;
const REBUILDS = 30;

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export async function coverageBench(): Promise<BenchFigure[]> {
  const instance = randomInstance(3, PLANT_SCALE);
  const plant = plantFromInstance(instance, ORIGIN);
  // The projector's in-memory path: no database behind it, only its bus (coverage.changed).
  const t = await testContext(ORIGIN);
  const projector = new CoverageProjector(t.ctx);
  projector.load(plant);

  const rebuilds: number[] = [];
  for (let i = 0; i < REBUILDS; i++) {
    const started = performance.now();
    buildCoverageState(plant);
    rebuilds.push(performance.now() - started);
  }

  const updates: number[] = [];
  const updateCpu: number[] = [];
  let seed = 17;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < ETA_CHANGES; i++) {
    const index = Math.floor(next() * instance.supplies.length);
    // A truck reports a new ETA: up to two hours earlier or later, on the 1/64-minute grid.
    const at = Math.max(0, instance.supplies[index]!.at + Math.round((next() - 0.5) * 240 * 64) / 64);
    const row = syntheticSupplyRow(instance, index, ORIGIN, at);
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    projector.applySupplyChange(new Set([row.deliveryId]), [row]);
    updates.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuStarted);
    updateCpu.push((cpu.user + cpu.system) / 1000);
  }
  await projector.close();
  await t.dispose();
  const sorted = [...updates].sort((a, b) => a - b);
  const sortedCpu = [...updateCpu].sort((a, b) => a - b);
  const full = median(rebuilds);

  const demo = await demoRebuild();
  const sizes = `${PLANT_SCALE.lines} lines, ${PLANT_SCALE.orders} orders, ${PLANT_SCALE.parts} parts, ${instance.supplies.length} supplies`;
  return [
    {
      area: 'coverage',
      name: `projection update after one ETA change, median (${sizes})`,
      value: percentile(sorted, 50),
      unit: 'ms',
      target: { value: 10, direction: 'lower' },
      baseline: { name: 'full rebuild from scratch', value: full },
    },
    {
      area: 'coverage',
      name: 'projection update after one ETA change, p95',
      value: percentile(sorted, 95),
      unit: 'ms',
      target: { value: 10, direction: 'lower' },
      baseline: { name: 'full rebuild from scratch', value: full },
    },
    {
      area: 'coverage',
      name: 'projection update after one ETA change, CPU time (process.cpuUsage), median',
      value: percentile(sortedCpu, 50),
      unit: 'ms',
    },
    {
      area: 'coverage',
      name: 'projection update after one ETA change, CPU time (process.cpuUsage), p95',
      value: percentile(sortedCpu, 95),
      unit: 'ms',
    },
    { area: 'coverage', name: `full rebuild from scratch (${sizes})`, value: full, unit: 'ms' },
    {
      area: 'coverage',
      name: 'full rebuild from the demo database (read + build), median',
      value: demo,
      unit: 'ms',
    },
  ];
}

async function demoRebuild(): Promise<number> {
  const t = await testContext(ORIGIN);
  try {
    await loadDemoPlant(t.ctx.database, { seed: 20261127, now: ORIGIN });
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      buildCoverageState(await buildPlantInstance(t.ctx));
      times.push(performance.now() - started);
    }
    return median(times);
  } finally {
    await t.dispose();
  }
}
