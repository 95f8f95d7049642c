import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from '../../src-main/domain/openingHours';
import { checkInOnArrival } from '../../src-main/services/gate/checkInOnArrival';
import { coveragePlantContext } from '../support/coveragePlant';
import { deliveryRow, updateDelivery } from '../support/dockPlant';
import { callOn, okValue } from '../support/planningCalls';

// The gate and dock workflow by hand on the coverage plant: D-2 (on its way with 100 × 4711-002)
// is the truck whose goods end the predicted 45-minute stoppage of Linie 1; stock of 4711-002 is
// 10. Tor 1 (side loading) is open round the clock; Tor 2 has no opening hours (closed) and
// D-5 is being unloaded there.

const MINUTE = 60_000;
let t: Awaited<ReturnType<typeof coveragePlantContext>>;
const call = callOn(() => t.ctx);
let now: number;

beforeEach(async () => {
  t = await coveragePlantContext();
  now = t.clock.now();
});
afterEach(() => t.dispose());

const row = (id: string) => deliveryRow(t.ctx, id);
const onHand = async (partId: string) =>
  (
    await t.ctx.database.db
      .selectFrom('stock')
      .select('onHand')
      .where('partId', '=', partId)
      .executeTakeFirstOrThrow()
  ).onHand;
const history = async (id: string) => okValue(await call('deliveries.get', { id })).history;

describe('the gate-to-door workflow', () => {
  it('takes a truck from check-in to check-out: timestamps, history, stock, differences, dwell time', async () => {
    expect(okValue(await call('coverage.overview', {})).stoppages.map((s) => s.id)).toEqual([
      'L1:O-2:4711-002',
    ]);

    const checkedIn = okValue(await call('gate.checkIn', { deliveryId: 'D-2' }));
    expect(checkedIn).toMatchObject({
      id: 'D-2',
      status: 'at_gate',
      gateInAt: now,
      punctuality: { class: 'at_plant' },
    });
    expect((await row('D-2')).dockHandling).toBe('manual');

    t.clock.set(now + 10 * MINUTE);
    const atDoor = okValue(await call('gate.assignDoor', { deliveryId: 'D-2', doorId: 'T1' }));
    expect(atDoor).toMatchObject({
      status: 'at_door',
      doorId: 'T1',
      doorName: 'Tor 1',
      doorArrivedAt: now + 10 * MINUTE,
    });

    t.clock.set(now + 15 * MINUTE);
    expect(okValue(await call('gate.startUnloading', { deliveryId: 'D-2' }))).toMatchObject({
      status: 'unloading',
      unloadingStartedAt: now + 15 * MINUTE,
    });

    t.clock.set(now + 40 * MINUTE);
    t.events.length = 0;
    const unloaded = okValue(
      await call('gate.finishUnloading', {
        deliveryId: 'D-2',
        items: [{ lineNo: 1, quantityReceived: 95 }],
        note: 'Ein Karton beschädigt',
      }),
    );
    expect(unloaded).toMatchObject({ status: 'unloaded', unloadedAt: now + 40 * MINUTE });
    expect(await onHand('4711-002')).toBe(105);
    const movements = await t.ctx.database.db
      .selectFrom('stockMovement')
      .selectAll()
      .where('deliveryId', '=', 'D-2')
      .execute();
    expect(movements).toEqual([
      expect.objectContaining({
        partId: '4711-002',
        kind: 'receipt',
        quantity: 95,
        at: now + 40 * MINUTE,
        note: 'Ein Karton beschädigt',
      }),
    ]);
    const items = await t.ctx.database.db
      .selectFrom('deliveryItem')
      .selectAll()
      .where('deliveryId', '=', 'D-2')
      .execute();
    expect(items.map((item) => item.quantityReceived)).toEqual([95]);
    expect(t.events).toEqual([
      { event: 'deliveries.changed', payload: { ids: ['D-2'] } },
      { event: 'stock.changed', payload: { partIds: ['4711-002'] } },
    ]);
    // The goods are in: the stoppage they would have ended is no longer predicted.
    expect(okValue(await call('coverage.overview', {})).stoppages).toEqual([]);

    t.clock.set(now + 50 * MINUTE);
    expect(okValue(await call('gate.checkOut', { deliveryId: 'D-2' }))).toMatchObject({
      status: 'departed',
      gateOutAt: now + 50 * MINUTE,
      punctuality: { class: 'completed' },
    });
    const timeline = okValue(
      await call('docks.timeline', { from: now - 60 * MINUTE, to: now + 120 * MINUTE }),
    );
    expect(timeline.slots.find((slot) => slot.id === 'D-2')).toMatchObject({
      dwellMinutes: 50,
      dockHandling: 'manual',
      doorId: 'T1',
    });

    const steps = await history('D-2');
    expect(steps.map((entry) => [entry.kind, entry.actor, entry.at - now])).toEqual([
      ['gate.checked_in', 'control room', 0],
      ['delivery.status', 'control room', 0],
      ['gate.door_assigned', 'control room', 10 * MINUTE],
      ['delivery.status', 'control room', 10 * MINUTE],
      ['dock.unloading_started', 'control room', 15 * MINUTE],
      ['delivery.status', 'control room', 15 * MINUTE],
      ['dock.unloaded', 'control room', 40 * MINUTE],
      ['delivery.status', 'control room', 40 * MINUTE],
      ['gate.checked_out', 'control room', 50 * MINUTE],
      ['delivery.status', 'control room', 50 * MINUTE],
    ]);
    expect(steps.filter((entry) => entry.kind === 'delivery.status').map((entry) => entry.details)).toEqual([
      { from: 'in_transit', to: 'at_gate' },
      { from: 'at_gate', to: 'at_door' },
      { from: 'at_door', to: 'unloading' },
      { from: 'unloading', to: 'unloaded' },
      { from: 'unloaded', to: 'departed' },
    ]);
    const log = await t.ctx.database.db
      .selectFrom('eventLog')
      .select(['kind', 'payload'])
      .where('entityId', '=', 'D-2')
      .execute();
    const payload = (kind: string) => JSON.parse(log.find((entry) => entry.kind === kind)!.payload!);
    expect(payload('gate.checked_in')).toEqual({ by: 'hand' });
    expect(payload('dock.unloaded')).toEqual({
      items: [{ lineNo: 1, partId: '4711-002', announced: 100, received: 95, difference: -5 }],
      note: 'Ein Karton beschädigt',
    });
    expect(payload('gate.checked_out')).toEqual({ dwellMinutes: 50 });
  });

  it('refuses steps out of order with the reason, and changes nothing', async () => {
    const before = await row('D-1');
    const refusals: [string, Record<string, unknown>, string][] = [
      [
        'gate.startUnloading',
        { deliveryId: 'D-1' },
        'Delivery ASN-D-1 is on the way; start unloading only once it is at a door.',
      ],
      [
        'gate.assignDoor',
        { deliveryId: 'D-1', doorId: 'T1' },
        'Delivery ASN-D-1 is on the way; only a truck waiting at the gate can be sent to a door.',
      ],
      [
        'gate.finishUnloading',
        { deliveryId: 'D-1', items: [{ lineNo: 1, quantityReceived: 200 }] },
        'Delivery ASN-D-1 is on the way; finish unloading only once unloading has started.',
      ],
      [
        'gate.checkOut',
        { deliveryId: 'D-1' },
        'Delivery ASN-D-1 is on the way; check out only once it is unloaded.',
      ],
    ];
    for (const [name, input, message] of refusals) {
      const result = await call(name as 'gate.checkOut', input);
      expect(!result.ok && result.error, name).toEqual({
        code: 'CONFLICT',
        message,
        details: { reason: 'status', deliveryId: 'D-1', status: 'in_transit' },
      });
    }
    const again = await call('gate.checkIn', { deliveryId: 'D-6' });
    expect(!again.ok && again.error.message).toBe(
      'Delivery ASN-D-6 is at the gate; only a truck still on its way can be checked in.',
    );
    expect(await row('D-1')).toEqual(before);
    expect(await t.ctx.database.db.selectFrom('eventLog').selectAll().execute()).toEqual([]);
    const unknown = await call('gate.checkIn', { deliveryId: 'D-99' });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
  });

  it('sends a truck only to a fitting, open, free door', async () => {
    await updateDelivery(t.ctx, 'D-6', { requiredCapabilities: '["cooled"]' });
    const capability = await call('gate.assignDoor', { deliveryId: 'D-6', doorId: 'T1' });
    expect(!capability.ok && capability.error).toMatchObject({
      message: 'Tor 1 has no cooled, which ASN-D-6 needs.',
      details: { reason: 'capability', capability: 'cooled' },
    });
    await updateDelivery(t.ctx, 'D-6', { requiredCapabilities: '[]' });
    const closed = await call('gate.assignDoor', { deliveryId: 'D-6', doorId: 'T2' });
    expect(!closed.ok && closed.error).toMatchObject({
      message: 'Tor 2 is closed now; send ASN-D-6 to an open door.',
      details: { reason: 'closed' },
    });
    await t.ctx.database.db
      .updateTable('dockDoor')
      .set({ openingHours: JSON.stringify(ALWAYS_OPEN) })
      .where('id', '=', 'T2')
      .execute();
    const taken = await call('gate.assignDoor', { deliveryId: 'D-6', doorId: 'T2' });
    expect(!taken.ok && taken.error).toMatchObject({
      message: 'Tor 2 is taken by ASN-D-5; send ASN-D-6 there once that truck is unloaded.',
      details: { reason: 'overlap', withDeliveryId: 'D-5' },
    });
    expect((await row('D-6')).status).toBe('at_gate');
    expect(okValue(await call('gate.assignDoor', { deliveryId: 'D-6', doorId: 'T1' })).status).toBe(
      'at_door',
    );
  });

  it('wants every item line once when unloading finishes', async () => {
    await updateDelivery(t.ctx, 'D-2', { status: 'unloading' });
    for (const items of [
      [],
      [{ lineNo: 2, quantityReceived: 5 }],
      [
        { lineNo: 1, quantityReceived: 5 },
        { lineNo: 1, quantityReceived: 6 },
      ],
    ]) {
      const result = await call('gate.finishUnloading', { deliveryId: 'D-2', items });
      expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
    }
    const negative = await call('gate.finishUnloading', {
      deliveryId: 'D-2',
      items: [{ lineNo: 1, quantityReceived: -1 }],
    });
    expect(!negative.ok && negative.error.message).toMatch(/items\.0\.quantityReceived/);
    const missing = await call('gate.finishUnloading', {
      deliveryId: 'D-2',
      items: [{ lineNo: 2, quantityReceived: 5 }],
    });
    expect(!missing.ok && missing.error.message).toBe(
      'Delivery ASN-D-2 has item lines 1; give each exactly once (missing line 1; no line 2 on the notice).',
    );
    expect(await onHand('4711-002')).toBe(10);
    expect((await row('D-2')).status).toBe('unloading');
  });
});

describe('check-in by geofence', () => {
  it('checks a truck on its way in once, leaving its dock handling automatic', async () => {
    const at = now + 3 * MINUTE;
    expect(t.ctx.database.sqlite.transaction(() => checkInOnArrival(t.ctx, 'D-1', at))()).toBe(true);
    const checkedIn = await row('D-1');
    expect(checkedIn).toMatchObject({ status: 'at_gate', gateInAt: at, dockHandling: 'auto' });
    expect(checkInOnArrival(t.ctx, 'D-1', at + MINUTE)).toBe(false);
    expect(checkInOnArrival(t.ctx, 'D-99', at)).toBe(false);
    const log = await t.ctx.database.db
      .selectFrom('eventLog')
      .select(['kind', 'actor', 'payload'])
      .where('entityId', '=', 'D-1')
      .orderBy('id')
      .execute();
    expect(log).toEqual([
      { kind: 'gate.checked_in', actor: 'geofence', payload: '{"by":"geofence"}' },
      { kind: 'delivery.status', actor: 'geofence', payload: '{"from":"in_transit","to":"at_gate"}' },
    ]);
    expect(t.events).toEqual([]);
  });
});
