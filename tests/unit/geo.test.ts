import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bearingDegrees,
  cumulativeKm,
  greatCircleKm,
  interpolateGreatCircle,
  type LatLon,
  pointAlong,
  polylineKm,
  ROAD_CIRCUITY,
  roadDistanceKm,
} from '../../src-main/domain/geo';

const munich: LatLon = [48.1372, 11.5756];
const berlin: LatLon = [52.52, 13.405];
const ingolstadt: LatLon = [48.7665, 11.4258];
const regensburg: LatLon = [49.0134, 12.1016];

const europe = fc.tuple(
  fc.double({ min: 35, max: 60, noNaN: true }),
  fc.double({ min: -10, max: 30, noNaN: true }),
);

describe('great-circle distance', () => {
  it('matches known distances', () => {
    // One degree of longitude on the equator, and Munich–Berlin (about 504 km as the crow flies).
    expect(greatCircleKm([0, 0], [0, 1])).toBeCloseTo(111.195, 2);
    expect(greatCircleKm(munich, berlin)).toBeGreaterThan(500);
    expect(greatCircleKm(munich, berlin)).toBeLessThan(508);
    expect(greatCircleKm(ingolstadt, regensburg)).toBeGreaterThan(55);
    expect(greatCircleKm(ingolstadt, regensburg)).toBeLessThan(60);
    expect(greatCircleKm(munich, munich)).toBe(0);
  });

  it('is symmetric and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(europe, europe, europe, (a, b, c) => {
        expect(greatCircleKm(a, b)).toBeCloseTo(greatCircleKm(b, a), 9);
        expect(greatCircleKm(a, c)).toBeLessThanOrEqual(greatCircleKm(a, b) + greatCircleKm(b, c) + 1e-9);
      }),
    );
  });
});

describe('bearing', () => {
  it('points along the compass', () => {
    expect(bearingDegrees([48, 11], [49, 11])).toBeCloseTo(0, 6);
    expect(bearingDegrees([0, 11], [0, 12])).toBeCloseTo(90, 6);
    expect(bearingDegrees([49, 11], [48, 11])).toBeCloseTo(180, 6);
    expect(bearingDegrees([0, 12], [0, 11])).toBeCloseTo(270, 6);
  });

  it('stays in [0, 360)', () => {
    fc.assert(
      fc.property(europe, europe, (a, b) => {
        const bearing = bearingDegrees(a, b);
        expect(bearing).toBeGreaterThanOrEqual(0);
        expect(bearing).toBeLessThan(360);
      }),
    );
  });
});

describe('interpolation along a great circle', () => {
  it('starts and ends at the end points and halves the way in the middle', () => {
    const start = interpolateGreatCircle(munich, berlin, 0);
    const end = interpolateGreatCircle(munich, berlin, 1);
    const middle = interpolateGreatCircle(munich, berlin, 0.5);
    expect(greatCircleKm(start, munich)).toBeLessThan(1e-6);
    expect(greatCircleKm(end, berlin)).toBeLessThan(1e-6);
    expect(greatCircleKm(munich, middle)).toBeCloseTo(greatCircleKm(middle, berlin), 6);
  });
});

describe('routes', () => {
  const route: LatLon[] = [regensburg, [48.9176, 11.8866], ingolstadt];

  it('adds up the legs, and the road is 1.2 times longer', () => {
    const legs = greatCircleKm(route[0]!, route[1]!) + greatCircleKm(route[1]!, route[2]!);
    expect(polylineKm(route)).toBeCloseTo(legs, 9);
    expect(cumulativeKm(route)).toEqual([0, greatCircleKm(route[0]!, route[1]!), legs]);
    expect(roadDistanceKm(route)).toBeCloseTo(legs * ROAD_CIRCUITY, 9);
  });

  it('finds the point a given distance along, on the right leg, clamped to the ends', () => {
    const cumulative = cumulativeKm(route);
    const total = cumulative[2]!;
    expect(pointAlong(route, cumulative, -5).position).toEqual(regensburg);
    expect(greatCircleKm(pointAlong(route, cumulative, total + 5).position, ingolstadt)).toBeLessThan(1e-6);
    const onSecondLeg = pointAlong(route, cumulative, cumulative[1]! + 1);
    expect(onSecondLeg.leg).toBe(1);
    expect(onSecondLeg.heading).toBeCloseTo(bearingDegrees(route[1]!, route[2]!), 9);
    expect(greatCircleKm(route[1]!, onSecondLeg.position)).toBeCloseTo(1, 6);
  });

  it('puts every point at its distance from the start, measured along the road', () => {
    const cumulative = cumulativeKm(route);
    fc.assert(
      fc.property(fc.double({ min: 0, max: cumulative[2]!, noNaN: true }), (km) => {
        const { position, leg } = pointAlong(route, cumulative, km);
        const along = cumulative[leg]! + greatCircleKm(route[leg]!, position);
        expect(along).toBeCloseTo(km, 6);
      }),
    );
  });
});
