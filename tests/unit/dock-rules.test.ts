import { describe, expect, it } from 'vitest';
import { plantTimeFormatters } from '../../src-renderer/src/format/plantTime';
import type { DockDoor, DockSlot } from '../../src-renderer/src/views/docks/dockTypes';
import { doorChoices } from '../../src-renderer/src/views/docks/gate/doorChoice';
import { differences, dwellMinutes, nextGateStep } from '../../src-renderer/src/views/docks/gate/gateSteps';
import { checkMove } from '../../src-renderer/src/views/docks/moveValidation';
import { closedIntervals, openThroughout } from '../../src-renderer/src/views/docks/openingHours';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const berlin = plantTimeFormatters('Europe/Berlin', 'de-DE');
// Friday 27 Nov 2026, 00:00 in Berlin.
const FRIDAY = Date.UTC(2026, 10, 26, 23, 0);
const ALWAYS = [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }];
const WEEKDAYS = [{ days: [1, 2, 3, 4, 5], open: '06:00', close: '20:00' }];

function door(id: string, capabilities: string[] = [], openingHours = ALWAYS): DockDoor {
  return { id, name: id, unloadMinutes: 20, capabilities, openingHours };
}

function slot(id: string, doorId: string, start: number, extra: Partial<DockSlot> = {}): DockSlot {
  return {
    id,
    doorId,
    slotStart: start,
    slotEnd: start + 30 * MINUTE,
    movable: true,
    requiredCapabilities: [],
    status: 'announced',
    ...extra,
  } as DockSlot;
}

describe('opening hours in the renderer', () => {
  it('shades the night and the weekend of a weekday door', () => {
    const closed = closedIntervals(WEEKDAYS, FRIDAY, FRIDAY + 3 * 24 * HOUR, berlin);
    expect(closed).toEqual([
      { start: FRIDAY, end: FRIDAY + 6 * HOUR },
      // Friday 20:00 until Monday 06:00.
      { start: FRIDAY + 20 * HOUR, end: FRIDAY + 3 * 24 * HOUR },
    ]);
  });

  it('shades nothing of a door open round the clock, everything of one without hours', () => {
    expect(closedIntervals(ALWAYS, FRIDAY, FRIDAY + 7 * 24 * HOUR, berlin)).toEqual([]);
    expect(closedIntervals([], FRIDAY, FRIDAY + HOUR, berlin)).toEqual([
      { start: FRIDAY, end: FRIDAY + HOUR },
    ]);
  });

  it('follows the plant-local clock across a daylight-saving change', () => {
    // Sunday 29 March 2026: 06:00 local is 04:00 UTC (summer time from 02:00).
    const sunday = Date.UTC(2026, 2, 28, 23, 0);
    const hours = [{ days: [7], open: '06:00', close: '20:00' }];
    const closed = closedIntervals(hours, sunday, sunday + 23 * HOUR, berlin);
    expect(closed[0]).toEqual({ start: sunday, end: Date.UTC(2026, 2, 29, 4, 0) });
  });

  it('tells whether a door is open for a whole window', () => {
    expect(openThroughout(WEEKDAYS, FRIDAY + 19 * HOUR, FRIDAY + 19.5 * HOUR, berlin)).toBe(true);
    expect(openThroughout(WEEKDAYS, FRIDAY + 19.75 * HOUR, FRIDAY + 20.25 * HOUR, berlin)).toBe(false);
  });
});

describe('checking a move before it is sent', () => {
  const doors = new Map([
    ['a', door('a')],
    ['cool', door('cool', ['cooled'])],
    ['office', door('office', [], WEEKDAYS)],
  ]);
  const now = FRIDAY + 8 * HOUR;
  const other = slot('other', 'a', FRIDAY + 12 * HOUR);
  const context = { doors, slotsOf: (id: string) => (id === 'a' ? [other] : []), now, time: berlin };

  it('accepts a free, open, fitting place', () => {
    expect(
      checkMove(slot('s', 'a', FRIDAY + 10 * HOUR), { doorId: 'a', slotStart: FRIDAY + 11 * HOUR }, context),
    ).toEqual({
      ok: true,
    });
  });

  it('names the reason of a refusal', () => {
    const mine = slot('s', 'a', FRIDAY + 10 * HOUR, { requiredCapabilities: ['cooled'] });
    expect(checkMove(mine, { doorId: 'a', slotStart: FRIDAY + 11 * HOUR }, context)).toMatchObject({
      reason: 'capability',
      capability: 'cooled',
    });
    const plain = slot('s', 'a', FRIDAY + 10 * HOUR);
    expect(checkMove(plain, { doorId: 'a', slotStart: FRIDAY + 12.25 * HOUR }, context)).toMatchObject({
      reason: 'overlap',
      withSlot: { id: 'other' },
    });
    expect(checkMove(plain, { doorId: 'office', slotStart: FRIDAY + 21 * HOUR }, context)).toMatchObject({
      reason: 'closed',
    });
    expect(checkMove(plain, { doorId: 'a', slotStart: now - HOUR }, context)).toMatchObject({
      reason: 'past',
    });
    const atDoor = slot('s', 'a', FRIDAY + 10 * HOUR, { movable: false });
    expect(checkMove(atDoor, { doorId: 'a', slotStart: FRIDAY + 11 * HOUR }, context)).toMatchObject({
      reason: 'status',
    });
  });

  it('does not count the slot against itself', () => {
    expect(checkMove(other, { doorId: 'a', slotStart: other.slotStart + 15 * MINUTE }, context)).toEqual({
      ok: true,
    });
  });
});

describe('gate workflow', () => {
  it('offers one next step per status and none once the truck has left', () => {
    expect(nextGateStep('announced')).toBe('checkIn');
    expect(nextGateStep('in_transit')).toBe('checkIn');
    expect(nextGateStep('at_gate')).toBe('assignDoor');
    expect(nextGateStep('at_door')).toBe('startUnloading');
    expect(nextGateStep('unloading')).toBe('finishUnloading');
    expect(nextGateStep('unloaded')).toBe('checkOut');
    expect(nextGateStep('departed')).toBeNull();
    expect(nextGateStep('cancelled')).toBeNull();
  });

  it('computes dwell time from check-in to check-out, or to now', () => {
    expect(dwellMinutes(null, null, FRIDAY)).toBeNull();
    expect(dwellMinutes(FRIDAY, FRIDAY + 95 * MINUTE, FRIDAY + 999 * MINUTE)).toBe(95);
    expect(dwellMinutes(FRIDAY, null, FRIDAY + 12 * MINUTE)).toBe(12);
  });

  it('records the lines that differ from the shipping notice', () => {
    expect(
      differences([
        { lineNo: 1, announced: 10, received: 10 },
        { lineNo: 2, announced: 10, received: 8 },
      ]),
    ).toEqual([{ lineNo: 2, announced: 10, received: 8 }]);
  });

  it('ranks fitting, open, free doors first and explains the others', () => {
    const now = FRIDAY + 21 * HOUR;
    const choices = doorChoices(
      [door('busy'), door('office', [], WEEKDAYS), door('cool', ['cooled']), door('free'), door('booked')],
      [
        slot('at-busy', 'busy', now - HOUR, { status: 'unloading' }),
        slot('coming', 'booked', now + 10 * MINUTE, { status: 'in_transit' }),
      ],
      { id: 'me', doorId: 'booked', requiredCapabilities: ['cooled'] },
      now,
      berlin,
    );
    expect(choices[0]!.door.id).toBe('cool');
    expect(choices.find((c) => c.door.id === 'free')).toMatchObject({ fits: false, missing: ['cooled'] });
    expect(choices.find((c) => c.door.id === 'busy')!.free).toBe(false);
    expect(choices.find((c) => c.door.id === 'office')!.open).toBe(false);
    expect(choices.find((c) => c.door.id === 'booked')).toMatchObject({
      own: true,
      bookedBy: { id: 'coming' },
    });
  });
});
