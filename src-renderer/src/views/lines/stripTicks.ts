import { localParts } from '../../format/plantCalendar';

const HOUR = 60 * 60 * 1000;

/** Plant-local whole hours every `stepHours` (00:00, 06:00, … for a 48 h strip) within [from, to]. */
export function stripTicks(from: number, to: number, timeZone: string, stepHours = 6): number[] {
  const ticks: number[] = [];
  // Whole-hour instants are whole local hours in every zone the plants run in (offsets of full hours).
  for (let at = Math.ceil(from / HOUR) * HOUR; at <= to; at += HOUR) {
    const local = localParts(at, timeZone);
    if (local.minute === 0 && local.hour % stepHours === 0) ticks.push(at);
  }
  return ticks;
}
