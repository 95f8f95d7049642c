import type { DriverState } from './drivingRules';
import type { LaneStatistic } from './laneLearning';
import { earliestPossibleArrival, planTrip, type TripPlan } from './tripPlan';

// One ETA from what the plant knows about a truck, with the band it may fall in and where it came
// from. The sources rank by what they know: a GPS fix is where the truck is; a carrier's ETA sent
// after the last fix knows something the fix cannot (a jam ahead, a change of driver) and is taken
// — but never earlier than the truck can physically make it; a shipping notice's estimate and the
// booked slot are what is left without either.

export type EtaSource = 'gps' | 'carrier' | 'notice' | 'plan';

export interface EtaEstimate {
  eta: number;
  earliest: number;
  latest: number;
  /** Half the band on the late side, in whole minutes: what `eta_confidence_minutes` stores. */
  confidenceMinutes: number;
  source: EtaSource;
  remainingKm: number;
  drivingMinutes: number;
  breakMinutes: number;
  restMinutes: number;
  laneFactor: number;
  laneSamples: number;
}

/** Where the truck is known to be, and when: a GPS fix, or its departure with the whole road ahead. */
export interface KnownPosition {
  kind: 'fix' | 'departure' | 'not_departed';
  at: number;
  kmToGate: number;
  driver: DriverState;
}

export interface EtaSituation {
  now: number;
  utcOffsetMinutes: number;
  position: KnownPosition;
  lane: LaneStatistic;
  slotStart: number;
  carrier: { at: number; eta: number } | null;
  notice: { eta: number } | null;
}

const MINUTE = 60_000;
/** The band's floor per source: gate queues, the last roundabout, how much each source knows. */
const BASE_MINUTES: Record<EtaSource, number> = { gps: 5, carrier: 15, notice: 30, plan: 45 };
/** Every minute a fix ages adds a quarter of a minute: the truck may have stopped since. */
const STALE_FIX_WEIGHT = 0.25;
/** Trucks are more often late than early: the early side of the band is this share of the late. */
const EARLY_SHARE = 0.6;
/**
 * A driver may shorten a daily rest to 9 hours or drive 10 hours instead of 9 (a few times a
 * week): a trip with a rest in it may be up to two hours quicker than the plain rules say.
 */
const REST_SHORTENING_MINUTES = 120;

const ceilMinute = (at: number) => Math.ceil(at / MINUTE) * MINUTE;

function chooseSource(s: EtaSituation): { source: EtaSource; claimed: number | null } {
  const fix = s.position.kind === 'fix' ? s.position : null;
  if (s.carrier && (!fix || s.carrier.at > fix.at)) return { source: 'carrier', claimed: s.carrier.eta };
  if (fix) return { source: 'gps', claimed: null };
  if (s.notice) return { source: 'notice', claimed: s.notice.eta };
  return { source: 'plan', claimed: s.position.kind === 'not_departed' ? s.slotStart : null };
}

export function estimateEta(s: EtaSituation): EtaEstimate {
  const { now, position, lane } = s;
  // A truck that has not left yet leaves now at the earliest.
  const start = position.kind === 'not_departed' ? Math.max(now, position.at) : position.at;
  const trip: TripPlan = planTrip(start, position.kmToGate, position.driver, {
    laneFactor: lane.factor,
    utcOffsetMinutes: s.utcOffsetMinutes,
    sundayBan: true,
  });
  const possible = Math.max(now, earliestPossibleArrival(start, position.kmToGate, position.driver));
  const { source, claimed } = chooseSource(s);
  const eta = Math.max(possible, claimed ?? trip.arrival);

  const fixAge = position.kind === 'fix' ? Math.max(0, now - position.at) / MINUTE : 0;
  const lateMinutes =
    Math.hypot(BASE_MINUTES[source], trip.drivingMinutes * (lane.spread * lane.factor)) +
    STALE_FIX_WEIGHT * fixAge;
  const earlyMinutes =
    EARLY_SHARE * lateMinutes + (trip.restMinutes > trip.banMinutes ? REST_SHORTENING_MINUTES : 0);
  const etaMinute = ceilMinute(eta);
  return {
    eta: etaMinute,
    earliest: Math.min(etaMinute, ceilMinute(Math.max(possible, eta - earlyMinutes * MINUTE))),
    latest: ceilMinute(eta + lateMinutes * MINUTE),
    confidenceMinutes: Math.ceil(lateMinutes),
    source,
    remainingKm: Math.round(position.kmToGate * 10) / 10,
    drivingMinutes: Math.round(trip.drivingMinutes),
    breakMinutes: Math.round(trip.breakMinutes),
    restMinutes: Math.round(trip.restMinutes),
    laneFactor: Math.round(lane.factor * 1000) / 1000,
    laneSamples: lane.samples,
  };
}
