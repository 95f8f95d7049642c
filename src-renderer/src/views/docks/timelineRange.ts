import { addDays, fromLocal } from '../../format/plantCalendar';
import type { PlantTimeFormatters } from '../../format/plantTime';

export const RANGE_MODES = ['shift', 'today', 'threeDays', 'week'] as const;
export type RangeMode = (typeof RANGE_MODES)[number];

export type ShiftName = 'early' | 'late' | 'night';

export interface TimelineRange {
  from: number;
  to: number;
  /** The shift shown, in shift mode. */
  shift?: ShiftName;
}

const HOUR = 60 * 60 * 1000;
/** Plant-local start hours of the early, late and night shift: the common three-shift pattern. */
const SHIFT_STARTS: readonly [ShiftName, number][] = [
  ['early', 6],
  ['late', 14],
  ['night', 22],
];
const SHIFT_HOURS = 8;
/** Seen either side of the shift, so handovers are in view. */
const SHIFT_MARGIN = HOUR;

function atLocalHour(day: string, hour: number, timeZone: string): number {
  return fromLocal(
    Number(day.slice(0, 4)),
    Number(day.slice(5, 7)),
    Number(day.slice(8, 10)),
    hour,
    0,
    timeZone,
  );
}

/** The range a mode shows at `now`. It changes only at shift or day boundaries, so the query stays put. */
export function timelineRange(mode: RangeMode, now: number, time: PlantTimeFormatters): TimelineRange {
  const today = time.dayOf(now);
  if (mode === 'today') return { from: time.dayRange(today).start, to: time.dayRange(today).end };
  if (mode === 'threeDays')
    return { from: time.dayRange(today).start, to: time.dayRange(addDays(today, 2)).end };
  // The week starts yesterday: last night's trucks and their knock-on effects stay in view.
  if (mode === 'week')
    return { from: time.dayRange(addDays(today, -1)).start, to: time.dayRange(addDays(today, 5)).end };

  // The last shift that started at or before now: yesterday's night shift until today's early one.
  let current = { name: 'night' as ShiftName, start: atLocalHour(addDays(today, -1), 22, time.timeZone) };
  for (const [name, hour] of SHIFT_STARTS) {
    const start = atLocalHour(today, hour, time.timeZone);
    if (start <= now) current = { name, start };
  }
  return {
    from: current.start - SHIFT_MARGIN,
    to: current.start + SHIFT_HOURS * HOUR + SHIFT_MARGIN,
    shift: current.name,
  };
}

/** Hour ticks for the axis: every hour, or every few hours on long ranges. */
export function hourTicks(range: TimelineRange): number[] {
  const span = range.to - range.from;
  const step = span > 2 * 24 * HOUR ? 3 * HOUR : HOUR;
  // Ranges start on a plant-local full hour; whole-hour steps keep to them.
  const ticks: number[] = [];
  for (let at = range.from; at <= range.to; at += step) ticks.push(at);
  return ticks;
}
