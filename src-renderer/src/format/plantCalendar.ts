// Plant-local calendar arithmetic for the renderer. The same rules as src-main/domain/plantTime.ts
// (which the renderer may not import at run time): times are UTC epoch milliseconds, days follow
// the plant's time zone including daylight-saving changes.

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(at: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function zoneOffset(at: number, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The UTC instant of a plant-local wall-clock time. */
export function fromLocal(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
) {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset on both sides of a daylight-saving change.
  const first = guess - zoneOffset(guess, timeZone);
  return guess - zoneOffset(first, timeZone);
}

/** "2026-11-27" for the plant-local day containing `at`. */
export function localDay(at: number, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPlantDay(day: string): boolean {
  return DAY_PATTERN.test(day);
}

/** The calendar day `days` after `day` (negative goes back); pure date arithmetic, no zone. */
export function addDays(day: string, days: number): string {
  const match = DAY_PATTERN.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return date.toISOString().slice(0, 10);
}

/** [start, end) of a plant-local day: 23, 24 or 25 hours long. */
export function localDayRange(day: string, timeZone: string): { start: number; end: number } {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`"${day}" is not a day of the form YYYY-MM-DD`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const next = addDays(day, 1);
  return {
    start: fromLocal(year, month, date, 0, 0, timeZone),
    end: fromLocal(
      Number(next.slice(0, 4)),
      Number(next.slice(5, 7)),
      Number(next.slice(8, 10)),
      0,
      0,
      timeZone,
    ),
  };
}
