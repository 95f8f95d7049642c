import { plantWeekMinute } from '../../domain/openingHours';
import { unitDraw } from '../../domain/seededRandom';
import type { Disruption, DisruptionKind } from './types';

// What happens to trucks on the road. Each truck gets one draw per 15-minute bucket of simulated
// time (keyed by seed, truck and bucket), so the same plant meets the same traffic however the
// simulator's steps fall; border waits are drawn once per truck and crossing.

const MINUTE = 60_000;
export const TRAFFIC_BUCKET_MS = 15 * MINUTE;

/** Per 15 minutes on the road. Rush hours double the chance of a jam. */
const CONGESTION_CHANCE = 0.03;
const BREAKDOWN_CHANCE = 0.0006;
const BORDER_WAIT_CHANCE = 0.2;

function rushHour(at: number, timeZone: string): boolean {
  const { weekday, minute } = plantWeekMinute(at, timeZone);
  if (weekday > 5) return false;
  return (minute >= 6 * 60 && minute < 9 * 60) || (minute >= 15 * 60 && minute < 18 * 60);
}

/** The disruption starting at bucket start `at`, if the draw gives one. */
export function roadDisruption(
  seed: number,
  truckId: string,
  at: number,
  timeZone: string,
): Disruption | null {
  const bucket = Math.floor(at / TRAFFIC_BUCKET_MS);
  const draw = unitDraw(seed, truckId, 'road', bucket);
  const size = unitDraw(seed, truckId, 'road-size', bucket);
  if (draw < BREAKDOWN_CHANCE) {
    return { kind: 'breakdown', startedAt: at, until: at + Math.round((60 + 120 * size) * MINUTE) };
  }
  const congestion = CONGESTION_CHANCE * (rushHour(at, timeZone) ? 2 : 1);
  if (draw < BREAKDOWN_CHANCE + congestion) {
    return {
      kind: 'congestion',
      startedAt: at,
      until: at + Math.round((15 + 45 * size) * MINUTE),
      speedFactor: Math.round((0.25 + 0.35 * unitDraw(seed, truckId, 'road-speed', bucket)) * 100) / 100,
    };
  }
  return null;
}

/** A wait at a border crossing (controls, queues): 30–120 minutes, mostly the shorter end. */
export function borderWait(seed: number, truckId: string, place: string, at: number): Disruption | null {
  if (unitDraw(seed, truckId, 'border', place) >= BORDER_WAIT_CHANCE) return null;
  const size = unitDraw(seed, truckId, 'border-size', place);
  return {
    kind: 'border_wait',
    startedAt: at,
    until: at + Math.round((30 + 90 * size * size) * MINUTE),
    place,
  };
}

/** A disruption imposed from outside (disrupt()), starting at `at`. */
export function forcedDisruption(kind: DisruptionKind, at: number, minutes: number): Disruption {
  return {
    kind,
    startedAt: at,
    until: at + Math.round(minutes * MINUTE),
    ...(kind === 'congestion' ? { speedFactor: 0.3 } : {}),
    forced: true,
  };
}

/** Standing still (border, breakdown) or crawling (congestion) at `at`? */
export const activeAt = (disruption: Disruption | null, at: number): disruption is Disruption =>
  disruption !== null && disruption.startedAt <= at && at < disruption.until;
