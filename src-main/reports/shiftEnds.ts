import { localDay } from '../domain/plantTime';
import { previousDay, type ShiftDefinition, shiftWindow } from './reportWindow';

export interface ShiftEnd {
  /** The plant-local day the shift started on (the report's day). */
  day: string;
  shift: ShiftDefinition;
  start: number;
  end: number;
}

/**
 * The latest shift end in (after, until], or null. Only the latest: after a long pause the
 * export catches up once with the shift that ended last instead of flooding the folder.
 */
export function latestShiftEnd(
  shifts: readonly ShiftDefinition[],
  after: number,
  until: number,
  timeZone: string,
): ShiftEnd | null {
  let latest: ShiftEnd | null = null;
  const today = localDay(until, timeZone);
  // A shift ending now started today or, over midnight, yesterday; two days back covers DST.
  const days = [previousDay(previousDay(today)), previousDay(today), today];
  for (const day of days) {
    for (const shift of shifts) {
      const window = shiftWindow(day, shift, timeZone);
      if (window.end > after && window.end <= until && (!latest || window.end > latest.end)) {
        latest = { day, shift, start: window.start, end: window.end };
      }
    }
  }
  return latest;
}
