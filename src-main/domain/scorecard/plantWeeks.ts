import { fromLocal, localParts } from '../plantTime';

// ISO weeks of the plant's calendar: Monday 00:00 plant time to the next Monday, named by the
// ISO 8601 week-numbering year ("2026-W53", "2027-W01"). A week with a daylight-saving change is
// 167 or 169 hours long; a delivery belongs to the week its slot starts in, in plant time.

export interface PlantWeek {
  week: string;
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/** ISO week-numbering year and week of a calendar date (proleptic Gregorian, no time zone). */
export function isoWeekOf(year: number, month: number, day: number): { year: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  // The week's Thursday decides its year.
  const thursday = new Date(date.getTime() + (4 - weekday) * DAY_MS);
  const isoYear = thursday.getUTCFullYear();
  const firstDay = Date.UTC(isoYear, 0, 1);
  const week = Math.floor((thursday.getTime() - firstDay) / DAY_MS / 7) + 1;
  return { year: isoYear, week };
}

const label = (year: number, week: number) => `${year}-W${String(week).padStart(2, '0')}`;

/** The Monday (as a UTC calendar date) of the plant-local week containing `at`. */
function mondayOf(at: number, timeZone: string): Date {
  const local = localParts(at, timeZone);
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day));
  const weekday = date.getUTCDay() || 7;
  return new Date(date.getTime() - (weekday - 1) * DAY_MS);
}

function weekStarting(monday: Date, timeZone: string): PlantWeek {
  const next = new Date(monday.getTime() + 7 * DAY_MS);
  const { year, week } = isoWeekOf(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
  return {
    week: label(year, week),
    start: fromLocal(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), 0, 0, timeZone),
    end: fromLocal(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, timeZone),
  };
}

/** Every plant week that overlaps [from, to), in order; the first may begin before `from`. */
export function plantWeeks(from: number, to: number, timeZone: string): PlantWeek[] {
  const weeks: PlantWeek[] = [];
  if (to <= from) return weeks;
  let monday = mondayOf(from, timeZone);
  for (;;) {
    const week = weekStarting(monday, timeZone);
    weeks.push(week);
    if (week.end >= to) return weeks;
    monday = new Date(monday.getTime() + 7 * DAY_MS);
  }
}

/** Index of the week containing `at` (weeks sorted and contiguous), or -1 outside them. */
export function weekIndexOf(weeks: readonly PlantWeek[], at: number): number {
  let low = 0;
  let high = weeks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const week = weeks[middle]!;
    if (at < week.start) high = middle - 1;
    else if (at >= week.end) low = middle + 1;
    else return middle;
  }
  return -1;
}
