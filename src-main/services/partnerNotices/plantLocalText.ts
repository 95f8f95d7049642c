import { localParts, zoneOffset } from '../../domain/plantTime';
import type { NoticeLanguage } from './noticeTypes';

// Times in notices are the plant's wall-clock times, spelled out by hand rather than by the
// runtime's locale data, so a notice reads the same on every machine that renders it.

const WEEKDAYS = {
  de: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
} as const;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number) => String(n).padStart(2, '0');

function weekday(at: number, timeZone: string, language: NoticeLanguage): string {
  const p = localParts(at, timeZone);
  return WEEKDAYS[language][new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()]!;
}

/** "Fr 27.11.2026" or "Fri 27 Nov 2026". */
export function localDate(at: number, timeZone: string, language: NoticeLanguage): string {
  const p = localParts(at, timeZone);
  const day = weekday(at, timeZone, language);
  return language === 'de'
    ? `${day} ${two(p.day)}.${two(p.month)}.${p.year}`
    : `${day} ${p.day} ${MONTHS_EN[p.month - 1]} ${p.year}`;
}

/** "09:30". */
export function localClock(at: number, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${two(p.hour)}:${two(p.minute)}`;
}

/** "Fr 27.11.2026, 09:30 Uhr" or "Fri 27 Nov 2026, 09:30". */
export function localDateTime(at: number, timeZone: string, language: NoticeLanguage): string {
  const clock = localClock(at, timeZone);
  return `${localDate(at, timeZone, language)}, ${language === 'de' ? `${clock} Uhr` : clock}`;
}

/** A window on one day: "Fr 27.11.2026, 09:00–09:30 Uhr"; across midnight both dates are given. */
export function localWindow(start: number, end: number, timeZone: string, language: NoticeLanguage): string {
  const sameDay = localDate(start, timeZone, language) === localDate(end, timeZone, language);
  if (!sameDay) {
    return `${localDateTime(start, timeZone, language)} – ${localDateTime(end, timeZone, language)}`;
  }
  const range = `${localClock(start, timeZone)}–${localClock(end, timeZone)}`;
  return `${localDate(start, timeZone, language)}, ${language === 'de' ? `${range} Uhr` : range}`;
}

/** ISO 8601 with the plant's offset, for machines: "2026-11-27T09:30:00+01:00". */
export function localIso(at: number, timeZone: string): string {
  const p = localParts(at, timeZone);
  const offsetMinutes = Math.round(zoneOffset(at, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}
