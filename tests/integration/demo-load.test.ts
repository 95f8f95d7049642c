import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type PlantDatabase } from '../../src-main/db/connection';
import { resumeDemoClock } from '../../src-main/demo/clockState';
import { generateDemoPlant } from '../../src-main/demo/generateDemoPlant';
import { loadDemoPlant, plantIsDemo, plantIsEmpty } from '../../src-main/demo/load';
import { Simulator } from '../../src-main/demo/simulator';
import { testContext } from '../support/testContext';

const SEED = 4711;
const NOW = Date.UTC(2026, 10, 26, 8, 40);
const MINUTE = 60_000;

const count = (database: PlantDatabase, table: string) =>
  (database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('loading the demo plant', () => {
  let dispose: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await dispose?.();
    dispose = null;
  });

  it('writes the whole plant in one go, marks it as the demo and logs it once', async () => {
    const t = await testContext(NOW);
    dispose = t.dispose;
    const { database } = t.ctx;
    expect(await plantIsEmpty(database)).toBe(true);
    expect(await plantIsDemo(database)).toBe(false);

    const started = performance.now();
    await loadDemoPlant(database, { seed: SEED, now: NOW });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1500);

    expect(await plantIsEmpty(database)).toBe(false);
    expect(await plantIsDemo(database)).toBe(true);
    const site = await database.db.selectFrom('site').selectAll().executeTakeFirstOrThrow();
    expect(site).toMatchObject({ isDemo: 1, demoSeed: SEED, createdAt: NOW });
    const plant = generateDemoPlant(SEED, NOW);
    expect(count(database, 'inbound_delivery')).toBe(plant.deliveries.length);
    expect(count(database, 'delivery_item')).toBe(plant.deliveryItems.length);
    expect(count(database, 'production_order')).toBe(plant.orders.length);
    expect(count(database, 'part')).toBe(plant.parts.length);
    expect(count(database, 'stock')).toBe(plant.parts.length);
    expect(count(database, 'position')).toBe(plant.positions.length);
    const log = await database.db.selectFrom('eventLog').selectAll().execute();
    const loaded = log.filter((entry) => entry.kind === 'demo.loaded');
    expect(loaded).toHaveLength(1);
    expect(loaded[0]).toMatchObject({ entityType: 'site', at: NOW });
    expect(log.length).toBe(plant.eventLog.length);
    expect(log.every((entry) => entry.kind === 'demo.loaded' || entry.kind === 'delivery.status')).toBe(true);
  });

  it('refuses a database that already holds a plant and leaves it as it was', async () => {
    const t = await testContext(NOW);
    dispose = t.dispose;
    await loadDemoPlant(t.ctx.database, { seed: SEED, now: NOW });
    const before = count(t.ctx.database, 'inbound_delivery');
    await expect(loadDemoPlant(t.ctx.database, { seed: SEED, now: NOW })).rejects.toThrow(
      /already holds a plant/,
    );
    expect(count(t.ctx.database, 'inbound_delivery')).toBe(before);
  });

  it('resumes the demo clock where the simulator stopped, after closing and reopening', async () => {
    const t = await testContext(NOW);
    dispose = t.dispose;
    const path = t.ctx.database.path;
    await loadDemoPlant(t.ctx.database, { seed: SEED, now: NOW });

    // First start: the clock starts at the plant's generation time and runs at the chosen speed.
    let wall = 1_000_000;
    const first = await resumeDemoClock(t.ctx.database, 60, () => wall);
    expect(first.now()).toBe(NOW);
    wall += 1000;
    expect(first.now()).toBe(NOW + MINUTE);

    const simulator = new Simulator(t.ctx);
    await simulator.advanceTo(NOW + 45 * MINUTE);
    await simulator.stop();
    await t.ctx.database.close();

    const reopened = await openDatabase({ path });
    try {
      const resumed = await resumeDemoClock(reopened, 60, () => wall);
      expect(resumed.now()).toBe(NOW + 45 * MINUTE);
      expect(resumed.speed).toBe(60);
      wall += 2000;
      expect(resumed.now()).toBe(NOW + 47 * MINUTE);
    } finally {
      await reopened.close();
    }
  });
});
