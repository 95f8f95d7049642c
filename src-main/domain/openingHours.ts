import { z } from 'zod';
import { zoneOffset } from './plantTime';

// Dock door opening hours, as dock_door.opening_hours stores them:
// [{"days":[1,2,3,4,5],"open":"05:00","close":"22:00"}, …]. Days are ISO weekdays (1 = Monday …
// 7 = Sunday; 0 is read as Sunday too); "close" may be "24:00". A door is open at a moment when
// any window of that weekday contains it. Windows do not run past midnight: a night window is
// written as two windows, one each side of midnight.

export const openingWindowSchema = z.object({
  days: z.array(z.number().int().min(0).max(7)),
  open: z.string().regex(/^\d{2}:\d{2}$/),
  close: z.string().regex(/^\d{2}:\d{2}$/),
});
export type OpeningWindow = z.infer<typeof openingWindowSchema>;
export const openingHoursSchema = z.array(openingWindowSchema);

/** Round the clock, every day: how 24/7 doors are written. */
export const ALWAYS_OPEN: OpeningWindow[] = [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }];

/** Parses the JSON column; anything unreadable counts as "no opening hours" (always closed). */
export function parseOpeningHours(json: string): OpeningWindow[] {
  try {
    const parsed = openingHoursSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** "05:30" → 330. */
export function minuteOfClock(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

const isoWeekday = (day: number) => (day === 0 ? 7 : day);

/** Is [startMinute, endMinute) of that weekday inside one opening window? (endMinute ≤ 1440) */
export function coversInterval(
  hours: readonly OpeningWindow[],
  weekday: number,
  startMinute: number,
  endMinute: number,
): boolean {
  return hours.some(
    (window) =>
      window.days.some((day) => isoWeekday(day) === weekday) &&
      minuteOfClock(window.open) <= startMinute &&
      endMinute <= minuteOfClock(window.close),
  );
}

export function isOpenAt(hours: readonly OpeningWindow[], weekday: number, minute: number): boolean {
  return coversInterval(hours, weekday, minute, minute + 1 / 60);
}

export interface WeekMinute {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes since plant-local midnight, with fractions. */
  minute: number;
}

const HOUR = 3_600_000;
const offsetCache = new Map<string, number>();

/**
 * The plant-local weekday and minute of a moment. Zone offsets only change on whole UTC hours in
 * the zones a plant uses, so one Intl lookup per zone and UTC hour serves every call in that hour:
 * the simulator asks this for every door and every simulated minute.
 */
export function plantWeekMinute(at: number, timeZone: string): WeekMinute {
  const hourKey = `${timeZone}|${Math.floor(at / HOUR)}`;
  let offset = offsetCache.get(hourKey);
  if (offset === undefined) {
    if (offsetCache.size > 20_000) offsetCache.clear();
    offset = zoneOffset(Math.floor(at / HOUR) * HOUR, timeZone);
    offsetCache.set(hourKey, offset);
  }
  const local = at + offset;
  const dayNumber = Math.floor(local / 86_400_000);
  // 1970-01-01 was a Thursday (ISO 4).
  const weekday = ((((dayNumber + 3) % 7) + 7) % 7) + 1;
  return { weekday, minute: (local - dayNumber * 86_400_000) / 60_000 };
}

/** Is the door open for the whole of [start, end) (epoch ms, within one plant-local day)? */
export function openThroughout(
  hours: readonly OpeningWindow[],
  start: number,
  end: number,
  timeZone: string,
) {
  const from = plantWeekMinute(start, timeZone);
  const span = (end - start) / 60_000;
  return coversInterval(hours, from.weekday, from.minute, from.minute + span);
}

export function openAt(hours: readonly OpeningWindow[], at: number, timeZone: string): boolean {
  const local = plantWeekMinute(at, timeZone);
  return isOpenAt(hours, local.weekday, local.minute);
}
