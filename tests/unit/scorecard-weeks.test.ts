import { describe, expect, it } from 'vitest';
import { fromLocal } from '../../src-main/domain/plantTime';
import {
  type DeliveryFact,
  isoWeekOf,
  plantWeeks,
  weekIndexOf,
  weeklyTrend,
} from '../../src-main/domain/scorecard/index';

const BERLIN = 'Europe/Berlin';
const MIN = 60_000;
const HOUR = 60 * MIN;

/** A delivery whose 30-minute slot starts at a Berlin wall-clock time, checked in `late` minutes after its end. */
function at(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  late: number,
): DeliveryFact {
  const slotStart = fromLocal(year, month, day, hour, minute, BERLIN);
  return {
    id: `D-${year}${month}${day}${hour}${minute}-${late}`,
    status: 'departed',
    slotStart,
    slotEnd: slotStart + 30 * MIN,
    gateInAt: slotStart + (30 + late) * MIN,
  };
}

describe('ISO weeks of the plant calendar', () => {
  it('numbers weeks by the ISO 8601 rules, across a year with 53 weeks', () => {
    expect(isoWeekOf(2026, 11, 27)).toEqual({ year: 2026, week: 48 });
    expect(isoWeekOf(2026, 12, 31)).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf(2027, 1, 3)).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf(2027, 1, 4)).toEqual({ year: 2027, week: 1 });
    // 29 December 2025 is a Monday whose Thursday lies in 2026: week 1 of 2026.
    expect(isoWeekOf(2025, 12, 29)).toEqual({ year: 2026, week: 1 });
  });

  it('starts each week on Monday 00:00 plant time, not UTC', () => {
    const from = fromLocal(2026, 11, 25, 12, 0, BERLIN);
    const [week] = plantWeeks(from, from + HOUR, BERLIN);
    expect(week).toEqual({
      week: '2026-W48',
      start: Date.UTC(2026, 10, 22, 23, 0), // Monday 23 Nov 00:00 CET
      end: Date.UTC(2026, 10, 29, 23, 0),
    });
  });

  it('has weeks of 167 and 169 hours around the daylight-saving changes', () => {
    const spring = plantWeeks(
      fromLocal(2026, 3, 25, 12, 0, BERLIN),
      fromLocal(2026, 3, 26, 0, 0, BERLIN),
      BERLIN,
    );
    const autumn = plantWeeks(
      fromLocal(2026, 10, 21, 12, 0, BERLIN),
      fromLocal(2026, 10, 22, 0, 0, BERLIN),
      BERLIN,
    );
    expect(spring.map((w) => [w.week, (w.end - w.start) / HOUR])).toEqual([['2026-W13', 167]]);
    expect(autumn.map((w) => [w.week, (w.end - w.start) / HOUR])).toEqual([['2026-W43', 169]]);
  });

  it('lists every week a range touches, contiguous, and finds the week of an instant', () => {
    const from = fromLocal(2026, 12, 20, 0, 0, BERLIN);
    const to = fromLocal(2027, 1, 12, 0, 0, BERLIN);
    const weeks = plantWeeks(from, to, BERLIN);
    expect(weeks.map((w) => w.week)).toEqual(['2026-W51', '2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.start).toBe(weeks[i - 1]!.end);
    expect(weekIndexOf(weeks, fromLocal(2027, 1, 1, 8, 0, BERLIN))).toBe(2);
    expect(weekIndexOf(weeks, weeks[0]!.start - 1)).toBe(-1);
    expect(weekIndexOf(weeks, weeks[4]!.end)).toBe(-1);
    expect(plantWeeks(to, from, BERLIN)).toEqual([]);
  });
});

describe('the weekly trend', () => {
  it('puts a Sunday-night slot and a Monday-morning slot into different weeks, in plant time', () => {
    const deliveries = [
      at(2026, 11, 22, 23, 30, 0), // Sunday 23:30 CET = 22:30 UTC: week 47, on time
      at(2026, 11, 23, 0, 10, 45), // Monday 00:10 CET = Sunday 23:10 UTC: week 48, late by 45
      at(2026, 11, 24, 8, 0, 5), // week 48, within the tolerance
    ];
    const range = { from: fromLocal(2026, 11, 16, 0, 0, BERLIN), to: fromLocal(2026, 11, 30, 0, 0, BERLIN) };
    const trend = weeklyTrend(deliveries, range, BERLIN, 15, range.to);
    expect(trend.map((w) => [w.week, w.due, w.onTime, w.onTimeRate, w.averageLateDelayMinutes])).toEqual([
      ['2026-W47', 1, 1, 1, null],
      ['2026-W48', 2, 1, 0.5, 45],
    ]);
    expect(trend[1]!.averageDelayMinutes).toBe(25);
  });

  it('shows weeks without deliveries as empty, not as zero', () => {
    const range = { from: fromLocal(2026, 11, 2, 0, 0, BERLIN), to: fromLocal(2026, 11, 16, 0, 0, BERLIN) };
    const trend = weeklyTrend([at(2026, 11, 12, 9, 0, 0)], range, BERLIN, 15, range.to);
    expect(trend.map((w) => [w.week, w.due, w.onTimeRate])).toEqual([
      ['2026-W45', 0, null],
      ['2026-W46', 1, 1],
    ]);
  });

  it('leaves out a delivery outside the weeks of the range', () => {
    const range = { from: fromLocal(2026, 11, 23, 0, 0, BERLIN), to: fromLocal(2026, 11, 30, 0, 0, BERLIN) };
    const trend = weeklyTrend([at(2026, 11, 30, 6, 0, 0)], range, BERLIN, 15, range.to);
    expect(trend).toHaveLength(1);
    expect(trend[0]!.due).toBe(0);
  });
});
