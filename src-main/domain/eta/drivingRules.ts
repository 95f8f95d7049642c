// The EU driving-time rules for truck drivers (Regulation (EC) No 561/2006), as far as an ETA
// needs them: after 4.5 hours of driving a break of 45 minutes, which may be split into 15 and
// then 30 minutes (Art. 7); at most 9 hours of driving a day (Art. 6; the twice-weekly 10 hours
// are not tracked, so an ETA errs on the late side); then a daily rest of 11 hours (Art. 8; a stop
// of 9 hours counts as a reduced one). Weekly limits are out of an ETA's reach and not modelled.
//
// A truck whose track shows more driving than one driver may do is taken to be double-manned
// (Art. 8(5)): the co-driver's breaks are taken on the move, the truck stops only for the crew's
// 9-hour rest after both have driven their day. That is the lawful reading of such a track.

export const BREAK_AFTER_MINUTES = 270;
export const BREAK_MINUTES = 45;
/** The split break: at least 15 minutes first, at least 30 later (Art. 7, second subparagraph). */
export const SPLIT_FIRST_MINUTES = 15;
export const SPLIT_SECOND_MINUTES = 30;
export const DAILY_DRIVING_MINUTES = 540;
export const DAILY_REST_MINUTES = 660;
export const REDUCED_DAILY_REST_MINUTES = 540;
/** How far past a single driver's limits a track may go (GPS gaps, rounding) before it means a crew. */
const SINGLE_DRIVER_SLACK_MINUTES = 30;

export interface DrivingLimits {
  breakAfterMinutes: number;
  dailyDrivingMinutes: number;
  dailyRestMinutes: number;
}

const SINGLE: DrivingLimits = {
  breakAfterMinutes: BREAK_AFTER_MINUTES,
  dailyDrivingMinutes: DAILY_DRIVING_MINUTES,
  dailyRestMinutes: DAILY_REST_MINUTES,
};
const TEAM: DrivingLimits = {
  breakAfterMinutes: Number.POSITIVE_INFINITY,
  dailyDrivingMinutes: 2 * DAILY_DRIVING_MINUTES,
  dailyRestMinutes: REDUCED_DAILY_REST_MINUTES,
};

export const limitsOf = (driver: DriverState): DrivingLimits => (driver.team ? TEAM : SINGLE);

/** What the tachograph would show about this driver at one moment. */
export interface DriverState {
  /** Driving since the last qualifying break (or rest). */
  drivenSinceBreakMinutes: number;
  /** Driving since the last daily rest. */
  drivenTodayMinutes: number;
  /** The first 15 minutes of a split break were taken since the last full break. */
  splitBreakStarted: boolean;
  /** How long the truck has been standing right now (0 while it drives). */
  standingMinutes: number;
  /** Two drivers: the track showed more driving than one may do. */
  team: boolean;
}

export const FRESH_DRIVER: DriverState = {
  drivenSinceBreakMinutes: 0,
  drivenTodayMinutes: 0,
  splitBreakStarted: false,
  standingMinutes: 0,
  team: false,
};

/** The break the driver owes before the next 4.5 hours: 45 minutes, or 30 after a split's 15. */
export const breakOwedMinutes = (driver: DriverState) =>
  driver.splitBreakStarted ? SPLIT_SECOND_MINUTES : BREAK_MINUTES;

/** What a stop of `minutes` counts for once it is over. */
export function afterStop(driver: DriverState, minutes: number): DriverState {
  if (minutes >= REDUCED_DAILY_REST_MINUTES) return { ...FRESH_DRIVER, team: driver.team };
  if (minutes >= BREAK_MINUTES || (driver.splitBreakStarted && minutes >= SPLIT_SECOND_MINUTES))
    return { ...driver, drivenSinceBreakMinutes: 0, splitBreakStarted: false, standingMinutes: 0 };
  if (minutes >= SPLIT_FIRST_MINUTES) return { ...driver, splitBreakStarted: true, standingMinutes: 0 };
  return { ...driver, standingMinutes: 0 };
}

/** The driver after `minutes` more of driving (a running stop ends, and counts for what it was). */
export function afterDriving(driver: DriverState, minutes: number): DriverState {
  const resumed = driver.standingMinutes > 0 ? afterStop(driver, driver.standingMinutes) : driver;
  if (minutes <= 0) return resumed;
  const sinceBreak = resumed.drivenSinceBreakMinutes + minutes;
  const today = resumed.drivenTodayMinutes + minutes;
  const team =
    resumed.team ||
    sinceBreak > BREAK_AFTER_MINUTES + SINGLE_DRIVER_SLACK_MINUTES ||
    today > DAILY_DRIVING_MINUTES + SINGLE_DRIVER_SLACK_MINUTES;
  return {
    ...resumed,
    drivenSinceBreakMinutes: sinceBreak,
    drivenTodayMinutes: today,
    standingMinutes: 0,
    team,
  };
}

/** The driver after `minutes` more of standing: the stop runs on. */
export const afterStanding = (driver: DriverState, minutes: number): DriverState =>
  minutes <= 0 ? driver : { ...driver, standingMinutes: driver.standingMinutes + minutes };

/**
 * The driver at the moment: a stop that already qualifies (45 minutes, a split's 30, a reduced
 * rest) is counted now, since the driver may set off at once; a shorter one stays a running stop.
 */
export function settled(driver: DriverState): DriverState {
  const stop = driver.standingMinutes;
  if (stop <= 0) return driver;
  const closed = afterStop(driver, stop);
  const qualifies = closed.drivenSinceBreakMinutes === 0 && driver.drivenSinceBreakMinutes > 0;
  return qualifies || stop >= REDUCED_DAILY_REST_MINUTES ? closed : driver;
}

/**
 * A driver without a reported track: assume a fresh start at departure and driving as the rules
 * allow ever since — the most a lawful driver can have driven.
 */
export function driverAfterElapsed(elapsedMinutes: number): DriverState {
  let driver: DriverState = FRESH_DRIVER;
  let left = Math.max(0, elapsedMinutes);
  for (let guard = 0; left > 1e-9 && guard < 1000; guard++) {
    const allowed = Math.min(
      BREAK_AFTER_MINUTES - driver.drivenSinceBreakMinutes,
      DAILY_DRIVING_MINUTES - driver.drivenTodayMinutes,
    );
    if (allowed > 1e-9) {
      const driving = Math.min(allowed, left);
      driver = afterDriving(driver, driving);
      left -= driving;
      continue;
    }
    const pause =
      driver.drivenTodayMinutes >= DAILY_DRIVING_MINUTES - 1e-9
        ? DAILY_REST_MINUTES
        : breakOwedMinutes(driver);
    const standing = Math.min(pause, left);
    driver = afterStanding(driver, standing);
    left -= standing;
    if (standing >= pause) driver = afterStop(driver, pause);
  }
  return driver;
}
