import { describe, expect, it } from 'vitest';
import type { DoorRow, PartRow, SupplyRow } from '../../src-main/services/coverage/plantReads';
import { availabilityTimes, instanceMinutes } from '../../src-main/services/coverage/supplyAvailability';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 10, 27, 8, 0);
const door = (id: string, unloadMinutes: number): DoorRow => ({
  id,
  name: id,
  unloadMinutes,
  capabilities: '[]',
  openingHours: '[]',
});
const doors = new Map([
  ['T1', door('T1', 20)],
  ['T2', door('T2', 30)],
]);
const parts = new Map<string, PartRow>([
  ['P', { id: 'P', description: 'P', unit: 'ST', safetyStock: 0, putAwayMinutes: 15 }],
]);
const row = (extra: Partial<SupplyRow>): SupplyRow => ({
  deliveryId: 'D',
  noticeNumber: null,
  truckPlate: null,
  supplierName: 'S',
  status: 'in_transit',
  doorId: 'T1',
  slotStart: NOW + 60 * MINUTE,
  eta: NOW + 70 * MINUTE,
  doorArrivedAt: null,
  unloadingStartedAt: null,
  lineNo: 1,
  partId: 'P',
  quantity: 10,
  ...extra,
});
const minutes = (rows: SupplyRow[]) =>
  availabilityTimes(rows, doors, parts, NOW).map((at) => (at - NOW) / MINUTE);

describe('when a delivery’s goods can feed the lines', () => {
  it('adds the door’s unloading and the part’s put-away to the arrival', () => {
    expect(minutes([row({})])).toEqual([70 + 20 + 15]);
    expect(minutes([row({ doorId: 'T2' })])).toEqual([70 + 30 + 15]);
    // Without a door yet: the slowest door's unloading.
    expect(minutes([row({ doorId: null })])).toEqual([70 + 30 + 15]);
    // Without an ETA: the slot.
    expect(minutes([row({ eta: null })])).toEqual([60 + 20 + 15]);
  });

  it('lets an early truck wait for its call to the door, half an hour before its slot', () => {
    expect(minutes([row({ eta: NOW + 10 * MINUTE, slotStart: NOW + 120 * MINUTE })])).toEqual([90 + 20 + 15]);
    expect(
      minutes([row({ status: 'at_gate', eta: NOW - 5 * MINUTE, slotStart: NOW + 10 * MINUTE })]),
    ).toEqual([0 + 20 + 15]);
  });

  it('counts the unloading under way, and a busy door for the truck waiting for it', () => {
    const unloading = row({
      deliveryId: 'U',
      status: 'unloading',
      doorId: 'T2',
      unloadingStartedAt: NOW - 10 * MINUTE,
    });
    const waiting = row({ deliveryId: 'W', status: 'at_gate', doorId: 'T2', slotStart: NOW - 30 * MINUTE });
    expect(minutes([unloading, waiting])).toEqual([-10 + 30 + 15, 20 + 30 + 15]);
    const atDoor = row({ status: 'at_door', doorArrivedAt: NOW - 3 * MINUTE });
    expect(minutes([atDoor])).toEqual([20 + 15]);
  });

  it('puts times on the 1/64-minute grid, never before t = 0', () => {
    expect(instanceMinutes(NOW + 1000, NOW)).toBe(Math.round((1000 / MINUTE) * 64) / 64);
    expect(instanceMinutes(NOW - 5 * MINUTE, NOW)).toBe(0);
  });
});
