import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemoPlant } from '../../src-main/demo/load';
import { Simulator } from '../../src-main/demo/simulator';
import { parseCapabilities } from '../../src-main/domain/slots/capability';
import { deliveryRow } from '../support/dockPlant';
import { callOn, okValue } from '../support/planningCalls';
import { testContext } from '../support/testContext';

// The demo simulator and staff at the gate: once staff take a truck by hand, the simulator no
// longer moves it or advances its dock steps, yet the door it stands at stays taken.

const SEED = 20261127;
const NOW = Date.UTC(2026, 10, 26, 8, 40);
const MINUTE = 60_000;

let t: Awaited<ReturnType<typeof testContext>>;
let simulator: Simulator;
const call = callOn(() => t.ctx);

beforeEach(async () => {
  t = await testContext(NOW);
  await loadDemoPlant(t.ctx.database, { seed: SEED, now: NOW });
  simulator = new Simulator(t.ctx);
});
afterEach(async () => {
  await simulator.stop();
  await t.dispose();
});

const row = (id: string) => deliveryRow(t.ctx, id);

/** Advances the plant clock and the simulator together, in steps. */
async function runUntil(until: number, stepMs: number, afterStep: () => Promise<void> = async () => {}) {
  for (let at = t.clock.now() + stepMs; at <= until; at += stepMs) {
    t.clock.set(at);
    await simulator.advanceTo(at);
    await afterStep();
  }
}

describe('the demo simulator and trucks handled by hand', () => {
  it('writes each delivery’s required capabilities, and books it at a door that has them', async () => {
    const deliveries = await t.ctx.database.db
      .selectFrom('inboundDelivery as d')
      .innerJoin('dockDoor as door', 'door.id', 'd.doorId')
      .select(['d.requiredCapabilities', 'door.capabilities'])
      .execute();
    const special = deliveries.filter((d) => parseCapabilities(d.requiredCapabilities).length > 0);
    expect(special.length).toBeGreaterThan(0);
    for (const delivery of deliveries) {
      const door = parseCapabilities(delivery.capabilities);
      expect(parseCapabilities(delivery.requiredCapabilities).every((c) => door.includes(c))).toBe(true);
    }
  });

  it('leaves a truck at a door by hand alone, calls no other truck to that door, and takes over again after', async () => {
    // Staff take over a truck the simulator has just put at a door and start unloading it by hand;
    // another truck on its way is checked in by hand and left at the gate.
    const taken = await t.ctx.database.db
      .selectFrom('inboundDelivery')
      .select(['id', 'doorId'])
      .where('status', '=', 'at_door')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const atDoorId = taken.id;
    const booked = taken.doorId!;
    const waiting = await t.ctx.database.db
      .selectFrom('inboundDelivery')
      .select('id')
      .where('status', '=', 'in_transit')
      .where('doorId', '!=', booked)
      .orderBy('eta')
      .executeTakeFirstOrThrow();
    const waitingId = waiting.id;
    okValue(await call('gate.startUnloading', { deliveryId: atDoorId }));
    okValue(await call('gate.checkIn', { deliveryId: waitingId }));
    const start = t.clock.now();

    const others = new Set<string>();
    await runUntil(start + 3 * 60 * MINUTE, 10 * MINUTE, async () => {
      const atTheDoor = await t.ctx.database.db
        .selectFrom('inboundDelivery')
        .select(['id', 'status'])
        .where('doorId', '=', booked)
        .where('status', 'in', ['at_door', 'unloading'])
        .execute();
      expect(atTheDoor).toEqual([{ id: atDoorId, status: 'unloading' }]);
      for (const truck of await t.ctx.database.db
        .selectFrom('inboundDelivery')
        .select('id')
        .where('doorId', '=', booked)
        .where('status', '=', 'at_gate')
        .execute())
        others.add(truck.id);
    });
    // Trucks booked at that door came and waited; the one at the gate by hand was never called.
    others.delete(waitingId);
    expect(others.size).toBeGreaterThan(0);
    expect(await row(waitingId)).toMatchObject({
      status: 'at_gate',
      doorArrivedAt: null,
      dockHandling: 'manual',
    });
    expect(await row(atDoorId)).toMatchObject({
      status: 'unloading',
      unloadedAt: null,
      dockHandling: 'manual',
    });

    // Staff finish and let it go: the simulator calls the waiting trucks to that door again.
    const items = await t.ctx.database.db
      .selectFrom('deliveryItem')
      .selectAll()
      .where('deliveryId', '=', atDoorId)
      .execute();
    okValue(
      await call('gate.finishUnloading', {
        deliveryId: atDoorId,
        items: items.map((item) => ({ lineNo: item.lineNo, quantityReceived: item.quantityAnnounced })),
      }),
    );
    await runUntil(t.clock.now() + 30 * MINUTE, 10 * MINUTE);
    // Unloaded by hand, it leaves only when checked out by hand.
    expect((await row(atDoorId)).status).toBe('unloaded');
    okValue(await call('gate.checkOut', { deliveryId: atDoorId }));
    await runUntil(t.clock.now() + 30 * MINUTE, 10 * MINUTE);
    const called = await t.ctx.database.db
      .selectFrom('inboundDelivery')
      .select('id')
      .where('id', 'in', [...others])
      .where('doorArrivedAt', 'is not', null)
      .execute();
    expect(called.length).toBeGreaterThan(0);
    expect((await row(atDoorId)).status).toBe('departed');
  });
});
