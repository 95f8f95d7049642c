import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../src-main/api/events';
import type { PlantDatabase } from '../../src-main/db/connection';
import type { InboundDeliveryRow } from '../../src-main/db/schema';
import { loadDemoPlant } from '../../src-main/demo/load';
import { Simulator } from '../../src-main/demo/simulator';
import { testContext } from '../support/testContext';

const SEED = 20261127;
const NOW = Date.UTC(2026, 10, 26, 8, 40);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Context = Awaited<ReturnType<typeof testContext>>;

const delivery = (database: PlantDatabase, id: string) =>
  database.db.selectFrom('inboundDelivery').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const route = (database: PlantDatabase, id: string) =>
  database.db.selectFrom('deliveryRoute').selectAll().where('deliveryId', '=', id).executeTakeFirstOrThrow();
const onHand = async (database: PlantDatabase, partId: string) =>
  (
    await database.db
      .selectFrom('stock')
      .select('onHand')
      .where('partId', '=', partId)
      .executeTakeFirstOrThrow()
  ).onHand;

/** The in-transit truck the plant expects first, still some way out. */
async function nextTruck(database: PlantDatabase, minKm = 20): Promise<InboundDeliveryRow> {
  const trucks = await database.db
    .selectFrom('inboundDelivery as d')
    .innerJoin('deliveryRoute as r', 'r.deliveryId', 'd.id')
    .selectAll('d')
    .where('d.status', '=', 'in_transit')
    .where((eb) => eb('r.distanceKm', '-', eb.ref('r.travelledKm')), '>', minKm)
    .orderBy('d.eta')
    .execute();
  const truck = trucks[0];
  if (!truck) throw new Error('no truck on the road');
  return truck;
}

describe('the simulator moves trucks', () => {
  let t: Context;
  let simulator: Simulator;
  beforeEach(async () => {
    t = await testContext(NOW);
    await loadDemoPlant(t.ctx.database, { seed: SEED, now: NOW });
    simulator = new Simulator(t.ctx);
  });
  afterEach(async () => {
    await simulator.stop();
    await t.dispose();
  });

  it('drives a truck to the gate, unloads it into stock and lets it leave', async () => {
    const { database } = t.ctx;
    const truck = await nextTruck(database);
    const items = await database.db
      .selectFrom('deliveryItem')
      .selectAll()
      .where('deliveryId', '=', truck.id)
      .execute();
    const stockBefore = new Map(
      await Promise.all(items.map(async (i) => [i.partId, await onHand(database, i.partId)] as const)),
    );
    const travelledBefore = (await route(database, truck.id)).travelledKm;

    await simulator.advanceTo(NOW + 5 * MINUTE);
    expect((await route(database, truck.id)).travelledKm).toBeGreaterThan(travelledBefore);
    const moved = await delivery(database, truck.id);
    expect(moved.lastPositionAt).toBe(NOW + 5 * MINUTE);
    expect(moved.lastSpeedKmh).toBeGreaterThanOrEqual(0);
    expect(moved.lastHeading).toBeGreaterThanOrEqual(0);

    let at = NOW + 5 * MINUTE;
    while ((await delivery(database, truck.id)).status !== 'departed' && at < NOW + 24 * HOUR) {
      at += 5 * MINUTE;
      await simulator.advanceTo(at);
    }
    const done = await delivery(database, truck.id);
    expect(done.status).toBe('departed');
    expect(done.gateInAt).toBeLessThanOrEqual(done.doorArrivedAt!);
    expect(done.doorArrivedAt).toBeLessThanOrEqual(done.unloadingStartedAt!);
    const door = await database.db
      .selectFrom('dockDoor')
      .selectAll()
      .where('id', '=', done.doorId!)
      .executeTakeFirstOrThrow();
    expect(done.unloadedAt! - done.unloadingStartedAt!).toBe(door.unloadMinutes * MINUTE);
    expect(done.gateOutAt).toBeGreaterThan(done.unloadedAt!);

    const log = await database.db
      .selectFrom('eventLog')
      .selectAll()
      .where('entityType', '=', 'delivery')
      .where('entityId', '=', truck.id)
      .where('kind', '=', 'delivery.status')
      .orderBy('id')
      .execute();
    expect(log.map((row) => JSON.parse(row.payload!))).toEqual([
      // Departed before the test's first step: written with the plant's history at load.
      { from: 'announced', to: 'in_transit' },
      { from: 'in_transit', to: 'at_gate' },
      { from: 'at_gate', to: 'at_door' },
      { from: 'at_door', to: 'unloading' },
      { from: 'unloading', to: 'unloaded' },
      { from: 'unloaded', to: 'departed' },
    ]);
    expect(log.every((row) => row.actor === 'simulator')).toBe(true);
    expect(log[1]!.at).toBe(done.gateInAt);

    // Goods receipt: every item received and booked; stock moved by exactly its movements.
    const received = await database.db
      .selectFrom('deliveryItem')
      .selectAll()
      .where('deliveryId', '=', truck.id)
      .execute();
    for (const item of received) {
      expect(item.quantityReceived).not.toBeNull();
      const receipt = await database.db
        .selectFrom('stockMovement')
        .selectAll()
        .where('deliveryId', '=', truck.id)
        .where('partId', '=', item.partId)
        .executeTakeFirstOrThrow();
      expect(receipt).toMatchObject({
        kind: 'receipt',
        quantity: item.quantityReceived,
        at: done.unloadedAt,
      });
      const movements = await database.db
        .selectFrom('stockMovement')
        .select((eb) => eb.fn.sum<number>('quantity').as('total'))
        .where('partId', '=', item.partId)
        .where('at', '>', NOW)
        .executeTakeFirstOrThrow();
      expect(await onHand(database, item.partId)).toBe(
        stockBefore.get(item.partId)! + Number(movements.total),
      );
    }

    const positions = await database.db
      .selectFrom('position')
      .selectAll()
      .where('deliveryId', '=', truck.id)
      .where('at', '>', NOW)
      .execute();
    expect(positions.length).toBeGreaterThan(0);
    expect(positions.every((p) => p.source === 'simulator')).toBe(true);
    expect(new Set(positions.map((p) => p.at)).size).toBe(positions.length);
  });

  it('lets a disruption push the ETA beyond the slot, and the truck stands', async () => {
    const { database } = t.ctx;
    await simulator.advanceTo(NOW + MINUTE);
    const truck = await nextTruck(database, 40);
    await simulator.disrupt(truck.id, 'breakdown', 180);

    const disrupted = await delivery(database, truck.id);
    expect(disrupted.eta).toBeGreaterThan(disrupted.slotEnd);
    expect(disrupted.eta! - truck.eta!).toBeGreaterThan(170 * MINUTE);
    const stored = JSON.parse((await route(database, truck.id)).disruption!);
    expect(stored).toMatchObject({
      kind: 'breakdown',
      startedAt: NOW + MINUTE,
      until: NOW + 181 * MINUTE,
      forced: true,
    });

    const travelled = (await route(database, truck.id)).travelledKm;
    await simulator.advanceTo(NOW + 61 * MINUTE);
    expect((await route(database, truck.id)).travelledKm).toBe(travelled);
    const standing = await delivery(database, truck.id);
    expect(standing.lastSpeedKmh).toBe(0);
    expect(standing.eta).toBeGreaterThan(standing.slotEnd);

    let at = NOW + 61 * MINUTE;
    while ((await delivery(database, truck.id)).gateInAt === null && at < NOW + 24 * HOUR) {
      at += 10 * MINUTE;
      await simulator.advanceTo(at);
    }
    const arrived = await delivery(database, truck.id);
    expect(arrived.gateInAt).toBeGreaterThan(arrived.slotEnd);
    expect(Math.abs(arrived.gateInAt! - disrupted.eta!)).toBeLessThan(30 * MINUTE);
  });

  it('refuses to disrupt a truck that is not on the road', async () => {
    const { database } = t.ctx;
    const announced = await database.db
      .selectFrom('inboundDelivery')
      .select('id')
      .where('status', '=', 'announced')
      .executeTakeFirstOrThrow();
    await expect(simulator.disrupt(announced.id, 'congestion', 30)).rejects.toThrow(/not in transit/);
  });

  it('tells the views what changed, after the commit, and ticks the clock', async () => {
    const { database, bus } = t.ctx;
    const seen: EventName[] = [];
    bus.onAny((event) => seen.push(event));
    let statusAtEvent: string | null = null;
    const truck = await nextTruck(database, 0);
    bus.on('deliveries.changed', ({ ids }) => {
      if (ids.includes(truck.id) && statusAtEvent === null) {
        const row = database.sqlite
          .prepare('SELECT status FROM inbound_delivery WHERE id = ?')
          .get(truck.id) as {
          status: string;
        };
        statusAtEvent = row.status;
      }
    });
    const summary = await simulator.advanceTo(NOW + 10 * MINUTE);
    expect(summary).toMatchObject({ from: NOW, to: NOW + 10 * MINUTE });
    expect(summary.positions).toBeGreaterThan(10);
    for (const event of [
      'deliveries.changed',
      'positions.moved',
      'stock.changed',
      'orders.changed',
      'clock.tick',
    ]) {
      expect(seen).toContain(event);
    }
    expect(seen.at(-1)).toBe('clock.tick');
    // The listener read the committed row: the database already held the step when it heard of it.
    expect(statusAtEvent).toBe((await delivery(database, truck.id)).status);

    seen.length = 0;
    const nothing = await simulator.advanceTo(NOW + 5 * MINUTE);
    expect(nothing).toMatchObject({ from: NOW + 10 * MINUTE, to: NOW + 10 * MINUTE });
    expect(seen).toEqual([]);
  });

  it('is deterministic: the same plant and the same steps give the same trucks', async () => {
    const other = await testContext(NOW);
    try {
      await loadDemoPlant(other.ctx.database, { seed: SEED, now: NOW });
      const twin = new Simulator(other.ctx);
      for (const at of [NOW + 7 * MINUTE, NOW + 2 * HOUR, NOW + 9 * HOUR]) {
        await simulator.advanceTo(at);
        await twin.advanceTo(at);
      }
      const snapshot = (database: PlantDatabase) =>
        database.sqlite
          .prepare(
            `SELECT d.id, d.status, d.eta, d.last_lat, d.last_lon, d.gate_in_at, d.unloaded_at, r.travelled_km, r.disruption
             FROM inbound_delivery d JOIN delivery_route r ON r.delivery_id = d.id ORDER BY d.id`,
          )
          .all();
      expect(snapshot(other.ctx.database)).toEqual(snapshot(t.ctx.database));
      const stock = (database: PlantDatabase) =>
        database.sqlite.prepare('SELECT part_id, on_hand FROM stock ORDER BY part_id').all();
      expect(stock(other.ctx.database)).toEqual(stock(t.ctx.database));
    } finally {
      await other.dispose();
    }
  });

  it('meets traffic drawn from the seed: jams, border waits, realistic speeds', async () => {
    const { database } = t.ctx;
    const seen = new Map<string, { kind: string; place?: string }>();
    for (let at = NOW + 30 * MINUTE; at <= NOW + 24 * HOUR; at += 30 * MINUTE) {
      await simulator.advanceTo(at);
      const rows = database.sqlite
        .prepare('SELECT delivery_id, disruption FROM delivery_route WHERE disruption IS NOT NULL')
        .all() as { delivery_id: string; disruption: string }[];
      for (const row of rows) seen.set(row.delivery_id, JSON.parse(row.disruption));
    }
    const kinds = [...seen.values()].map((d) => d.kind);
    expect(kinds).toContain('congestion');
    expect(kinds).toContain('border_wait');
    const crossings = [...seen.values()].filter((d) => d.kind === 'border_wait').map((d) => d.place);
    for (const place of crossings) {
      expect(place).toMatch(/Waidhaus|Ludwigsdorf|Suben|Kiefersfelden|Brenner|Nickelsdorf|Kittsee|Kehl/);
    }
    const speeds = database.sqlite
      .prepare('SELECT avg(speed_kmh) AS moving FROM position WHERE at > ? AND speed_kmh > 50')
      .get(NOW) as { moving: number };
    expect(speeds.moving).toBeGreaterThan(65);
    expect(speeds.moving).toBeLessThan(85);
  });

  it('gives the same plant however the steps fall: many small or a few large', async () => {
    const other = await testContext(NOW);
    try {
      await loadDemoPlant(other.ctx.database, { seed: SEED, now: NOW });
      const coarse = new Simulator(other.ctx);
      for (let minute = 1; minute <= 12 * 60; minute++) await simulator.advanceTo(NOW + minute * MINUTE);
      for (const hours of [1, 3, 7, 12]) await coarse.advanceTo(NOW + hours * HOUR);
      const outcome = (database: PlantDatabase) => ({
        trucks: database.sqlite
          .prepare(
            `SELECT d.id, d.status, d.departed_at, d.gate_in_at, d.door_arrived_at, d.unloading_started_at,
               d.unloaded_at, d.gate_out_at, r.travelled_km, r.disruption
             FROM inbound_delivery d JOIN delivery_route r ON r.delivery_id = d.id ORDER BY d.id`,
          )
          .all(),
        stock: database.sqlite.prepare('SELECT part_id, on_hand FROM stock ORDER BY part_id').all(),
        orders: database.sqlite
          .prepare(
            'SELECT id, status, produced_units, started_at, completed_at FROM production_order ORDER BY id',
          )
          .all(),
      });
      expect(outcome(other.ctx.database)).toEqual(outcome(t.ctx.database));
    } finally {
      await other.dispose();
    }
  });

  it('keeps a step with about 40 trucks on the road well under 100 ms', async () => {
    const { database } = t.ctx;
    const onTheRoad = database.sqlite.prepare(
      "SELECT count(*) AS n FROM inbound_delivery WHERE status = 'in_transit'",
    );
    expect((onTheRoad.get() as { n: number }).n).toBeGreaterThanOrEqual(25);
    const durations: number[] = [];
    for (let minute = 1; minute <= 60; minute++) {
      const started = performance.now();
      await simulator.advanceTo(NOW + minute * MINUTE);
      durations.push(performance.now() - started);
    }
    durations.sort((a, b) => a - b);
    const perTruckAndStep = database.sqlite
      // Steps end on whole minutes here: (at - 1) / 60000 numbers the step a position belongs to.
      .prepare(
        'SELECT max(n) AS most FROM (SELECT count(*) AS n FROM position WHERE at > ? GROUP BY delivery_id, (at - 1) / 60000)',
      )
      .get(NOW) as { most: number };
    expect(perTruckAndStep.most).toBe(1);
    expect(durations[30]).toBeLessThan(30);
    expect(durations[57]).toBeLessThan(100);
  });

  it('runs from the plant clock when started, and stops cleanly', async () => {
    t.clock.set(NOW + 3 * MINUTE);
    const ticked = new Promise<number>((resolve) => t.ctx.bus.on('clock.tick', ({ now }) => resolve(now)));
    simulator.start();
    expect(await ticked).toBe(NOW + 3 * MINUTE);
    await simulator.stop();
    const clock = t.ctx.database.sqlite
      .prepare("SELECT value FROM setting WHERE key = 'demo.clock'")
      .get() as {
      value: string;
    };
    expect(JSON.parse(clock.value)).toEqual({ simulatedAt: NOW + 3 * MINUTE });
  });
});
