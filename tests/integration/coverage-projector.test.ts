import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../src-main/api/events';
import { buildCoverageState } from '../../src-main/services/coverage/coverageState';
import { buildPlantInstance } from '../../src-main/services/coverage/instanceFromPlant';
import { projectionOf } from '../../src-main/services/coverage/planningState';
import { CoverageProjector } from '../../src-main/services/coverage/projector';
import { loadCoveragePlant } from '../support/coveragePlant';
import { testContext } from '../support/testContext';

const MINUTE = 60_000;
let t: Awaited<ReturnType<typeof testContext>>;
let projector: CoverageProjector;

beforeEach(async () => {
  t = await testContext();
  await loadCoveragePlant(t.ctx);
  projector = new CoverageProjector(t.ctx, { coalesceMs: 20 });
});
afterEach(async () => {
  await projector.close();
  await t.dispose();
});

/** The next 'coverage.changed', and how long it took from now. */
function nextCoverageChange(): Promise<EventMap['coverage.changed'] & { afterMs: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const off = t.ctx.bus.on('coverage.changed', (payload) => {
      off();
      resolve({ ...payload, afterMs: performance.now() - started });
    });
  });
}

const setEta = (id: string, minutes: number) =>
  t.ctx.database.db
    .updateTable('inboundDelivery')
    .set({ eta: t.clock.now() + minutes * MINUTE })
    .where('id', '=', id)
    .execute();

describe('the coverage projector', () => {
  it('projects the plan: the stoppage, the truck that ends it and the part that runs out', async () => {
    const first = nextCoverageChange();
    projector.start();
    expect(await first).toMatchObject({ at: t.clock.now(), stoppages: 1 });
    const projection = await projector.current();
    const now = t.clock.now();
    expect(projection.computedAt).toBe(now);
    expect(projection.horizonEnd).toBe(now + 2880 * MINUTE);
    expect(projection.metrics).toEqual({
      unproducedUnits: 0,
      stoppageMinutes: 45,
      tardinessMinutes: 0,
      setups: 2,
      moved: 0,
    });
    // The whole plan ends within the 48 hours here: judged over it, nothing changes.
    expect(projection.planMetrics).toEqual(projection.metrics);
    expect(projection.stoppages).toEqual([
      {
        id: 'L1:O-2:4711-002',
        lineId: 'L1',
        lineName: 'Linie 1',
        partId: '4711-002',
        partDescription: 'Kabelbaum Tür rechts',
        orderId: 'O-2',
        start: now + 95 * MINUTE,
        end: now + 140 * MINUTE,
        durationMinutes: 45,
        endingDelivery: {
          id: 'D-2',
          noticeNumber: 'ASN-D-2',
          truckPlate: 'PZ D-2',
          supplierName: 'Kabelwerk Pilsen',
          eta: now + 90 * MINUTE,
        },
        ordersAffected: ['O-2'],
      },
    ]);
    const l1 = projection.lines.find((line) => line.id === 'L1')!;
    expect(
      l1.orders.map((o) => [
        o.id,
        o.frozen,
        (o.setupStart - now) / MINUTE,
        (o.start - now) / MINUTE,
        (o.end - now) / MINUTE,
      ]),
    ).toEqual([
      ['O-1', true, 0, 0, 70],
      ['O-2', false, 70, 85, 170],
      ['O-3', false, 170, 185, 285],
    ]);
    expect(l1.orders[0]).toMatchObject({
      productName: 'Türmodul links',
      quantity: 100,
      producedUnits: 30,
      status: 'running',
    });
    const short = projection.parts.find((part) => part.id === '4711-002')!;
    expect(short).toEqual({
      id: '4711-002',
      description: 'Kabelbaum Tür rechts',
      unit: 'ST',
      onHand: 10,
      safetyStock: 50,
      coverageUntil: now + 90 * MINUTE,
      critical: true,
    });
    expect(projection.parts[0]!.id).toBe('4711-002');
    expect(projection.parts.find((part) => part.id === '4711-001')).toMatchObject({
      critical: false,
      coverageUntil: null,
    });
  });

  it('follows an ETA change within a second: an earlier truck ends the stoppage', async () => {
    projector.start();
    await projector.current();
    await setEta('D-2', 40);
    const change = nextCoverageChange();
    t.ctx.bus.emit('deliveries.changed', { ids: ['D-2'] });
    const event = await change;
    expect(event.stoppages).toBe(0);
    expect(event.afterMs).toBeLessThan(1000);
    expect((await projector.current()).stoppages).toEqual([]);
  });

  it('moves the stoppage with a later ETA: now the truck in the yard ends it', async () => {
    projector.start();
    await projector.current();
    await setEta('D-2', 150);
    const change = nextCoverageChange();
    t.ctx.bus.emit('deliveries.changed', { ids: ['D-2'] });
    expect((await change).stoppages).toBe(1);
    const [stoppage] = (await projector.current()).stoppages;
    expect(stoppage).toMatchObject({ durationMinutes: 75, end: t.clock.now() + 170 * MINUTE });
    expect(stoppage!.endingDelivery?.id).toBe('D-6');
  });

  it('applies what is pending before it answers: a read after a write sees it', async () => {
    projector.start();
    await projector.current();
    await t.ctx.database.db
      .updateTable('stock')
      .set({ onHand: 60 })
      .where('partId', '=', '4711-002')
      .execute();
    t.ctx.bus.emit('stock.changed', { partIds: ['4711-002'] });
    const projection = await projector.current();
    expect(projection.stoppages).toEqual([]);
    expect(projection.parts.find((part) => part.id === '4711-002')).toMatchObject({
      onHand: 60,
      critical: false,
    });
  });

  it('gives the same projection by patching as by building it afresh', async () => {
    projector.start();
    await projector.current();
    await setEta('D-2', 150);
    await setEta('D-1', 200);
    await t.ctx.database.db
      .updateTable('stock')
      .set({ onHand: 25 })
      .where('partId', '=', '4711-002')
      .execute();
    await t.ctx.database.db
      .updateTable('inboundDelivery')
      .set({ status: 'cancelled' })
      .where('id', '=', 'D-6')
      .execute();
    t.ctx.bus.emit('deliveries.changed', { ids: ['D-1', 'D-2', 'D-6'] });
    t.ctx.bus.emit('stock.changed', { partIds: ['4711-002'] });
    const patched = await projector.current();
    const fresh = projectionOf(buildCoverageState(await buildPlantInstance(t.ctx)));
    expect(patched).toEqual(fresh);
    expect(patched.stoppages.length).toBeGreaterThan(0);
  });

  it('rebuilds the plan when the orders change', async () => {
    projector.start();
    await projector.current();
    await t.ctx.database.db
      .updateTable('productionOrder')
      .set({ sequence: 4 })
      .where('id', '=', 'O-2')
      .execute();
    const change = nextCoverageChange();
    t.ctx.bus.emit('orders.changed', { lineIds: ['L1'] });
    expect((await change).stoppages).toBe(0);
    const l1 = (await projector.current()).lines[0]!;
    expect(l1.orders.map((order) => order.id)).toEqual(['O-1', 'O-3', 'O-2']);
  });

  it('moves t = 0 to now once the plant clock has run a minute on', async () => {
    projector.start();
    const before = await projector.current();
    t.clock.set(before.computedAt + 30_000);
    t.ctx.bus.emit('clock.tick', { now: t.clock.now(), speed: 1 });
    expect((await projector.current()).computedAt).toBe(before.computedAt);
    t.clock.set(before.computedAt + 61_000);
    const change = nextCoverageChange();
    t.ctx.bus.emit('clock.tick', { now: t.clock.now(), speed: 1 });
    expect((await change).at).toBe(before.computedAt + 61_000);
  });

  it('stays quiet when a change leaves the projection as it was', async () => {
    projector.start();
    await projector.current();
    const heard: unknown[] = [];
    const off = t.ctx.bus.on('coverage.changed', (payload) => heard.push(payload));
    t.ctx.bus.emit('deliveries.changed', { ids: ['D-1'] });
    await projector.current();
    off();
    expect(heard).toEqual([]);
  });

  it('draws a part’s coverage curve with its trucks and consumption', async () => {
    projector.start();
    const now = t.clock.now();
    const curve = (await projector.partCurve('4711-002'))!;
    expect(curve.part).toMatchObject({ id: '4711-002', critical: true });
    expect(curve.supplies).toEqual([
      {
        deliveryId: 'D-2',
        noticeNumber: 'ASN-D-2',
        truckPlate: 'PZ D-2',
        at: now + 140 * MINUTE,
        quantity: 100,
      },
      {
        deliveryId: 'D-6',
        noticeNumber: 'ASN-D-6',
        truckPlate: 'PZ D-6',
        at: now + 170 * MINUTE,
        quantity: 50,
      },
    ]);
    expect(curve.points[0]).toEqual({ t: now, stock: 10 });
    // Down to zero in the quarter hour from +90, up by 100 at +140; O-2 takes 40 in all.
    expect(curve.points).toContainEqual({ t: now + 90 * MINUTE, stock: 0 });
    expect(curve.points.at(-1)).toEqual({ t: now + 2880 * MINUTE, stock: 10 + 150 - 40 });
    expect(curve.consumptionPerHour).toBeCloseTo(40 / 48, 6);
    expect(await projector.partCurve('no-such-part')).toBeNull();
    // A part no product uses: its stock only grows with its trucks.
    const clips = (await projector.partCurve('4711-003'))!;
    expect(clips.points).toEqual([
      { t: now, stock: 500 },
      { t: now + 30 * MINUTE, stock: 800 },
      { t: now + 2880 * MINUTE, stock: 800 },
    ]);
  });
});
