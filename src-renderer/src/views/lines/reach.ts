import { formatMinutes } from '../../format/duration';

const MINUTE = 60_000;

const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Fr 14:20" (de) / "Fri 14:20" (en): a time within the next two days, with its weekday. */
export function formatWeekdayTime(ms: number, timeZone: string, locale: string): string {
  const key = `${locale}|${timeZone}`;
  let formatter = weekdayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    weekdayFormatters.set(key, formatter);
  }
  const parts = formatter.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((entry) => entry.type === type)?.value ?? '';
  // Intl writes "Fr., 14:20"; a control room reads "Fr 14:20".
  return `${part('weekday').replace(/\.$/, '')} ${part('hour')}:${part('minute')}`;
}

/** Whole minutes from `now` to `at`, rounded up so a countdown never shows 0 before the moment. */
export function minutesUntil(at: number, now: number): number {
  return Math.ceil((at - now) / MINUTE);
}

export { formatMinutes };
