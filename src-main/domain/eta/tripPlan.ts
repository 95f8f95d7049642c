import {
  afterDriving,
  afterStop,
  breakOwedMinutes,
  type DriverState,
  limitsOf,
  settled,
} from './drivingRules';
import { type DriveOptions, driveFor } from './speedProfile';

// The rest of a truck's trip as its driver will have to drive it: legs of driving at the speed
// profile, each as long as the driving-time rules allow, with the break or the daily rest the
// rules then demand. A stop the truck is in right now counts towards the first break; the Sunday
// driving ban (when asked for) is stood out and counted with the rests.

const MINUTE = 60_000;
/** How far past the limit a driver goes to reach the gate rather than stop just short of it. */
export const LAST_STRETCH_MINUTES = 15;

export interface TripPlan {
  /** Arrival at the gate (epoch ms, fractional). */
  arrival: number;
  drivingMinutes: number;
  breakMinutes: number;
  /** Daily rests and Sunday-ban waits. */
  restMinutes: number;
  /** Of restMinutes, the part stood out for the Sunday driving ban. */
  banMinutes: number;
}

export function planTrip(
  start: number,
  kmToGate: number,
  driver: DriverState,
  options: DriveOptions,
): TripPlan {
  let state = settled(driver);
  let km = kmToGate;
  let minutes = 0;
  let drivingMinutes = 0;
  let breakMinutes = 0;
  let restMinutes = 0;
  let banMinutes = 0;
  for (let guard = 0; km > 1e-9 && guard < 1000; guard++) {
    const limits = limitsOf(state);
    const allowed = Math.min(
      limits.breakAfterMinutes - state.drivenSinceBreakMinutes,
      limits.dailyDrivingMinutes - state.drivenTodayMinutes,
    );
    if (allowed > 1e-9) {
      const leg = driveFor(start + minutes * MINUTE, km, allowed, options);
      state = afterDriving(state, leg.minutes);
      km = leg.kmToGate;
      minutes += leg.minutes;
      drivingMinutes += leg.minutes;
      if (leg.bannedUntil !== undefined && km > 1e-9) {
        // Standing out a driving ban: the driver takes it as a break or a rest, whatever its length counts for.
        const wait = (leg.bannedUntil - (start + minutes * MINUTE)) / MINUTE;
        state = afterStop({ ...state, standingMinutes: 0 }, state.standingMinutes + wait);
        minutes += wait;
        restMinutes += wait;
        banMinutes += wait;
      }
      continue;
    }
    // Out of driving time a few minutes before the gate: the driver may go on to the nearest
    // suitable stopping place (Art. 12), and the plant's truck park is one.
    const lastStretch = driveFor(start + minutes * MINUTE, km, LAST_STRETCH_MINUTES, options);
    if (lastStretch.kmToGate === 0 && lastStretch.bannedUntil === undefined) {
      minutes += lastStretch.minutes;
      drivingMinutes += lastStretch.minutes;
      break;
    }
    // Out of driving time: the rest of a stop the truck is already in counts.
    const restDue = state.drivenTodayMinutes >= limits.dailyDrivingMinutes - 1e-9;
    const owed = restDue ? limits.dailyRestMinutes : breakOwedMinutes(state);
    const pause = Math.max(0, owed - state.standingMinutes);
    state = afterStop({ ...state, standingMinutes: 0 }, owed);
    minutes += pause;
    if (restDue) restMinutes += pause;
    else breakMinutes += pause;
  }
  return { arrival: start + minutes * MINUTE, drivingMinutes, breakMinutes, restMinutes, banMinutes };
}

/** The earliest the truck can possibly be at the gate: at the limiter's speed, with the rules. */
export const earliestPossibleArrival = (start: number, kmToGate: number, driver: DriverState) =>
  planTrip(start, kmToGate, driver, { laneFactor: 1, utcOffsetMinutes: 0, fastest: true }).arrival;
