import { z } from 'zod';
import { type OpeningWindow, openingHoursSchema } from '../../domain/openingHours';

// How one cell of a plant file becomes a typed value, and back. Every cell arrives as text (CSV
// as it is, XLSX numbers as `String(n)`), is parsed by zod, and is written back in the one form
// that parses to the same value again: that is what makes export → import → export exact.

/** A value as the exporter writes it: numbers stay numbers so XLSX cells are numeric. */
export type ExportCell = string | number;

const trimmed = z.string().trim();

export const idCell = trimmed
  .min(1, 'is empty')
  .max(100, 'is longer than 100 characters')
  .refine((value) => !value.includes('|'), 'must not contain "|"');

export const textCell = trimmed.min(1, 'is empty').max(500, 'is longer than 500 characters');

/** Empty text is "no value". */
export const optionalTextCell = trimmed
  .max(500, 'is longer than 500 characters')
  .transform((value) => (value === '' ? null : value));

export const optionalIdCell = trimmed.transform((value, ctx) => {
  if (value === '') return null;
  const parsed = idCell.safeParse(value);
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'is not an id' });
    return z.NEVER;
  }
  return parsed.data;
});

/** A decimal number; a German decimal comma ("1,5") is read as a point. */
function numberCell(check: (n: number) => string | null, integer: boolean) {
  return trimmed.transform((value, ctx) => {
    const text = /^-?\d+,\d+$/.test(value) ? value.replace(',', '.') : value;
    const pattern = integer ? /^[-+]?\d+$/ : /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
    if (value === '') {
      ctx.addIssue({ code: 'custom', message: 'is empty' });
      return z.NEVER;
    }
    if (!pattern.test(text)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not ${integer ? 'a whole number' : 'a number'}`,
      });
      return z.NEVER;
    }
    const n = Number(text);
    const problem = Number.isFinite(n) ? check(n) : 'is too large';
    if (problem) {
      ctx.addIssue({ code: 'custom', message: `${value} ${problem}` });
      return z.NEVER;
    }
    return n;
  });
}

export const positiveInt = numberCell((n) => (n > 0 ? null : 'must be greater than 0'), true);
export const nonNegativeInt = numberCell((n) => (n >= 0 ? null : 'must not be negative'), true);
export const anyInt = numberCell(() => null, true);
export const positiveNumber = numberCell((n) => (n > 0 ? null : 'must be greater than 0'), false);
export const nonNegativeNumber = numberCell((n) => (n >= 0 ? null : 'must not be negative'), false);
export const latitude = numberCell(
  (n) => (n >= -90 && n <= 90 ? null : 'is not a latitude (-90 … 90)'),
  false,
);
export const longitude = numberCell(
  (n) => (n >= -180 && n <= 180 ? null : 'is not a longitude (-180 … 180)'),
  false,
);

const TRUE = new Set(['1', 'true', 'yes', 'ja', 'x']);
const FALSE = new Set(['0', 'false', 'no', 'nein', '']);
export const booleanCell = trimmed.transform((value, ctx) => {
  const lower = value.toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  ctx.addIssue({ code: 'custom', message: `"${value}" is not yes/no (1 or 0)` });
  return z.NEVER;
});

/** "05:30" → 330, a minute of the day (00:00 … 23:59). */
export const clockCell = trimmed.transform((value, ctx) => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  const minute = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || minute > 1439) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a time of day (HH:MM, 00:00 … 23:59)` });
    return z.NEVER;
  }
  return minute;
});
export const formatClock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * A moment as ISO 8601 with a zone ("2026-11-27T06:00:00.000Z" or "…+01:00"): a time without a
 * zone would silently depend on the computer's zone, so it is refused.
 */
export const dateTimeCell = trimmed.transform((value, ctx) => {
  const iso = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
  const match = iso.exec(value);
  // Date.parse rolls 30 February over into March: the calendar day is checked on its own.
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  const real =
    match &&
    day?.getUTCDate() === Number(match[3]) &&
    day.getUTCMonth() === Number(match[2]) - 1 &&
    Number(match[4]) <= 23 &&
    Number(match[5]) <= 59;
  const at = real ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a date and time with zone (e.g. 2026-11-27T06:00:00Z)`,
    });
    return z.NEVER;
  }
  return at;
});
export const formatDateTime = (at: number) => new Date(at).toISOString();

/** Ids separated by "|"; empty is the empty list. */
export const idListCell = trimmed.transform((value, ctx) => {
  if (value === '') return [] as string[];
  const ids = value.split('|').map((id) => id.trim());
  if (ids.some((id) => id === '')) {
    ctx.addIssue({ code: 'custom', message: `"${value}" has an empty entry between "|"` });
    return z.NEVER;
  }
  if (new Set(ids).size !== ids.length) {
    ctx.addIssue({ code: 'custom', message: `"${value}" names an entry twice` });
    return z.NEVER;
  }
  return ids;
});

const NEVER_OPEN = new Set(['never', 'nie']);

/**
 * Opening hours as people write them: "1,2,3,4,5 05:00-22:00 | 6 06:00-14:00" (ISO weekdays,
 * 1 = Monday; "24:00" closes at midnight). "never" is a door that does not open; an empty cell
 * in the dock doors file reads as round the clock (the column's fallback).
 */
export const openingHoursCell = trimmed.transform((value, ctx) => {
  if (value === '' || NEVER_OPEN.has(value.toLowerCase())) return [] as OpeningWindow[];
  const windows: OpeningWindow[] = [];
  for (const part of value.split('|')) {
    const match = /^([0-7](?:\s*,\s*[0-7])*)\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(part.trim());
    const window = match
      ? { days: match[1]!.split(',').map((day) => Number(day.trim())), open: match[2]!, close: match[3]! }
      : null;
    const valid =
      window &&
      openingHoursSchema.safeParse([window]).success &&
      /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(window.close) &&
      /^([01]\d|2[0-3]):[0-5]\d$/.test(window.open) &&
      window.open < window.close;
    if (!valid || !window) {
      ctx.addIssue({
        code: 'custom',
        message: `"${part.trim()}" is not an opening window (e.g. "1,2,3,4,5 05:00-22:00")`,
      });
      return z.NEVER;
    }
    windows.push(window);
  }
  return windows;
});
export const formatOpeningHours = (windows: readonly OpeningWindow[]) =>
  windows.length === 0
    ? 'never'
    : windows.map((window) => `${window.days.join(',')} ${window.open}-${window.close}`).join(' | ');

/** An IANA zone the runtime knows ("Europe/Berlin"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}
export const timeZoneCell = trimmed.refine(isTimeZone, 'is not a time zone (IANA, e.g. Europe/Berlin)');

export const enumCell = <const T extends readonly [string, ...string[]]>(values: T) =>
  trimmed.transform((value, ctx) => {
    const found = values.find((candidate) => candidate === value.toLowerCase());
    if (found === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not one of ${values.join(', ')}` });
      return z.NEVER;
    }
    return found as T[number];
  });
