import { expect, it } from 'vitest';
import type { PlantDatabase } from '../../src-main/db/connection';
import { generateCatalog } from '../../src-main/demo/generateCatalog';
import { loadDemoPlant } from '../../src-main/demo/load';
import { Simulator } from '../../src-main/demo/simulator';
import { testContext } from '../support/testContext';

const SEED = 20261127;
const NOW = Date.UTC(2026, 10, 26, 8, 40);
const HOUR = 3_600_000;
const DAYS = 6;

/** Median hours of consumption the stock of production parts covers. */
function medianCoverage(database: PlantDatabase, hourlyDemand: ReadonlyMap<string, number>): number {
  const rows = database.sqlite.prepare('SELECT part_id, on_hand FROM stock').all() as {
    part_id: string;
    on_hand: number;
  }[];
  const hours = rows
    .filter((row) => (hourlyDemand.get(row.part_id) ?? 0) > 0)
    .map((row) => row.on_hand / hourlyDemand.get(row.part_id)!)
    .sort((a, b) => a - b);
  return hours[Math.floor(hours.length / 2)]!;
}

it('stays tight but running for days: stoppages now and then, stock neither floods nor drains', async () => {
  const t = await testContext(NOW);
  try {
    const { database } = t.ctx;
    await loadDemoPlant(database, { seed: SEED, now: NOW });
    const simulator = new Simulator(t.ctx);
    const hourlyDemand = new Map(generateCatalog(SEED).parts.map((part) => [part.id, part.hourlyDemand]));
    const startCoverage = medianCoverage(database, hourlyDemand);
    const coverages: number[] = [];
    for (let hour = 1; hour <= DAYS * 24; hour++) {
      await simulator.advanceTo(NOW + hour * HOUR);
      if (hour % 24 === 0) coverages.push(medianCoverage(database, hourlyDemand));
    }
    // The plant starts mid-day with a few hours of cover and settles around a day's worth.
    expect(startCoverage).toBeGreaterThan(4);
    expect(Math.max(...coverages) / Math.min(...coverages)).toBeLessThan(2);
    expect(Math.min(...coverages)).toBeGreaterThan(startCoverage * 0.5);
    expect(Math.max(...coverages)).toBeLessThan(48);

    const resumed = database.sqlite
      .prepare("SELECT payload FROM event_log WHERE kind = 'line.resumed' AND at > ?")
      .all(NOW) as { payload: string }[];
    expect(resumed.length).toBeGreaterThanOrEqual(2);
    const stoppedMinutes = resumed.reduce((sum, row) => sum + JSON.parse(row.payload).stoppedMinutes, 0);
    const lines = (
      database.sqlite.prepare('SELECT count(*) AS n FROM production_line').get() as { n: number }
    ).n;
    expect(stoppedMinutes).toBeLessThan(lines * DAYS * 24 * 60 * 0.05);

    const arrived = database.sqlite
      .prepare(
        'SELECT count(*) AS n, sum(gate_in_at > slot_end) AS late FROM inbound_delivery WHERE gate_in_at > ?',
      )
      .get(NOW) as { n: number; late: number };
    expect(arrived.n).toBeGreaterThan(DAYS * 130);
    expect(arrived.late / arrived.n).toBeGreaterThan(0.03);
    expect(arrived.late / arrived.n).toBeLessThan(0.25);
  } finally {
    await t.dispose();
  }
});
