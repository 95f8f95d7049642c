import { greatCircleKm, ROAD_CIRCUITY } from '../geo';
import { afterDriving, afterStanding, type DriverState } from './drivingRules';

// How long the driver has driven since the last break and the last rest, read from the truck's
// track: between two fixes the truck either moved (driving time) or stood (a stop, which counts as
// a break or a rest once it is long enough). A long gap without fixes — a dead phone, a tunnel —
// is split: as much driving as the distance covered needs at a typical speed, the rest standing.

export interface TrackFix {
  at: number;
  lat: number;
  lon: number;
  speedKmh: number | null;
}

const MINUTE = 60_000;
/** Slower than this a truck is standing (GPS jitter makes a parked truck "move" a little). */
export const STANDING_BELOW_KMH = 5;
/** Fixes further apart than this are a gap in the track, not one stretch of driving. */
export const TRACK_GAP_MINUTES = 15;
/** The speed a gap's distance is assumed to have been driven at. */
const GAP_DRIVING_KMH = 70;

export function advanceDriver(driver: DriverState, from: TrackFix, to: TrackFix): DriverState {
  const minutes = (to.at - from.at) / MINUTE;
  if (minutes <= 0) return driver;
  const km = greatCircleKm([from.lat, from.lon], [to.lat, to.lon]);
  const averageKmh = (km / minutes) * 60;
  const reported = to.speedKmh;
  const moving = averageKmh >= STANDING_BELOW_KMH || (reported !== null && reported >= STANDING_BELOW_KMH);
  if (!moving) return afterStanding(driver, minutes);
  if (minutes <= TRACK_GAP_MINUTES) return afterDriving(driver, minutes);
  const driving = Math.min(minutes, ((km * ROAD_CIRCUITY) / GAP_DRIVING_KMH) * 60);
  // Where in the gap the truck stood is unknown: the stop is counted first, then the driving.
  return afterDriving(afterStanding(driver, minutes - driving), driving);
}

/** The driver's state at the last of `fixes` (ascending by time), starting from `start`. */
export function foldTrack(start: DriverState, fixes: readonly TrackFix[]): DriverState {
  let driver = start;
  for (let i = 1; i < fixes.length; i++) driver = advanceDriver(driver, fixes[i - 1]!, fixes[i]!);
  return driver;
}
