import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, type OpeningWindow } from '../../src-main/domain/openingHours';
import { fromLocal } from '../../src-main/domain/plantTime';
import {
  missingCapabilities,
  parseCapabilities,
  spareCapabilities,
} from '../../src-main/domain/slots/capability';
import { ceilToGrid, floorToGrid, isOnGrid } from '../../src-main/domain/slots/grid';
import { openForWindow } from '../../src-main/domain/slots/openWindow';
import { firstOverlap, overlappingPairs, windowsOverlap } from '../../src-main/domain/slots/overlap';
import { type PlacementInput, placementProblem } from '../../src-main/domain/slots/placement';

const TZ = 'Europe/Berlin';
const MINUTE = 60_000;
const local = (month: number, day: number, hour: number, minute: number) =>
  fromLocal(2026, month, day, hour, minute, TZ);

describe('the dock grid in plant time', () => {
  it('counts grid points from plant-local midnight, not from UTC', () => {
    // 09:30 in Berlin (UTC+1) is 08:30 UTC: on the 30-minute grid either way, but Kolkata (UTC+5:30)
    // has its grid half an hour off UTC's.
    expect(isOnGrid(local(11, 27, 9, 30), 30, TZ)).toBe(true);
    expect(isOnGrid(local(11, 27, 9, 30), 60, TZ)).toBe(false);
    expect(isOnGrid(Date.UTC(2026, 10, 27, 0, 0), 60, 'Asia/Kolkata')).toBe(false);
    expect(isOnGrid(Date.UTC(2026, 10, 27, 0, 30), 60, 'Asia/Kolkata')).toBe(true);
    expect(isOnGrid(local(11, 27, 9, 30) + 1000, 30, TZ)).toBe(false);
    expect(isOnGrid(local(11, 27, 9, 45), 15, TZ)).toBe(true);
    expect(isOnGrid(local(11, 27, 9, 45), 30, TZ)).toBe(false);
  });

  it('keeps the grid across the spring change (02:00 → 03:00) and the autumn change (03:00 → 02:00)', () => {
    // 29 March 2026: 01:30 CET is followed 30 minutes later by 03:00 CEST.
    const beforeSpring = local(3, 29, 1, 30);
    expect(isOnGrid(beforeSpring, 30, TZ)).toBe(true);
    expect(isOnGrid(beforeSpring + 30 * MINUTE, 30, TZ)).toBe(true);
    expect(isOnGrid(beforeSpring + 30 * MINUTE, 60, TZ)).toBe(true);
    expect(ceilToGrid(local(3, 29, 1, 50), 30, TZ)).toBe(local(3, 29, 3, 0));
    expect(ceilToGrid(local(3, 29, 1, 50), 30, TZ) - local(3, 29, 1, 50)).toBe(10 * MINUTE);
    // 25 October 2026: 02:30 happens twice, both times on the grid.
    const firstHalfPast2 = Date.UTC(2026, 9, 25, 0, 30); // 02:30 CEST
    const secondHalfPast2 = Date.UTC(2026, 9, 25, 1, 30); // 02:30 CET
    expect(isOnGrid(firstHalfPast2, 30, TZ)).toBe(true);
    expect(isOnGrid(secondHalfPast2, 30, TZ)).toBe(true);
    expect(isOnGrid(secondHalfPast2 + 15 * MINUTE, 30, TZ)).toBe(false);
    expect(floorToGrid(secondHalfPast2 + 20 * MINUTE, 30, TZ)).toBe(secondHalfPast2);
  });

  it('rounds up and down to the grid, leaving grid points alone', () => {
    const at = local(11, 27, 10, 7) + 12_345;
    expect(ceilToGrid(at, 15, TZ)).toBe(local(11, 27, 10, 15));
    expect(floorToGrid(at, 15, TZ)).toBe(local(11, 27, 10, 0));
    expect(ceilToGrid(local(11, 27, 10, 0), 60, TZ)).toBe(local(11, 27, 10, 0));
    expect(ceilToGrid(local(11, 27, 23, 50), 60, TZ)).toBe(local(11, 28, 0, 0));
  });
});

describe('grid rounding, for any moment and zone', () => {
  it('lands on the grid, within one grid step, in Berlin, New York and Kolkata', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }),
        fc.constantFrom(5, 10, 15, 30, 60),
        fc.constantFrom(...zones),
        (at, grid, zone) => {
          const up = ceilToGrid(at, grid, zone);
          const down = floorToGrid(at, grid, zone);
          expect(isOnGrid(up, grid, zone)).toBe(true);
          expect(isOnGrid(down, grid, zone)).toBe(true);
          expect(up).toBeGreaterThanOrEqual(at);
          expect(up - at).toBeLessThan(grid * MINUTE);
          expect(down).toBeLessThanOrEqual(at);
          expect(at - down).toBeLessThan(grid * MINUTE);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('slot windows overlap when they share time, not when they touch', () => {
  it('treats windows as half-open', () => {
    expect(windowsOverlap({ start: 0, end: 30 }, { start: 30, end: 60 })).toBe(false);
    expect(windowsOverlap({ start: 0, end: 31 }, { start: 30, end: 60 })).toBe(true);
    expect(windowsOverlap({ start: 10, end: 20 }, { start: 0, end: 60 })).toBe(true);
    expect(
      firstOverlap({ start: 30, end: 60 }, [
        { start: 0, end: 30 },
        { start: 50, end: 80, id: 'b' },
      ]),
    ).toEqual({
      start: 50,
      end: 80,
      id: 'b',
    });
    expect(firstOverlap({ start: 30, end: 60 }, [{ start: 60, end: 90 }])).toBeNull();
  });

  it('finds every overlapping pair of a door’s list, in any order', () => {
    const windows = [
      { start: 60, end: 90 },
      { start: 0, end: 30 },
      { start: 20, end: 70 },
      { start: 90, end: 120 },
    ];
    const pairs = overlappingPairs(windows).map((pair) => [...pair].sort().join('-'));
    expect(pairs.sort()).toEqual(['0-2', '1-2']);
    expect(overlappingPairs([])).toEqual([]);
  });

  it('finds exactly the pairs a comparison of every two windows finds', () => {
    const window = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 60 }));
    fc.assert(
      fc.property(fc.array(window, { maxLength: 25 }), (spans) => {
        const windows = spans.map(([start, length]) => ({ start, end: start + length }));
        const expected: string[] = [];
        for (let a = 0; a < windows.length; a++) {
          for (let b = a + 1; b < windows.length; b++) {
            if (windowsOverlap(windows[a]!, windows[b]!)) expected.push(`${a}-${b}`);
          }
        }
        const found = overlappingPairs(windows).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`);
        expect(found.sort()).toEqual(expected.sort());
      }),
    );
  });
});

describe('door capabilities', () => {
  it('names what the door lacks and what it has to spare', () => {
    expect(missingCapabilities(['cooled'], ['cooled', 'side_loading'])).toEqual([]);
    expect(missingCapabilities(['cooled', 'hazardous'], ['cooled'])).toEqual(['hazardous']);
    expect(spareCapabilities(['cooled'], ['cooled', 'side_loading'])).toEqual(['side_loading']);
    expect(spareCapabilities([], [])).toEqual([]);
  });

  it('reads the JSON column, taking anything unreadable as none', () => {
    expect(parseCapabilities('["cooled","cooled","oversize"]')).toEqual(['cooled', 'oversize']);
    expect(parseCapabilities('{"cooled":true}')).toEqual([]);
    expect(parseCapabilities('not json')).toEqual([]);
    expect(parseCapabilities(null)).toEqual([]);
  });
});

describe('opening hours for a whole window', () => {
  const dayShift: OpeningWindow[] = [{ days: [1, 2, 3, 4, 5], open: '05:00', close: '22:00' }];

  it('needs the door open from the start to the end of the window', () => {
    // Friday 27 November 2026.
    expect(openForWindow(dayShift, local(11, 27, 21, 30), local(11, 27, 22, 0), TZ)).toBe(true);
    expect(openForWindow(dayShift, local(11, 27, 21, 45), local(11, 27, 22, 15), TZ)).toBe(false);
    expect(openForWindow(dayShift, local(11, 27, 4, 45), local(11, 27, 5, 15), TZ)).toBe(false);
    // Saturday.
    expect(openForWindow(dayShift, local(11, 28, 10, 0), local(11, 28, 10, 30), TZ)).toBe(false);
    expect(openForWindow([], local(11, 27, 10, 0), local(11, 27, 10, 30), TZ)).toBe(false);
  });

  it('judges a window across midnight by both days’ hours', () => {
    const nights: OpeningWindow[] = [
      { days: [5], open: '18:00', close: '24:00' },
      { days: [6], open: '00:00', close: '06:00' },
    ];
    expect(openForWindow(nights, local(11, 27, 23, 45), local(11, 28, 0, 15), TZ)).toBe(true);
    expect(openForWindow(ALWAYS_OPEN, local(11, 27, 23, 45), local(11, 28, 0, 15), TZ)).toBe(true);
    const fridayOnly: OpeningWindow[] = [{ days: [5], open: '18:00', close: '24:00' }];
    expect(openForWindow(fridayOnly, local(11, 27, 23, 45), local(11, 28, 0, 15), TZ)).toBe(false);
    expect(openForWindow(fridayOnly, local(11, 27, 23, 30), local(11, 28, 0, 0), TZ)).toBe(true);
  });

  it('reads the wall clock across a daylight-saving change', () => {
    // Sunday 29 March 2026: 01:30 CET to 03:30 CEST is one real hour.
    const sundayNight: OpeningWindow[] = [{ days: [7], open: '01:00', close: '03:30' }];
    expect(openForWindow(sundayNight, local(3, 29, 1, 30), local(3, 29, 1, 30) + 60 * MINUTE, TZ)).toBe(true);
    expect(openForWindow(sundayNight, local(3, 29, 1, 30), local(3, 29, 1, 30) + 90 * MINUTE, TZ)).toBe(
      false,
    );
  });
});

describe('where a slot may go', () => {
  const now = local(11, 27, 9, 0);
  const base: PlacementInput = {
    window: { start: local(11, 27, 10, 0), end: local(11, 27, 10, 30) },
    door: { capabilities: ['cooled'], openingHours: ALWAYS_OPEN, unloadMinutes: 20 },
    required: ['cooled'],
    booked: [],
    now,
    timeZone: TZ,
    gridMinutes: 30,
  };

  it('accepts a fitting, open, free window on the grid', () => {
    expect(placementProblem(base)).toBeNull();
  });

  it('names the first rule broken: grid, past, capability, duration, closed, overlap', () => {
    expect(
      placementProblem({ ...base, window: { start: local(11, 27, 10, 10), end: local(11, 27, 10, 40) } }),
    ).toEqual({ reason: 'grid', gridMinutes: 30 });
    expect(
      placementProblem({
        ...base,
        gridMinutes: null,
        window: { start: local(11, 27, 10, 10), end: local(11, 27, 10, 40) },
      }),
    ).toBeNull();
    expect(placementProblem({ ...base, window: { start: local(11, 27, 8, 30), end: now } })).toEqual({
      reason: 'past',
    });
    expect(placementProblem({ ...base, required: ['cooled', 'hazardous'] })).toEqual({
      reason: 'capability',
      missing: ['hazardous'],
    });
    expect(placementProblem({ ...base, door: { ...base.door, unloadMinutes: 45 } })).toEqual({
      reason: 'duration',
      unloadMinutes: 45,
      slotMinutes: 30,
    });
    expect(
      placementProblem({
        ...base,
        door: { ...base.door, openingHours: [{ days: [5], open: '10:15', close: '20:00' }] },
      }),
    ).toEqual({ reason: 'closed' });
    const booked = [{ deliveryId: 'X', start: local(11, 27, 10, 15), end: local(11, 27, 10, 45) }];
    expect(placementProblem({ ...base, booked })).toEqual({
      reason: 'overlap',
      withDeliveryId: 'X',
      start: booked[0]!.start,
      end: booked[0]!.end,
    });
  });
});
