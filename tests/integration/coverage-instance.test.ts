import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseInstance } from '../../src-main/domain/reschedule/index';
import { buildPlantInstance } from '../../src-main/services/coverage/instanceFromPlant';
import { loadCoveragePlant } from '../support/coveragePlant';
import { testContext } from '../support/testContext';

const MINUTE = 60_000;
let t: Awaited<ReturnType<typeof testContext>>;

beforeEach(async () => {
  t = await testContext();
  await loadCoveragePlant(t.ctx);
});
afterEach(() => t.dispose());

const setting = (key: string, value: unknown) =>
  t.ctx.database.db
    .insertInto('setting')
    .values({ key, value: JSON.stringify(value), updatedAt: t.clock.now() })
    .execute();

describe('the instance built from the plant', () => {
  it('starts at the plant clock, is a valid instance and keeps the database ids', async () => {
    const plant = await buildPlantInstance(t.ctx);
    expect(plant.origin).toBe(t.clock.now());
    expect(() => parseInstance(JSON.parse(JSON.stringify(plant.instance)))).not.toThrow();
    expect(plant.instance.horizon).toBe(2880);
    expect(plant.instance.parts).toEqual([
      { id: '4711-001', stock: 120 },
      { id: '4711-002', stock: 10 },
      { id: '4711-003', stock: 500 },
    ]);
    expect(plant.instance.products).toEqual([
      { id: 'TM-L', bom: { '4711-001': 1 } },
      { id: 'TM-R', bom: { '4711-002': 1 } },
    ]);
  });

  it('sets a line up for its running order, else its last finished one, else its initial product', async () => {
    const plant = await buildPlantInstance(t.ctx);
    const [l1, l2] = plant.instance.lines;
    // L1 is configured for TM-R but runs O-1 (TM-L); L2 has no initial product but finished O-0 (TM-L).
    expect(l1).toEqual({
      id: 'L1',
      minutesPerUnit: { 'TM-L': 1, 'TM-R': 1 },
      setup: { 'TM-L': { 'TM-R': 15 }, 'TM-R': { 'TM-L': 15 } },
      initialProduct: 'TM-L',
    });
    expect(l2).toMatchObject({ id: 'L2', minutesPerUnit: { 'TM-L': 2 }, initialProduct: 'TM-L' });
    await t.ctx.database.db.deleteFrom('productionOrder').where('id', '=', 'O-0').execute();
    expect((await buildPlantInstance(t.ctx)).instance.lines[1]!.initialProduct).toBeNull();
  });

  it('plans the open orders by sequence, a running order with what is left of it, due in minutes', async () => {
    const plant = await buildPlantInstance(t.ctx);
    expect(plant.instance.plan).toEqual({ L1: ['O-1', 'O-2', 'O-3'], L2: [] });
    expect(plant.instance.orders).toEqual([
      { id: 'O-1', product: 'TM-L', quantity: 70, due: 120, eligibleLines: ['L1'], frozen: true },
      { id: 'O-2', product: 'TM-R', quantity: 40, due: 600, eligibleLines: ['L1'], frozen: false },
      { id: 'O-3', product: 'TM-L', quantity: 100, due: 600, eligibleLines: ['L1', 'L2'], frozen: false },
    ]);
    expect(plant.orders.get('O-1')).toMatchObject({ quantity: 100, producedUnits: 30, status: 'running' });
  });

  it('rounds due times to the 1/64-minute grid, overdue ones below zero', async () => {
    await t.ctx.database.db
      .updateTable('productionOrder')
      .set({ dueAt: t.clock.now() - 90 * MINUTE - 1234 })
      .where('id', '=', 'O-1')
      .execute();
    const due = (await buildPlantInstance(t.ctx)).instance.orders[0]!.due;
    expect(due).toBe(Math.round(((-90 * MINUTE - 1234) / MINUTE) * 64) / 64);
    expect(Number.isInteger(due * 64)).toBe(true);
  });

  it('freezes the running orders and those starting inside the frozen window, as a prefix', async () => {
    // O-2's setup starts at +70: outside the default hour, inside 90 minutes.
    expect(
      (await buildPlantInstance(t.ctx)).instance.orders.filter((o) => o.frozen).map((o) => o.id),
    ).toEqual(['O-1']);
    await setting('planning.frozenWindowMinutes', 90);
    const plant = await buildPlantInstance(t.ctx);
    expect(plant.instance.orders.filter((o) => o.frozen).map((o) => o.id)).toEqual(['O-1', 'O-2']);
    expect(plant.orders.get('O-2')!.frozen).toBe(true);
  });

  it('reads the horizon from the settings', async () => {
    await setting('planning.horizonMinutes', 720);
    expect((await buildPlantInstance(t.ctx)).instance.horizon).toBe(720);
  });

  it('brings every item still to come, available after arrival, unloading at its door and put-away', async () => {
    const plant = await buildPlantInstance(t.ctx);
    const supplies = plant.instance.supplies.map((supply, index) => ({
      delivery: plant.supplies[index]!.deliveryId,
      part: supply.part,
      quantity: supply.quantity,
      at: supply.at,
    }));
    expect(supplies).toEqual([
      // Unloading at Tor 2 since −10: 30 min unloading, 10 min put-away.
      { delivery: 'D-5', part: '4711-003', quantity: 300, at: 30 },
      // In transit to Tor 2, ETA +90: + 30 + 20.
      { delivery: 'D-2', part: '4711-002', quantity: 100, at: 140 },
      // In transit to Tor 1, ETA +70: + 30 + 20.
      { delivery: 'D-1', part: '4711-001', quantity: 200, at: 120 },
      // In the yard, early: called half an hour before its slot (+150), Tor 2 is busy until +20 anyway.
      { delivery: 'D-6', part: '4711-002', quantity: 50, at: 170 },
    ]);
    // Departed D-3 is stock already; cancelled D-4 never comes.
    expect(plant.supplies.map((supply) => supply.deliveryId)).not.toContain('D-3');
    expect(plant.supplies.map((supply) => supply.deliveryId)).not.toContain('D-4');
    expect(plant.supplies[1]).toMatchObject({
      noticeNumber: 'ASN-D-2',
      truckPlate: 'PZ D-2',
      supplierName: 'Kabelwerk Pilsen',
    });
  });

  it('follows the lead times configured per door and per part', async () => {
    const { db } = t.ctx.database;
    await db.updateTable('dockDoor').set({ unloadMinutes: 45 }).where('id', '=', 'T2').execute();
    await db.updateTable('part').set({ putAwayMinutes: 5 }).where('id', '=', '4711-002').execute();
    const plant = await buildPlantInstance(t.ctx);
    const d2 = plant.supplies.findIndex((supply) => supply.deliveryId === 'D-2');
    expect(plant.instance.supplies[d2]!.at).toBe(90 + 45 + 5);
  });

  it('plans a truck without an ETA at its slot, and never before now', async () => {
    const { db } = t.ctx.database;
    const now = t.clock.now();
    await db.updateTable('inboundDelivery').set({ eta: null }).where('id', '=', 'D-2').execute();
    await db
      .updateTable('inboundDelivery')
      .set({ eta: now - 300 * MINUTE, slotStart: now - 300 * MINUTE })
      .where('id', '=', 'D-1')
      .execute();
    const plant = await buildPlantInstance(t.ctx);
    const at = (id: string) =>
      plant.instance.supplies[plant.supplies.findIndex((s) => s.deliveryId === id)]!.at;
    expect(at('D-2')).toBe(30 + 30 + 20);
    expect(at('D-1')).toBe(0);
  });
});
