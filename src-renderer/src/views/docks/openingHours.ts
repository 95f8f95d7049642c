import { addDays, fromLocal } from '../../format/plantCalendar';
import type { PlantTimeFormatters } from '../../format/plantTime';
import type { DockDoor } from './dockTypes';

// Closed hours of a door, for shading and for checking a move before it is sent. Same reading as
// the server's (src-main/domain/openingHours.ts, which the renderer may not import): ISO weekdays
// (0 counts as Sunday), "close" may be "24:00", windows do not run past midnight, and a door
// without any window is closed.

type Windows = DockDoor['openingHours'];
export interface Interval {
  start: number;
  end: number;
}

const clockMinutes = (clock: string) => {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function atMinute(day: string, minute: number, timeZone: string): number {
  if (minute >= 24 * 60) return atMinute(addDays(day, 1), minute - 24 * 60, timeZone);
  return fromLocal(
    Number(day.slice(0, 4)),
    Number(day.slice(5, 7)),
    Number(day.slice(8, 10)),
    Math.floor(minute / 60),
    minute % 60,
    timeZone,
  );
}

/** The open intervals of a door within [from, to), merged and in order. */
export function openIntervals(
  hours: Windows,
  from: number,
  to: number,
  time: PlantTimeFormatters,
): Interval[] {
  const open: Interval[] = [];
  for (let day = time.dayOf(from); time.dayRange(day).start < to; day = addDays(day, 1)) {
    const weekday = isoWeekday(day);
    const windows = hours
      .filter((window) => window.days.some((d) => (d === 0 ? 7 : d) === weekday))
      .map((window) => ({
        start: atMinute(day, clockMinutes(window.open), time.timeZone),
        end: atMinute(day, clockMinutes(window.close), time.timeZone),
      }))
      .sort((a, b) => a.start - b.start);
    for (const window of windows) {
      const start = Math.max(window.start, from);
      const end = Math.min(window.end, to);
      if (end <= start) continue;
      const last = open[open.length - 1];
      if (last && start <= last.end) last.end = Math.max(last.end, end);
      else open.push({ start, end });
    }
  }
  return open;
}

/** The closed intervals of a door within [from, to): the complement of its opening hours. */
export function closedIntervals(
  hours: Windows,
  from: number,
  to: number,
  time: PlantTimeFormatters,
): Interval[] {
  const closed: Interval[] = [];
  let cursor = from;
  for (const interval of openIntervals(hours, from, to, time)) {
    if (interval.start > cursor) closed.push({ start: cursor, end: interval.start });
    cursor = Math.max(cursor, interval.end);
  }
  if (cursor < to) closed.push({ start: cursor, end: to });
  return closed;
}

/** Is the door open for the whole of [start, end)? */
export function openThroughout(
  hours: Windows,
  start: number,
  end: number,
  time: PlantTimeFormatters,
): boolean {
  return openIntervals(hours, start, end, time).some(
    (interval) => interval.start <= start && interval.end >= end,
  );
}
