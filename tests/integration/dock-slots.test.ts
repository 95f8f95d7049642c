import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from '../../src-main/domain/openingHours';
import { coveragePlantContext } from '../support/coveragePlant';
import { COOLED_TOR_3, deliveryRow, openDockDoors, updateDelivery } from '../support/dockPlant';
import { callOn, okValue } from '../support/planningCalls';

// The dock timeline and slot moves on the coverage plant (tests/support/coveragePlant.ts). Its
// clock stands at Friday 27 November 2026, 09:00 in Ingolstadt. Besides the plant's Tor 1
// (side loading, round the clock) and Tor 2 (plain, opened round the clock here), Tor 3 is cooled
// and keeps office hours, Tor 4 is plain but needs 45 minutes to unload.

const MINUTE = 60_000;
let t: Awaited<ReturnType<typeof coveragePlantContext>>;
const call = callOn(() => t.ctx);
let now: number;

beforeEach(async () => {
  t = await coveragePlantContext();
  now = t.clock.now();
  await openDockDoors(t.ctx, [
    COOLED_TOR_3,
    {
      id: 'T4',
      name: 'Tor 4',
      capabilities: '[]',
      openingHours: JSON.stringify(ALWAYS_OPEN),
      unloadMinutes: 45,
      sortOrder: 4,
    },
  ]);
  t.events.length = 0;
});
afterEach(() => t.dispose());

const row = (id: string) => deliveryRow(t.ctx, id);
const slotLog = () =>
  t.ctx.database.db
    .selectFrom('eventLog')
    .selectAll()
    .where('kind', 'like', 'slot.%')
    .orderBy('id')
    .execute();

describe('docks.timeline', () => {
  it('gives the grid, each slot’s dwell, movability, conflicts and the stoppage it feeds', async () => {
    const { db } = t.ctx.database;
    // D-1 needs a cooled door but is booked at Tor 1; a late booking at Tor 3 falls after closing;
    // D-7 is booked at Tor 2 on top of D-6.
    await updateDelivery(t.ctx, 'D-1', { requiredCapabilities: '["cooled"]' });
    await updateDelivery(t.ctx, 'D-2', {
      doorId: 'T3',
      slotStart: now + 690 * MINUTE,
      slotEnd: now + 720 * MINUTE,
    });
    await db
      .insertInto('inboundDelivery')
      .values({
        ...(await row('D-1')),
        id: 'D-7',
        noticeNumber: 'ASN-D-7',
        doorId: 'T2',
        slotStart: now + 160 * MINUTE,
        slotEnd: now + 190 * MINUTE,
        requiredCapabilities: '[]',
      })
      .execute();

    const timeline = okValue(
      await call('docks.timeline', { from: now - 180 * MINUTE, to: now + 24 * 60 * MINUTE }),
    );
    expect(timeline.gridMinutes).toBe(30);
    expect(timeline.doors.map((door) => [door.id, door.capabilities])).toEqual([
      ['T1', ['side_loading']],
      ['T2', []],
      ['T3', ['cooled']],
      ['T4', []],
    ]);
    const slot = (id: string) => timeline.slots.find((candidate) => candidate.id === id)!;
    expect(timeline.slots.map((s) => s.id).sort()).toEqual(['D-1', 'D-2', 'D-3', 'D-5', 'D-6', 'D-7']);
    expect(slot('D-1')).toMatchObject({
      requiredCapabilities: ['cooled'],
      dockHandling: 'auto',
      movable: true,
      dwellMinutes: null,
      conflicts: [{ kind: 'capability', capability: 'cooled' }],
      feedsStoppage: null,
    });
    expect(slot('D-2').conflicts).toEqual([{ kind: 'closed' }]);
    expect(slot('D-2').feedsStoppage).toEqual({
      stoppageId: 'L1:O-2:4711-002',
      lineId: 'L1',
      lineName: 'Linie 1',
      partId: '4711-002',
      start: now + 95 * MINUTE,
      durationMinutes: expect.any(Number),
    });
    expect(slot('D-6')).toMatchObject({
      status: 'at_gate',
      movable: true,
      dwellMinutes: 5,
      conflicts: [{ kind: 'overlap', withDeliveryId: 'D-7' }],
    });
    // D-6 brings 4711-002 too and is already here: it shortens the same stoppage.
    expect(slot('D-6').feedsStoppage?.stoppageId).toBe('L1:O-2:4711-002');
    expect(slot('D-7').conflicts).toEqual([{ kind: 'overlap', withDeliveryId: 'D-6' }]);
    expect(slot('D-5')).toMatchObject({ status: 'unloading', movable: false, dwellMinutes: 25 });
    expect(slot('D-3')).toMatchObject({
      status: 'departed',
      movable: false,
      dwellMinutes: 50,
      conflicts: [],
    });
  });
});

describe('docks.moveSlot', () => {
  it('moves a slot to another time and door, keeping its length, with its event-log entry', async () => {
    const before = await row('D-1');
    const moved = okValue(
      await call('docks.moveSlot', { deliveryId: 'D-1', doorId: 'T2', slotStart: now + 210 * MINUTE }),
    );
    expect(moved).toMatchObject({
      id: 'D-1',
      doorId: 'T2',
      slotStart: now + 210 * MINUTE,
      slotEnd: now + 240 * MINUTE,
      movable: true,
      conflicts: [],
    });
    const after = await row('D-1');
    expect([after.doorId, after.slotStart, after.slotEnd]).toEqual([
      'T2',
      now + 210 * MINUTE,
      now + 240 * MINUTE,
    ]);
    expect(after.dockHandling).toBe('auto');
    const log = await slotLog();
    expect(log).toEqual([
      expect.objectContaining({
        actor: 'control room',
        kind: 'slot.moved',
        entityType: 'delivery',
        entityId: 'D-1',
        at: now,
      }),
    ]);
    expect(JSON.parse(log[0]!.payload!)).toEqual({
      fromDoorId: 'T1',
      fromStart: before.slotStart,
      toDoorId: 'T2',
      toStart: now + 210 * MINUTE,
    });
    expect(t.events).toEqual([{ event: 'deliveries.changed', payload: { ids: ['D-1'] } }]);
  });

  it('books a door for a delivery that has none', async () => {
    await updateDelivery(t.ctx, 'D-1', { doorId: null });
    const booked = okValue(
      await call('docks.moveSlot', { deliveryId: 'D-1', doorId: 'T2', slotStart: now + 60 * MINUTE }),
    );
    expect(booked).toMatchObject({ doorId: 'T2', slotStart: now + 60 * MINUTE });
    const log = await slotLog();
    expect(log.map((entry) => entry.kind)).toEqual(['slot.booked']);
    expect(JSON.parse(log[0]!.payload!)).toMatchObject({ fromDoorId: null, toDoorId: 'T2' });
  });

  it('refuses each rule broken with its reason and a sentence, and changes nothing', async () => {
    const before = await row('D-1');
    const refusals: [Record<string, unknown>, string, RegExp, Record<string, unknown>][] = [
      [
        { slotStart: now + 70 * MINUTE },
        'grid',
        /27\.11\. 10:10 is off the 30-minute dock grid/,
        { gridMinutes: 30 },
      ],
      [
        { slotStart: now - 60 * MINUTE },
        'past',
        /The window 27\.11\. 08:00–08:30 has already passed; ASN-D-1/,
        {},
      ],
      [
        { doorId: 'T4' },
        'duration',
        /Tor 4 takes 45 minutes to unload a truck; the 30-minute slot of ASN-D-1 is too short/,
        {},
      ],
      [
        { doorId: 'T3', slotStart: now + 690 * MINUTE },
        'closed',
        /Tor 3 is not open for the whole window 27\.11\. 20:30–21:00/,
        {},
      ],
      [
        { doorId: 'T2', slotStart: now + 150 * MINUTE },
        'overlap',
        /Tor 2 is booked for ASN-D-6 from 27\.11\. 11:30 to 12:00; the window 27\.11\. 11:30–12:00 for ASN-D-1 overlaps it\./,
        { withDeliveryId: 'D-6' },
      ],
    ];
    for (const [change, reason, message, details] of refusals) {
      const result = await call('docks.moveSlot', {
        deliveryId: 'D-1',
        doorId: 'T2',
        slotStart: now + 120 * MINUTE,
        ...change,
      });
      expect(result.ok, reason).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('CONFLICT');
      expect(result.error.message).toMatch(message);
      expect(result.error.details).toMatchObject({ reason, deliveryId: 'D-1', ...details });
    }
    await updateDelivery(t.ctx, 'D-1', { requiredCapabilities: '["cooled"]' });
    const capability = await call('docks.moveSlot', {
      deliveryId: 'D-1',
      doorId: 'T2',
      slotStart: now + 120 * MINUTE,
    });
    expect(!capability.ok && capability.error).toEqual({
      code: 'CONFLICT',
      message: 'Tor 2 has no cooled, which ASN-D-1 needs.',
      details: expect.objectContaining({ reason: 'capability', capability: 'cooled', doorId: 'T2' }),
    });
    const status = await call('docks.moveSlot', {
      deliveryId: 'D-5',
      doorId: 'T1',
      slotStart: now + 120 * MINUTE,
    });
    expect(!status.ok && status.error).toEqual({
      code: 'CONFLICT',
      message: 'Delivery ASN-D-5 is being unloaded; only a delivery not yet at a door can get another slot.',
      details: { reason: 'status', deliveryId: 'D-5', status: 'unloading' },
    });
    const unknownDoor = await call('docks.moveSlot', {
      deliveryId: 'D-1',
      doorId: 'T9',
      slotStart: now + 120 * MINUTE,
    });
    expect(!unknownDoor.ok && unknownDoor.error.code).toBe('NOT_FOUND');
    const unknownDelivery = await call('docks.moveSlot', {
      deliveryId: 'D-99',
      doorId: 'T1',
      slotStart: now + 120 * MINUTE,
    });
    expect(!unknownDelivery.ok && unknownDelivery.error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no delivery D-99.',
    });

    const after = await row('D-1');
    expect({ ...after, requiredCapabilities: before.requiredCapabilities }).toEqual(before);
    expect(await slotLog()).toEqual([]);
    expect(t.events).toEqual([]);
  });

  it('follows the grid the control room sets', async () => {
    const refused = await call('docks.moveSlot', {
      deliveryId: 'D-1',
      doorId: 'T2',
      slotStart: now + 75 * MINUTE,
    });
    expect(!refused.ok && refused.error.details).toMatchObject({ reason: 'grid' });
    expect(okValue(await call('docks.setGridMinutes', { minutes: 15 }))).toEqual({ gridMinutes: 15 });
    expect(okValue(await call('docks.timeline', { from: now, to: now + 60 * MINUTE })).gridMinutes).toBe(15);
    const moved = okValue(
      await call('docks.moveSlot', { deliveryId: 'D-1', doorId: 'T2', slotStart: now + 75 * MINUTE }),
    );
    expect(moved.slotStart).toBe(now + 75 * MINUTE);
    const bad = await call('docks.setGridMinutes', { minutes: 20 });
    expect(!bad.ok && bad.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('minutes'),
    });
    const setting = await t.ctx.database.db
      .selectFrom('setting')
      .selectAll()
      .where('key', '=', 'dock.gridMinutes')
      .executeTakeFirstOrThrow();
    expect(setting.value).toBe('15');
  });
});

describe('docks.swapSlots', () => {
  it('swaps two deliveries’ doors and windows, with an event-log entry for each', async () => {
    const [d1, d6] = [await row('D-1'), await row('D-6')];
    const { slots } = okValue(await call('docks.swapSlots', { deliveryId: 'D-1', withDeliveryId: 'D-6' }));
    expect(slots.map((slot) => [slot.id, slot.doorId, slot.slotStart])).toEqual([
      ['D-1', 'T2', d6.slotStart],
      ['D-6', 'T1', d1.slotStart],
    ]);
    const log = await slotLog();
    expect(log.map((entry) => [entry.kind, entry.entityId])).toEqual([
      ['slot.swapped', 'D-1'],
      ['slot.swapped', 'D-6'],
    ]);
    expect(JSON.parse(log[0]!.payload!)).toEqual({
      fromDoorId: 'T1',
      fromStart: d1.slotStart,
      toDoorId: 'T2',
      toStart: d6.slotStart,
      withDeliveryId: 'D-6',
    });
    expect(t.events).toEqual([{ event: 'deliveries.changed', payload: { ids: ['D-1', 'D-6'] } }]);
  });

  it('refuses a swap where one does not fit the other’s door, or one is already unloading', async () => {
    await updateDelivery(t.ctx, 'D-1', { requiredCapabilities: '["side_loading"]' });
    const capability = await call('docks.swapSlots', { deliveryId: 'D-1', withDeliveryId: 'D-6' });
    expect(!capability.ok && capability.error).toMatchObject({
      code: 'CONFLICT',
      message: 'Tor 2 has no side_loading, which ASN-D-1 needs.',
      details: { reason: 'capability' },
    });
    const status = await call('docks.swapSlots', { deliveryId: 'D-1', withDeliveryId: 'D-5' });
    expect(!status.ok && status.error.details).toMatchObject({ reason: 'status', deliveryId: 'D-5' });
    const self = await call('docks.swapSlots', { deliveryId: 'D-1', withDeliveryId: 'D-1' });
    expect(!self.ok && self.error.code).toBe('INVALID_INPUT');
    expect((await row('D-1')).doorId).toBe('T1');
    expect(await slotLog()).toEqual([]);
  });
});
