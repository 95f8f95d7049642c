import { describe, expect, it } from 'vitest';
import {
  dayCount,
  isValidRange,
  mondayOf,
  presetOf,
  presetRange,
} from '../../src-renderer/src/views/partners/scorecardRange';

describe("the scorecard's date range in the partner view", () => {
  it('finds the Monday of a plant day, across a month and a year end', () => {
    expect(mondayOf('2026-11-27')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('makes presets of whole calendar weeks ending today, and recognises them', () => {
    const eight = presetRange('2026-11-27', 8);
    expect(eight).toEqual({ fromDay: '2026-10-05', toDay: '2026-11-27' });
    expect(presetOf(eight, '2026-11-27')).toBe(8);
    expect(presetRange('2026-11-23', 4)).toEqual({ fromDay: '2026-11-02', toDay: '2026-11-23' });
    expect(presetOf({ fromDay: '2026-10-06', toDay: '2026-11-27' }, '2026-11-27')).toBeNull();
    // Yesterday's preset is no longer one today.
    expect(presetOf(eight, '2026-11-28')).toBeNull();
  });

  it('accepts one to 400 days, never backwards or malformed', () => {
    expect(dayCount({ fromDay: '2026-11-27', toDay: '2026-11-27' })).toBe(1);
    expect(isValidRange(presetRange('2026-11-27', 52))).toBe(true);
    expect(isValidRange({ fromDay: '2026-11-28', toDay: '2026-11-27' })).toBe(false);
    expect(isValidRange({ fromDay: '2025-10-22', toDay: '2026-11-27' })).toBe(false);
    expect(isValidRange({ fromDay: '2025-10-23', toDay: '2026-11-26' })).toBe(true);
    expect(isValidRange({ fromDay: '27.11.2026', toDay: '2026-11-27' })).toBe(false);
  });
});
