import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromLocal, localDay, localDayRange, localParts } from '../../src-main/domain/plantTime';

const BERLIN = 'Europe/Berlin';
const HOUR = 3_600_000;

describe('plant-local time', () => {
  it('finds the UTC instant of a Berlin wall-clock time in winter and summer', () => {
    expect(fromLocal(2026, 11, 27, 6, 0, BERLIN)).toBe(Date.UTC(2026, 10, 27, 5, 0));
    expect(fromLocal(2026, 7, 1, 6, 0, BERLIN)).toBe(Date.UTC(2026, 6, 1, 4, 0));
  });

  it('gives days of 23 and 25 hours at the daylight-saving changes', () => {
    const spring = localDayRange('2026-03-29', BERLIN);
    const autumn = localDayRange('2026-10-25', BERLIN);
    const plain = localDayRange('2026-11-27', BERLIN);
    expect(spring.end - spring.start).toBe(23 * HOUR);
    expect(autumn.end - autumn.start).toBe(25 * HOUR);
    expect(plain.end - plain.start).toBe(24 * HOUR);
    expect(plain.start).toBe(Date.UTC(2026, 10, 26, 23, 0));
  });

  it('refuses a malformed day', () => {
    expect(() => localDayRange('27.11.2026', BERLIN)).toThrow(/YYYY-MM-DD/);
  });

  it('puts every instant inside the range of its own local day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), (at) => {
        const range = localDayRange(localDay(at, BERLIN), BERLIN);
        expect(at).toBeGreaterThanOrEqual(range.start);
        expect(at).toBeLessThan(range.end);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips wall-clock times that exist', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), (raw) => {
        const at = Math.floor(raw / 60_000) * 60_000;
        const p = localParts(at, BERLIN);
        const back = fromLocal(p.year, p.month, p.day, p.hour, p.minute, BERLIN);
        // In the repeated autumn hour both instants are valid readings of the same wall time.
        expect([0, HOUR]).toContain(Math.abs(back - at));
      }),
      { numRuns: 2000 },
    );
  });
});
