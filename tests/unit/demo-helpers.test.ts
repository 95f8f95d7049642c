import { describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN,
  coversInterval,
  openAt,
  openThroughout,
  parseOpeningHours,
  plantWeekMinute,
} from '../../src-main/domain/openingHours';
import { fromLocal } from '../../src-main/domain/plantTime';
import { hashKey, randomStream, unitDraw } from '../../src-main/domain/seededRandom';

const TZ = 'Europe/Berlin';

describe('seeded random streams', () => {
  it('repeat for the same key and differ for another', () => {
    const a = randomStream(7, 'truck-1', 'pace');
    const b = randomStream(7, 'truck-1', 'pace');
    const c = randomStream(7, 'truck-2', 'pace');
    const first = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(first);
    expect(unitDraw(7, 'x', 3)).toBe(unitDraw(7, 'x', 3));
    expect(hashKey([1, 'ab'])).not.toBe(hashKey([1, 'a', 'b']));
  });

  it('draws within the asked ranges and roughly uniformly', () => {
    const random = randomStream(42, 'uniform');
    const draws = Array.from({ length: 20_000 }, () => random.next());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    const ints = Array.from({ length: 1000 }, () => random.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    expect(random.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(() => random.pick([])).toThrow();
  });
});

describe('opening hours', () => {
  const office = parseOpeningHours('[{"days":[1,2,3,4,5],"open":"06:00","close":"20:00"}]');

  it('parses the JSON column and treats garbage as closed', () => {
    expect(office).toEqual([{ days: [1, 2, 3, 4, 5], open: '06:00', close: '20:00' }]);
    expect(parseOpeningHours('not json')).toEqual([]);
    expect(parseOpeningHours('[{"days":"all"}]')).toEqual([]);
  });

  it('covers an interval only inside one window of that weekday', () => {
    expect(coversInterval(office, 1, 6 * 60, 6 * 60 + 30)).toBe(true);
    expect(coversInterval(office, 1, 19 * 60 + 30, 20 * 60)).toBe(true);
    expect(coversInterval(office, 1, 19 * 60 + 45, 20 * 60 + 15)).toBe(false);
    expect(coversInterval(office, 6, 10 * 60, 10 * 60 + 30)).toBe(false);
    expect(coversInterval(ALWAYS_OPEN, 7, 23 * 60 + 30, 24 * 60)).toBe(true);
    // Sunday may be written as 0 as well as 7.
    expect(coversInterval([{ days: [0], open: '08:00', close: '12:00' }], 7, 9 * 60, 10 * 60)).toBe(true);
  });

  it('reads plant-local weekdays and minutes, across daylight saving', () => {
    // Thursday 26 November 2026, 09:40 in Ingolstadt (CET, UTC+1).
    expect(plantWeekMinute(Date.UTC(2026, 10, 26, 8, 40), TZ)).toEqual({ weekday: 4, minute: 9 * 60 + 40 });
    // Monday 6 July 2026, 05:30 (CEST, UTC+2).
    expect(plantWeekMinute(Date.UTC(2026, 6, 6, 3, 30), TZ)).toEqual({ weekday: 1, minute: 5 * 60 + 30 });
    const mondayMorning = fromLocal(2026, 7, 6, 5, 30, TZ);
    expect(openAt(office, mondayMorning, TZ)).toBe(false);
    expect(openThroughout(office, mondayMorning + 30 * 60_000, mondayMorning + 60 * 60_000, TZ)).toBe(true);
  });
});
