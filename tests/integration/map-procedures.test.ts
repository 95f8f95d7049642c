import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoPlant } from '../../src-main/demo/load';
import { Simulator } from '../../src-main/demo/simulator';
import { loadCoveragePlant } from '../support/coveragePlant';
import { callOn, okValue } from '../support/planningCalls';
import { testContext } from '../support/testContext';

// What the map asks of the backend beyond trucks.live: a delivery's road to the plant, and the
// presenter's (and the browser test's) way to make a demo truck late on purpose.

const SEED = 20261127;
const NOW = Date.UTC(2026, 10, 26, 8, 40);
const MINUTE = 60_000;

let t: Awaited<ReturnType<typeof testContext>>;
let simulator: Simulator | null = null;
const call = callOn(() => t.ctx);

afterEach(async () => {
  await simulator?.stop();
  simulator = null;
  await t.dispose();
});

async function demoPlant() {
  t = await testContext(NOW);
  await loadDemoPlant(t.ctx.database, { seed: SEED, now: NOW });
  simulator = new Simulator(t.ctx);
  await simulator.advanceTo(NOW + 10 * MINUTE);
  t.clock.set(NOW + 10 * MINUTE);
}

describe('demo.disrupt', () => {
  it('is refused on a plant that is not the demo', async () => {
    t = await testContext();
    await loadCoveragePlant(t.ctx);
    const result = await call('demo.disrupt', { deliveryId: 'D-2', kind: 'breakdown', minutes: 60 });
    expect(!result.ok && result.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('demo plant'),
    });
  });

  it('is refused on the demo while its simulator does not run, and for a viewer', async () => {
    await demoPlant();
    const truck = okValue(await call('trucks.live', {})).trucks.find((row) => row.status === 'in_transit');
    expect(truck).toBeDefined();
    const input = { deliveryId: truck!.id, kind: 'congestion', minutes: 30 };
    const stopped = await call('demo.disrupt', input);
    expect(!stopped.ok && stopped.error.code).toBe('CONFLICT');
    const viewer = await call('demo.disrupt', input, { transport: 'http', access: 'read' });
    expect(!viewer.ok && viewer.error.code).toBe('FORBIDDEN');
  });

  it('pushes an on-time truck past its slot: trucks.live shows it late, and the views are told', async () => {
    await demoPlant();
    t.ctx.simulator = simulator!;
    simulator!.start();
    const before = okValue(await call('trucks.live', {}));
    const truck = before.trucks.find(
      (row) => row.status === 'in_transit' && row.punctuality.class === 'on_time',
    );
    expect(truck).toBeDefined();
    t.events.length = 0;

    const bad = await call('demo.disrupt', { deliveryId: truck!.id, kind: 'breakdown', minutes: 0 });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
    const unknown = await call('demo.disrupt', { deliveryId: 'NOPE', kind: 'breakdown', minutes: 60 });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');

    const done = okValue(
      await call('demo.disrupt', { deliveryId: truck!.id, kind: 'breakdown', minutes: 600 }),
    );
    expect(done.eta).toBeGreaterThan(truck!.slotEnd);
    const after = okValue(await call('trucks.live', {})).trucks.find((row) => row.id === truck!.id);
    expect(after?.punctuality.class).toBe('late');
    expect(t.events).toContainEqual({ event: 'deliveries.changed', payload: { ids: [truck!.id] } });
  });
});

describe('deliveries.get route', () => {
  it('gives a demo truck’s road to the plant and how far along it is', async () => {
    await demoPlant();
    const truck = okValue(await call('trucks.live', {})).trucks.find((row) => row.status === 'in_transit');
    const { route } = okValue(await call('deliveries.get', { id: truck!.id }));
    expect(route).not.toBeNull();
    expect(route!.waypoints.length).toBeGreaterThanOrEqual(2);
    for (const [lat, lon] of route!.waypoints) {
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    }
    expect(route!.distanceKm).toBeGreaterThan(0);
    expect(route!.travelledKm).toBeGreaterThan(0);
    expect(route!.travelledKm).toBeLessThanOrEqual(route!.distanceKm);
  });

  it('is null for a delivery without a known road', async () => {
    t = await testContext();
    await loadCoveragePlant(t.ctx);
    expect(okValue(await call('deliveries.get', { id: 'D-2' })).route).toBeNull();
  });
});

describe('trucks.live critical', () => {
  it('marks the trucks that carry parts of a predicted stoppage', async () => {
    await demoPlant();
    const { trucks } = okValue(await call('trucks.live', {}));
    const { stoppages } = okValue(await call('coverage.overview', {}));
    const ending = new Set(stoppages.flatMap((stoppage) => stoppage.endingDelivery?.id ?? []));
    for (const truck of trucks) {
      if (ending.has(truck.id)) expect(truck.critical).toBe(true);
      expect(typeof truck.critical).toBe('boolean');
    }
    if (stoppages.length === 0) expect(trucks.every((truck) => !truck.critical)).toBe(true);
  });
});
