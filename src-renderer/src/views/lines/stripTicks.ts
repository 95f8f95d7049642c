import { localParts } from '../../format/plantCalendar';

const HOUR = 60 * 60 * 1000;
const STEP_HOURS = 6;

/** Plant-local 00:00, 06:00, 12:00 and 18:00 within [from, to]: readable ticks for a 48 h strip. */
export function stripTicks(from: number, to: number, timeZone: string): number[] {
  const ticks: number[] = [];
  // Whole-hour instants are whole local hours in every zone the plants run in (offsets of full hours).
  for (let at = Math.ceil(from / HOUR) * HOUR; at <= to; at += HOUR) {
    const local = localParts(at, timeZone);
    if (local.minute === 0 && local.hour % STEP_HOURS === 0) ticks.push(at);
  }
  return ticks;
}
