import { describe, expect, it } from 'vitest';
import { advanceDriver, foldTrack, type TrackFix } from '../../src-main/domain/eta/driverHistory';
import {
  afterDriving,
  afterStanding,
  afterStop,
  type DriverState,
  driverAfterElapsed,
  FRESH_DRIVER,
  settled,
} from '../../src-main/domain/eta/drivingRules';
import { driveFor } from '../../src-main/domain/eta/speedProfile';
import { earliestPossibleArrival, planTrip } from '../../src-main/domain/eta/tripPlan';

const MINUTE = 60_000;
const SATURDAY_NOON = Date.UTC(2026, 10, 28, 12, 0); // 13:00 CET: no rush hour, not night
const options = { laneFactor: 1, utcOffsetMinutes: 60 };
const driver = (since: number, today: number, extra: Partial<DriverState> = {}): DriverState => ({
  ...FRESH_DRIVER,
  drivenSinceBreakMinutes: since,
  drivenTodayMinutes: today,
  ...extra,
});
const plainDrive = (km: number) => driveFor(SATURDAY_NOON, km, 100_000, options).minutes;

describe('the EU driving-time rules on the rest of the trip', () => {
  it('lets a rested driver arrive without a stop when the trip is short enough', () => {
    const trip = planTrip(SATURDAY_NOON, 200, FRESH_DRIVER, options);
    expect(trip).toMatchObject({ breakMinutes: 0, restMinutes: 0 });
    expect(trip.drivingMinutes).toBeCloseTo(plainDrive(200), 6);
    expect(trip.arrival).toBeCloseTo(SATURDAY_NOON + plainDrive(200) * MINUTE, 0);
  });

  it('makes a driver who has driven 4 hours take 45 minutes before arrival', () => {
    const needed = plainDrive(300); // a little over 4 hours
    expect(needed).toBeGreaterThan(30);
    const trip = planTrip(SATURDAY_NOON, 300, driver(240, 240), options);
    expect(trip.breakMinutes).toBe(45);
    expect(trip.restMinutes).toBe(0);
    expect(trip.drivingMinutes).toBeCloseTo(needed, 6);
    expect((trip.arrival - SATURDAY_NOON) / MINUTE).toBeCloseTo(needed + 45, 6);
    // The same road, rested: no break.
    expect(planTrip(SATURDAY_NOON, 300, FRESH_DRIVER, options).breakMinutes).toBe(0);
  });

  it('asks only the 30 minutes left of a split break after a 15-minute stop', () => {
    const trip = planTrip(SATURDAY_NOON, 300, driver(240, 240, { splitBreakStarted: true }), options);
    expect(trip.breakMinutes).toBe(30);
  });

  it('counts the stop the truck stands in towards the break it owes', () => {
    const standing = driver(270, 270, { standingMinutes: 20 });
    const trip = planTrip(SATURDAY_NOON, 100, standing, options);
    expect(trip.breakMinutes).toBe(25);
    // A stop of 45 minutes already is the break: the driver may set off at once.
    expect(settled(driver(270, 270, { standingMinutes: 50 })).drivenSinceBreakMinutes).toBe(0);
    expect(
      planTrip(SATURDAY_NOON, 100, driver(270, 270, { standingMinutes: 50 }), options).breakMinutes,
    ).toBe(0);
  });

  it('ends the day after 9 hours of driving with an 11-hour rest', () => {
    const trip = planTrip(SATURDAY_NOON, 300, driver(0, 500), options);
    expect(trip.restMinutes).toBe(660);
    expect(trip.breakMinutes).toBe(0);
    expect(trip.arrival - SATURDAY_NOON).toBeGreaterThan((660 + 200) * MINUTE);
  });

  it('strings breaks and rests together over a long haul (Torino, 900 km, from fresh)', () => {
    const trip = planTrip(SATURDAY_NOON, 900, FRESH_DRIVER, options);
    // Over 11 hours of driving: a break after 4.5 h, the day ends at 9 h, the rest follows.
    expect(trip.drivingMinutes).toBeGreaterThan(660);
    expect(trip.restMinutes).toBe(660);
    expect(trip.breakMinutes).toBe(45);
  });

  it('lets a driver out of time a few minutes before the gate drive on to it (Art. 12)', () => {
    const atLimit = driver(0, 540);
    expect(planTrip(SATURDAY_NOON, 4, atLimit, options)).toMatchObject({ restMinutes: 0, breakMinutes: 0 });
    expect(planTrip(SATURDAY_NOON, 40, atLimit, options).restMinutes).toBe(660);
  });

  it('reads a track with more driving than one driver may do as a crew of two: no breaks, a 9-hour rest', () => {
    const crew = afterDriving(driver(250, 250), 60);
    expect(crew.team).toBe(true);
    expect(afterDriving(driver(250, 250), 40).team).toBe(false); // within the slack of a gap
    const trip = planTrip(SATURDAY_NOON, 600, crew, options);
    expect(trip.breakMinutes).toBe(0);
    expect(trip.restMinutes).toBe(0);
    const longHaul = planTrip(SATURDAY_NOON, 1500, crew, options);
    expect(longHaul.restMinutes).toBe(540);
  });

  it('bounds the arrival from below by the limiter speed, with the rules', () => {
    const fastest = earliestPossibleArrival(SATURDAY_NOON, 450, FRESH_DRIVER);
    // 450 km at 90 km/h is 300 minutes: one 45-minute break after 270.
    expect((fastest - SATURDAY_NOON) / MINUTE).toBeCloseTo(345, 6);
    expect(planTrip(SATURDAY_NOON, 450, FRESH_DRIVER, options).arrival).toBeGreaterThan(fastest);
  });
});

describe('the driver state', () => {
  it('turns stops into breaks, split breaks and rests by their length', () => {
    const tired = driver(200, 400);
    expect(afterStop(tired, 10)).toEqual(tired);
    expect(afterStop(tired, 15)).toMatchObject({ drivenSinceBreakMinutes: 200, splitBreakStarted: true });
    expect(afterStop({ ...tired, splitBreakStarted: true }, 30)).toMatchObject({
      drivenSinceBreakMinutes: 0,
      drivenTodayMinutes: 400,
      splitBreakStarted: false,
    });
    expect(afterStop(tired, 30)).toMatchObject({ drivenSinceBreakMinutes: 200, splitBreakStarted: true });
    expect(afterStop(tired, 45)).toMatchObject({ drivenSinceBreakMinutes: 0, drivenTodayMinutes: 400 });
    expect(afterStop(tired, 540)).toEqual(FRESH_DRIVER);
    expect(afterDriving(afterStanding(tired, 50), 10)).toMatchObject({ drivenSinceBreakMinutes: 10 });
  });

  it('assumes a lawful driver since departure when there is no track', () => {
    expect(driverAfterElapsed(120)).toMatchObject({ drivenSinceBreakMinutes: 120, drivenTodayMinutes: 120 });
    // 5 hours: 4.5 h driving, then 30 minutes into the 45-minute break.
    expect(driverAfterElapsed(300)).toMatchObject({ drivenSinceBreakMinutes: 270, standingMinutes: 30 });
    // 6 hours: 4.5 + 0.75 break + 0.75 driving.
    expect(driverAfterElapsed(360)).toMatchObject({ drivenSinceBreakMinutes: 45, drivenTodayMinutes: 315 });
  });

  it('reads driving and standing from the track', () => {
    const fixes: TrackFix[] = [];
    let at = SATURDAY_NOON;
    let lon = 13;
    // Four hours at about 80 km/h eastward, a fix every 5 minutes…
    for (let i = 0; i <= 48; i++) {
      fixes.push({ at, lat: 49, lon, speedKmh: 80 });
      at += 5 * MINUTE;
      lon -= 0.0915;
    }
    const driven = foldTrack(FRESH_DRIVER, fixes);
    expect(driven.drivenSinceBreakMinutes).toBeCloseTo(240, 6);
    // …then 20 minutes parked (jitter of a few metres), which is not yet a break…
    const last = fixes[fixes.length - 1]!;
    const parked = advanceDriver(driven, last, {
      ...last,
      at: last.at + 20 * MINUTE,
      lon: last.lon + 0.0001,
      speedKmh: 0,
    });
    expect(parked).toMatchObject({ drivenSinceBreakMinutes: 240, standingMinutes: 20 });
    // …and a gap of two hours that covered 60 km: an hour's driving and a break before it.
    const gap = advanceDriver(driven, last, {
      at: last.at + 120 * MINUTE,
      lat: 49,
      lon: last.lon - 0.7,
      speedKmh: 78,
    });
    expect(gap.drivenSinceBreakMinutes).toBeGreaterThan(50);
    expect(gap.drivenSinceBreakMinutes).toBeLessThan(70);
    expect(gap.drivenTodayMinutes).toBeGreaterThan(290);
  });
});

describe('the Sunday driving ban', () => {
  const withBan = { ...options, sundayBan: true };
  const saturdayEvening = Date.UTC(2026, 10, 28, 20, 0); // 21:00 CET

  it('stands a truck still from Sunday 00:00 to 22:00 and counts the wait as its rest', () => {
    const trip = planTrip(saturdayEvening, 300, FRESH_DRIVER, withBan);
    // Three hours to midnight, then 22 hours standing, then the rest of the road.
    expect(trip.banMinutes).toBeCloseTo(22 * 60, 6);
    expect(trip.restMinutes).toBe(trip.banMinutes);
    expect(trip.arrival).toBeGreaterThan(Date.UTC(2026, 10, 29, 21, 0)); // after 22:00 CET on Sunday
    const free = planTrip(saturdayEvening, 300, FRESH_DRIVER, options);
    expect(free.banMinutes).toBe(0);
    expect(trip.drivingMinutes).toBeCloseTo(free.drivingMinutes, 0);
  });

  it('lets a short trip arrive before midnight, and the ban does not bind the physical bound', () => {
    expect(planTrip(saturdayEvening, 100, FRESH_DRIVER, withBan).banMinutes).toBe(0);
    const sunday = Date.UTC(2026, 10, 29, 9, 0);
    expect(earliestPossibleArrival(sunday, 90, FRESH_DRIVER)).toBe(sunday + 60 * MINUTE);
  });
});
