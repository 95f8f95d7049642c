import { createContext, useContext } from 'react';
import { localDay, localDayRange } from './plantCalendar';

/** The plant as the shell knows it from plant.overview (null fields until a plant is set up). */
export interface PlantSite {
  id: string;
  name: string;
  city: string;
  lat: number;
  lon: number;
  geofenceRadiusM: number;
  timeZone: string;
  isDemo: boolean;
}

export type TimeInput = number | null | undefined;

export interface PlantTimeFormatters {
  /** The plant's IANA time zone: every time on screen is shown in it. */
  timeZone: string;
  /** "14:05" in plant-local time; "–" for a missing time. */
  formatTime(ms: TimeInput): string;
  /** "14:05:09" for clocks. */
  formatTimeWithSeconds(ms: TimeInput): string;
  /** "27.11. 14:05" (de) / "27 Nov 14:05" (en). */
  formatDateTime(ms: TimeInput): string;
  /** "27.11." (de) / "27 Nov" (en): a day next to a time, where the year goes without saying. */
  formatShortDay(ms: TimeInput): string;
  /** "Fr., 27.11.2026" (de) / "Fri, 27 Nov 2026" (en). */
  formatDay(ms: TimeInput): string;
  /** The plant-local day containing `ms`, as "2026-11-27". */
  dayOf(ms: number): string;
  /** [start, end) of a plant-local day "2026-11-27". */
  dayRange(day: string): { start: number; end: number };
}

export interface PlantTime extends PlantTimeFormatters {
  /** The plant clock's now (the demo clock may run faster than real time); follows clock.tick. */
  now: number;
  /** Simulated minutes per real minute; 1 for a real plant. */
  speed: number;
  site: PlantSite | null;
}

export const MISSING = '–';

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { timeZone, hourCycle: 'h23', ...options });
    cache.set(key, found);
  }
  return found;
}

/** Formatters bound to a zone and locale; pure, so tests and non-React code can use them too. */
export function plantTimeFormatters(timeZone: string, locale: string): PlantTimeFormatters {
  const make = (options: Intl.DateTimeFormatOptions) => {
    const f = formatter(locale, timeZone, options);
    return (ms: TimeInput) =>
      ms === null || ms === undefined || !Number.isFinite(ms) ? MISSING : f.format(ms);
  };
  return {
    timeZone,
    formatTime: make({ hour: '2-digit', minute: '2-digit' }),
    formatTimeWithSeconds: make({ hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    formatShortDay: make(
      locale.startsWith('de') ? { day: '2-digit', month: '2-digit' } : { day: 'numeric', month: 'short' },
    ),
    // Built from two parts: Intl's own date-time joint ("27.11., 14:05") reads clumsily in German.
    formatDateTime: (() => {
      const date = make(
        locale.startsWith('de') ? { day: '2-digit', month: '2-digit' } : { day: 'numeric', month: 'short' },
      );
      const time = make({ hour: '2-digit', minute: '2-digit' });
      return (ms: TimeInput) =>
        ms === null || ms === undefined || !Number.isFinite(ms) ? MISSING : `${date(ms)} ${time(ms)}`;
    })(),
    formatDay: make(
      locale.startsWith('de')
        ? { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' }
        : { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
    ),
    dayOf: (ms) => localDay(ms, timeZone),
    dayRange: (day) => localDayRange(day, timeZone),
  };
}

/** Only the zone-bound formatters: they change with the language, not every clock tick. */
export const PlantFormatContext = createContext<PlantTimeFormatters | null>(null);
/** The ticking part, in its own context so that formatting-only components do not re-render every second. */
export const PlantClockContext = createContext<{ now: number; speed: number } | null>(null);
/** Today's plant-local day ("2026-11-27"): changes at the plant's midnight, not every second. */
export const PlantTodayContext = createContext<string | null>(null);
/** The plant itself (name, city, demo flag); null in an empty database. */
export const PlantSiteContext = createContext<PlantSite | null>(null);

/** Plant clock and plant-local formatting. Re-renders on every clock.tick. Needs <PlantProvider>. */
export function usePlantTime(): PlantTime {
  const formatters = usePlantFormat();
  const clock = useContext(PlantClockContext);
  const site = useContext(PlantSiteContext);
  if (!clock) throw new Error('usePlantTime needs a <PlantProvider> above it');
  return { ...formatters, ...clock, site };
}

/** The plant (name, city, time zone, demo flag) without the ticking clock. */
export function usePlantSite(): PlantSite | null {
  return useContext(PlantSiteContext);
}

/** Plant-local formatting without the ticking clock: for tables and lists. Needs <PlantProvider>. */
export function usePlantFormat(): PlantTimeFormatters {
  const formatters = useContext(PlantFormatContext);
  if (!formatters) throw new Error('usePlantFormat needs a <PlantProvider> above it');
  return formatters;
}

/** Today's plant-local day, e.g. "2026-11-27". Re-renders only when the plant's day changes. */
export function usePlantToday(): string {
  const today = useContext(PlantTodayContext);
  if (!today) throw new Error('usePlantToday needs a <PlantProvider> above it');
  return today;
}
