// How fast a 40-tonne truck gets along, by the road it is on and the plant-local hour. Road class
// follows the distance still to go: the last kilometres are town streets and the industrial estate,
// before them country and trunk roads, and far out the motorway — so a short trip has a larger
// share of slow road than a long one. Speeds are averages with traffic, not limits; the limiter of
// a heavy goods vehicle (90 km/h, 80 km/h by law on German motorways) caps them all.

export type RoadClass = 'urban' | 'rural' | 'trunk' | 'motorway';

/** The EU speed limiter for vehicles over 3.5 t (Directive 92/6/EEC): nothing drives faster. */
export const HGV_MAX_KMH = 90;

/** Road class bands, by km before the gate: [upper bound, class, free-flow km/h]. */
const BANDS: readonly { toKm: number; roadClass: RoadClass; kmh: number }[] = [
  { toKm: 3, roadClass: 'urban', kmh: 25 },
  { toKm: 15, roadClass: 'rural', kmh: 45 },
  { toKm: 40, roadClass: 'trunk', kmh: 65 },
  { toKm: Number.POSITIVE_INFINITY, roadClass: 'motorway', kmh: 76 },
];

/** Working-day rush hours (plant-local minutes of the day): commuters slow the roads near towns. */
const RUSH_HOURS: readonly [number, number][] = [
  [6 * 60 + 30, 9 * 60],
  [15 * 60 + 30, 18 * 60 + 30],
];
const RUSH_FACTOR: Record<RoadClass, number> = { urban: 0.7, rural: 0.8, trunk: 0.85, motorway: 0.92 };
/** At night the motorway is the trucks' own: they run at the legal 80. */
const NIGHT: readonly [number, number] = [22 * 60, 5 * 60];
const NIGHT_MOTORWAY_KMH = 80;

/** Minutes of the day where the speed regime may change (sorted). */
const REGIME_EDGES = [5 * 60, 6 * 60 + 30, 9 * 60, 15 * 60 + 30, 18 * 60 + 30, 22 * 60, 24 * 60];

const MINUTE = 60_000;
const DAY_MINUTES = 1440;

export function roadBand(kmToGate: number): { roadClass: RoadClass; kmh: number; fromKm: number } {
  let fromKm = 0;
  for (const band of BANDS) {
    if (kmToGate <= band.toKm) return { roadClass: band.roadClass, kmh: band.kmh, fromKm };
    fromKm = band.toKm;
  }
  /* c8 ignore next */
  return { roadClass: 'motorway', kmh: 76, fromKm };
}

/** Plant-local minute of the day, weekday (0 = Sunday) and whether it is a working day. */
export function localClock(
  at: number,
  utcOffsetMinutes: number,
): { minuteOfDay: number; weekday: number; workday: boolean } {
  const localMinutes = at / MINUTE + utcOffsetMinutes;
  const day = Math.floor(localMinutes / DAY_MINUTES);
  // 1 January 1970 was a Thursday: (day + 4) % 7 is 0 on Sundays.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return { minuteOfDay: localMinutes - day * DAY_MINUTES, weekday, workday: weekday >= 1 && weekday <= 5 };
}

/**
 * The Sunday driving ban: trucks over 7.5 t stand still on Sundays from 00:00 to 22:00 in Germany
 * (§ 30 (3) StVO); Austria, France, Italy and the Czech Republic ban Sunday daytime too. Taken in
 * plant time for the whole road. Holidays and permits (perishables, combined transport) are not known.
 */
const SUNDAY_BAN_END_MINUTE = 22 * 60;

/** Minutes until the next Sunday ban begins (0 inside one), and when the ban holding `at` ends. */
export function sundayBan(at: number, utcOffsetMinutes: number): { startsIn: number; endsAt: number | null } {
  const { minuteOfDay, weekday } = localClock(at, utcOffsetMinutes);
  if (weekday === 0 && minuteOfDay < SUNDAY_BAN_END_MINUTE)
    return { startsIn: 0, endsAt: at + (SUNDAY_BAN_END_MINUTE - minuteOfDay) * MINUTE };
  const days = weekday === 0 ? 7 : 7 - weekday;
  return { startsIn: days * DAY_MINUTES - minuteOfDay, endsAt: null };
}

/** Average speed on that class of road at that plant-local time (km/h, before any lane factor). */
export function speedKmh(roadClass: RoadClass, freeFlowKmh: number, at: number, utcOffsetMinutes: number) {
  const { minuteOfDay, workday } = localClock(at, utcOffsetMinutes);
  if (workday && RUSH_HOURS.some(([from, to]) => minuteOfDay >= from && minuteOfDay < to))
    return freeFlowKmh * RUSH_FACTOR[roadClass];
  const night = minuteOfDay >= NIGHT[0] || minuteOfDay < NIGHT[1];
  if (night && roadClass === 'motorway') return NIGHT_MOTORWAY_KMH;
  return freeFlowKmh;
}

/** Minutes from `at` until the speed regime may change next (a rush hour, the night, midnight). */
export function minutesToRegimeChange(at: number, utcOffsetMinutes: number): number {
  const { minuteOfDay } = localClock(at, utcOffsetMinutes);
  for (const edge of REGIME_EDGES) if (edge > minuteOfDay + 1e-9) return edge - minuteOfDay;
  /* c8 ignore next */
  return DAY_MINUTES - minuteOfDay;
}

export interface DriveLeg {
  /** Minutes spent driving. */
  minutes: number;
  /** Road km still to go afterwards. */
  kmToGate: number;
  /** The leg ended at a Sunday driving ban: the truck stands until then (epoch ms). */
  bannedUntil?: number;
}

export interface DriveOptions {
  /** Actual transit over predicted on this lane: above 1 the lane is slower than the profile. */
  laneFactor: number;
  utcOffsetMinutes: number;
  /** The physical bound: the limiter's speed everywhere, no traffic, no lane factor, no ban. */
  fastest?: boolean;
  /** Stop for the Sunday driving ban. */
  sundayBan?: boolean;
}

/**
 * Drives from `start` with `kmToGate` to go for at most `maxMinutes`. Speed depends on the road
 * and on the clock, integrated piece by piece, so a truck that is further away or leaves later
 * never arrives earlier (first in, first out).
 */
export function driveFor(
  start: number,
  kmToGate: number,
  maxMinutes: number,
  options: DriveOptions,
): DriveLeg {
  let km = kmToGate;
  let minutes = 0;
  for (let guard = 0; km > 1e-9 && minutes < maxMinutes - 1e-9 && guard < 10_000; guard++) {
    const band = roadBand(km);
    const at = start + minutes * MINUTE;
    const ban = options.sundayBan && !options.fastest ? sundayBan(at, options.utcOffsetMinutes) : null;
    if (ban?.endsAt) return { minutes, kmToGate: km < 1e-9 ? 0 : km, bannedUntil: ban.endsAt };
    const kmh = options.fastest
      ? HGV_MAX_KMH
      : Math.max(
          5,
          Math.min(
            HGV_MAX_KMH,
            speedKmh(band.roadClass, band.kmh, at, options.utcOffsetMinutes) / options.laneFactor,
          ),
        );
    const toBandEnd = ((km - band.fromKm) / kmh) * 60;
    const toRegime = options.fastest
      ? Number.POSITIVE_INFINITY
      : minutesToRegimeChange(at, options.utcOffsetMinutes);
    const step = Math.min(
      toBandEnd,
      toRegime,
      ban?.startsIn ?? Number.POSITIVE_INFINITY,
      maxMinutes - minutes,
    );
    if (step === toBandEnd) km = band.fromKm;
    else km = Math.max(band.fromKm, km - (kmh * step) / 60);
    minutes += step;
  }
  return { minutes, kmToGate: km < 1e-9 ? 0 : km };
}
