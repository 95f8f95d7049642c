import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlantDatabase } from '../../src-main/db/connection';
import { loadDemoPlant } from '../../src-main/demo/load';
import { plantDay } from '../../src-main/demo/planDay';
import { Simulator } from '../../src-main/demo/simulator';
import { testContext } from '../support/testContext';

const SEED = 20261127;
const NOW = Date.UTC(2026, 10, 26, 8, 40);
const TZ = 'Europe/Berlin';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Context = Awaited<ReturnType<typeof testContext>>;

const order = (database: PlantDatabase, id: string) =>
  database.db.selectFrom('productionOrder').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const onHand = async (database: PlantDatabase, partId: string) =>
  (
    await database.db
      .selectFrom('stock')
      .select('onHand')
      .where('partId', '=', partId)
      .executeTakeFirstOrThrow()
  ).onHand;
const lineEvents = (database: PlantDatabase, lineId: string, kind: string) =>
  database.db
    .selectFrom('eventLog')
    .selectAll()
    .where('entityType', '=', 'line')
    .where('entityId', '=', lineId)
    .where('kind', '=', kind)
    .orderBy('at')
    .execute();
const movementsSince = async (database: PlantDatabase, partId: string, since: number) =>
  Number(
    (
      await database.db
        .selectFrom('stockMovement')
        .select((eb) => eb.fn.sum<number>('quantity').as('total'))
        .where('partId', '=', partId)
        .where('at', '>=', since)
        .executeTakeFirstOrThrow()
    ).total ?? 0,
  );

describe('the simulator runs the lines', () => {
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

  it('consumes stock, stops for a missing part and resumes when a truck brings it', async () => {
    const { database } = t.ctx;
    await simulator.advanceTo(NOW + MINUTE);
    // A running order with plenty left to build, and a part only its product uses, one per unit.
    const running = await database.db
      .selectFrom('productionOrder')
      .selectAll()
      .where('status', '=', 'running')
      .where((eb) => eb('quantity', '-', eb.ref('producedUnits')), '>=', 40)
      .orderBy('lineId')
      .execute();
    const target = running[0]!;
    const bom = await database.db
      .selectFrom('bomItem')
      .selectAll()
      .where('productId', '=', target.productId)
      .execute();
    const users = await database.db.selectFrom('bomItem').select(['partId', 'productId']).execute();
    const missing = bom.find(
      (item) => item.quantity === 1 && users.filter((u) => u.partId === item.partId).length === 1,
    )!;
    expect(missing).toBeDefined();

    // Running normally: units are built and every BOM part is consumed, booked per step.
    const stockBefore = new Map(
      await Promise.all(bom.map(async (i) => [i.partId, await onHand(database, i.partId)] as const)),
    );
    const since = NOW + MINUTE;
    await simulator.advanceTo(NOW + 21 * MINUTE);
    const built = (await order(database, target.id)).producedUnits - target.producedUnits;
    expect(built).toBeGreaterThan(3);
    for (const item of bom) {
      const consumed = await database.db
        .selectFrom('stockMovement')
        .select((eb) => eb.fn.sum<number>('quantity').as('total'))
        .where('orderId', '=', target.id)
        .where('partId', '=', item.partId)
        .where('kind', '=', 'consumption')
        .where('at', '>=', since)
        .executeTakeFirstOrThrow();
      expect(-Number(consumed.total)).toBeGreaterThanOrEqual(item.quantity * built);
      expect(await onHand(database, item.partId)).toBe(
        stockBefore.get(item.partId)! + (await movementsSince(database, item.partId, since)),
      );
    }

    // The part runs out: the line stops and builds nothing more.
    database.sqlite.prepare('UPDATE stock SET on_hand = 0 WHERE part_id = ?').run(missing.partId);
    await simulator.advanceTo(NOW + 31 * MINUTE);
    const stopped = await lineEvents(database, target.lineId, 'line.stopped');
    expect(stopped).toHaveLength(1);
    expect(JSON.parse(stopped[0]!.payload!)).toMatchObject({ partId: missing.partId, orderId: target.id });
    const producedWhenStopped = (await order(database, target.id)).producedUnits;
    await simulator.advanceTo(NOW + 91 * MINUTE);
    expect((await order(database, target.id)).producedUnits).toBe(producedWhenStopped);
    expect(await lineEvents(database, target.lineId, 'line.resumed')).toHaveLength(0);

    // A truck brings the part: the line resumes right after the receipt.
    let at = NOW + 91 * MINUTE;
    const firstReceipt = () =>
      database.db
        .selectFrom('stockMovement')
        .selectAll()
        .where('partId', '=', missing.partId)
        .where('kind', '=', 'receipt')
        .where('at', '>', stopped[0]!.at)
        .orderBy('at')
        .executeTakeFirst();
    while (!(await firstReceipt()) && at < NOW + 36 * HOUR) {
      at += 10 * MINUTE;
      await simulator.advanceTo(at);
    }
    const receipt = await firstReceipt();
    expect(receipt).toBeDefined();
    await simulator.advanceTo(at + 30 * MINUTE);
    const resumed = await lineEvents(database, target.lineId, 'line.resumed');
    expect(resumed.length).toBeGreaterThanOrEqual(1);
    expect(resumed[0]!.at).toBeGreaterThanOrEqual(receipt!.at);
    expect(resumed[0]!.at - receipt!.at).toBeLessThanOrEqual(MINUTE);
    expect(JSON.parse(resumed[0]!.payload!)).toMatchObject({ partId: missing.partId });
    expect((await order(database, target.id)).producedUnits).toBeGreaterThan(producedWhenStopped);
  });

  it('works through orders by sequence, with setups between products', async () => {
    const { database } = t.ctx;
    await simulator.advanceTo(NOW + 12 * HOUR);
    const lines = await database.db.selectFrom('productionLine').selectAll().execute();
    for (const line of lines) {
      const orders = await database.db
        .selectFrom('productionOrder')
        .selectAll()
        .where('lineId', '=', line.id)
        .orderBy('sequence')
        .execute();
      expect(orders.map((o) => o.status).join(',')).toMatch(/^(done,)+running(,planned)*$/);
      const done = orders.filter((o) => o.status === 'done');
      for (const finished of done) {
        expect(finished.producedUnits).toBe(finished.quantity);
        expect(finished.completedAt).toBeGreaterThan(finished.startedAt!);
      }
      const rates = await database.db
        .selectFrom('lineRate')
        .selectAll()
        .where('lineId', '=', line.id)
        .execute();
      const setups = await database.db
        .selectFrom('lineSetup')
        .selectAll()
        .where('lineId', '=', line.id)
        .execute();
      for (let i = 1; i < done.length; i++) {
        const [previous, next] = [done[i - 1]!, done[i]!];
        expect(next.startedAt).toBeGreaterThanOrEqual(previous.completedAt!);
        // A product change costs the setup time before the first unit; units take the line's rate.
        const setup =
          previous.productId === next.productId
            ? 0
            : (setups.find((s) => s.fromProductId === previous.productId && s.toProductId === next.productId)
                ?.minutes ?? 0);
        const perUnit = rates.find((r) => r.productId === next.productId)!.minutesPerUnit;
        expect(next.completedAt! - next.startedAt!).toBeGreaterThanOrEqual(
          (setup + next.quantity * perUnit) * MINUTE - 2,
        );
      }
      const running = orders.find((o) => o.status === 'running')!;
      expect(running.frozen).toBe(1);
    }
    const negative = database.sqlite.prepare('SELECT count(*) AS n FROM stock WHERE on_hand < 0').get() as {
      n: number;
    };
    expect(negative.n).toBe(0);
  });

  it('plans the next day when the plan reaches less than two days ahead', async () => {
    const { database } = t.ctx;
    const horizon = () =>
      JSON.parse(
        (
          database.sqlite.prepare("SELECT value FROM setting WHERE key = 'demo.horizon'").get() as {
            value: string;
          }
        ).value,
      ) as { nextDayIndex: number };
    const deliveries = () => database.db.selectFrom('inboundDelivery').selectAll().execute();
    expect(horizon().nextDayIndex).toBe(3);
    const before = await deliveries();
    const maxSequence = new Map<string, number>();
    for (const o of await database.db.selectFrom('productionOrder').selectAll().execute()) {
      maxSequence.set(o.lineId, Math.max(maxSequence.get(o.lineId) ?? 0, o.sequence));
    }

    // Still more than two days of plan: nothing new.
    const quiet = await simulator.advanceTo(NOW + 2 * HOUR);
    expect(quiet.daysPlanned).toBe(0);

    const day1 = plantDay(NOW, 1, TZ);
    const step = await simulator.advanceTo(day1.start + MINUTE);
    expect(step.daysPlanned).toBe(1);
    expect(horizon().nextDayIndex).toBe(4);
    const day3 = plantDay(NOW, 3, TZ);
    const after = await deliveries();
    const added = after.filter((d) => !before.some((b) => b.id === d.id));
    expect(added.length).toBeGreaterThanOrEqual(130);
    expect(added.length).toBeLessThanOrEqual(170);
    expect(added.every((d) => d.slotStart >= day3.start && d.slotStart < day3.end)).toBe(true);
    const keys = after.map((d) => `${d.doorId}|${d.slotStart}`);
    expect(new Set(keys).size).toBe(keys.length);

    const newOrders = await database.db
      .selectFrom('productionOrder')
      .selectAll()
      .where('id', 'like', `fa-${day3.dateKey}-%`)
      .execute();
    for (const [lineId, sequence] of maxSequence) {
      const sequences = newOrders.filter((o) => o.lineId === lineId).map((o) => o.sequence);
      expect(Math.min(...sequences)).toBe(sequence + 1);
    }
    const planned = await database.db
      .selectFrom('eventLog')
      .selectAll()
      .where('kind', '=', 'demo.day_planned')
      .execute();
    expect(planned).toHaveLength(1);

    // The same day is drawn from seed and day index: another plant with the same seed agrees.
    const twin = await testContext(NOW);
    try {
      await loadDemoPlant(twin.ctx.database, { seed: SEED, now: NOW });
      await new Simulator(twin.ctx).advanceTo(day1.start + MINUTE);
      const twinAdded = await twin.ctx.database.db
        .selectFrom('inboundDelivery')
        .select(['id', 'supplierId', 'doorId', 'slotStart', 'truckPlate'])
        .where('slotStart', '>=', day3.start)
        .orderBy('id')
        .execute();
      expect(twinAdded).toEqual(
        added
          .map(({ id, supplierId, doorId, slotStart, truckPlate }) => ({
            id,
            supplierId,
            doorId,
            slotStart,
            truckPlate,
          }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      );
    } finally {
      await twin.dispose();
    }
  });
});
