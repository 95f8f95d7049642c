import { describe, expect, it } from 'vitest';
import {
  driveFor,
  HGV_MAX_KMH,
  localClock,
  roadBand,
  speedKmh,
} from '../../src-main/domain/eta/speedProfile';

const MINUTE = 60_000;
// Saturday 28 November 2026, 13:00 in Ingolstadt (CET = UTC+1): no rush hour, not night.
const SATURDAY_NOON = Date.UTC(2026, 10, 28, 12, 0);
const CET = 60;
const plain = { laneFactor: 1, utcOffsetMinutes: CET };

describe('the speed profile', () => {
  it('drives the last kilometres in town, then country and trunk roads, the rest on the motorway', () => {
    expect(roadBand(2).roadClass).toBe('urban');
    expect(roadBand(10).roadClass).toBe('rural');
    expect(roadBand(30).roadClass).toBe('trunk');
    expect(roadBand(300).roadClass).toBe('motorway');
    // 100 km: 3 at 25, 12 at 45, 25 at 65, 60 at 76 km/h.
    const expected = (3 / 25 + 12 / 45 + 25 / 65 + 60 / 76) * 60;
    expect(driveFor(SATURDAY_NOON, 100, 10_000, plain).minutes).toBeCloseTo(expected, 6);
  });

  it('gives short trips a larger share of slow road than long ones', () => {
    const average = (km: number) => km / (driveFor(SATURDAY_NOON, km, 10_000, plain).minutes / 60);
    expect(average(20)).toBeLessThan(average(100));
    expect(average(100)).toBeLessThan(average(600));
    expect(average(600)).toBeLessThan(HGV_MAX_KMH);
  });

  it('is slower in the working-day rush hour and on the legal 80 at night', () => {
    const fridayRush = Date.UTC(2026, 10, 27, 6, 30); // 07:30 local
    expect(localClock(fridayRush, CET)).toEqual({ minuteOfDay: 450, weekday: 5, workday: true });
    expect(localClock(SATURDAY_NOON, CET).workday).toBe(false);
    expect(speedKmh('urban', 25, fridayRush, CET)).toBeLessThan(25);
    expect(speedKmh('urban', 25, fridayRush + 24 * 60 * MINUTE, CET)).toBe(25); // Saturday
    expect(speedKmh('motorway', 76, Date.UTC(2026, 10, 27, 23, 0), CET)).toBe(80);
    const inRush = driveFor(fridayRush, 15, 10_000, plain).minutes;
    const after = driveFor(Date.UTC(2026, 10, 27, 9, 0), 15, 10_000, plain).minutes;
    expect(inRush).toBeGreaterThan(after);
  });

  it('stops after the minutes allowed, part of the way', () => {
    const leg = driveFor(SATURDAY_NOON, 300, 60, plain);
    expect(leg.minutes).toBeCloseTo(60, 9);
    expect(leg.kmToGate).toBeCloseTo(300 - 76, 6);
  });

  it('scales with the lane factor and never exceeds the limiter', () => {
    const slow = driveFor(SATURDAY_NOON, 300, 10_000, { ...plain, laneFactor: 1.25 }).minutes;
    const normal = driveFor(SATURDAY_NOON, 300, 10_000, plain).minutes;
    expect(slow).toBeGreaterThan(normal * 1.2);
    const eager = driveFor(SATURDAY_NOON, 300, 10_000, { ...plain, laneFactor: 0.5 }).minutes;
    expect(eager).toBeGreaterThanOrEqual((300 / HGV_MAX_KMH) * 60 - 1e-9);
    expect(driveFor(SATURDAY_NOON, 300, 10_000, { ...plain, fastest: true }).minutes).toBeCloseTo(200, 9);
  });
});
