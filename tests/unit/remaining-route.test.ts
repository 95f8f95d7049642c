import { describe, expect, it } from 'vitest';
import { remainingRoute } from '../../src-renderer/src/components/map/remainingRoute';

const route = {
  waypoints: [
    [50, 10],
    [50, 11],
    [50, 12],
    [50, 13],
  ] as [number, number][],
  distanceKm: 300,
  travelledKm: 0,
};

describe('remainingRoute', () => {
  it('is the whole road before the truck leaves, and nothing once it has arrived', () => {
    expect(remainingRoute(route, null)).toEqual(route.waypoints);
    expect(remainingRoute({ ...route, travelledKm: 300 }, null)).toEqual([]);
  });

  it('starts where the truck is and keeps the waypoints still ahead', () => {
    const ahead = remainingRoute({ ...route, travelledKm: 150 }, [50.01, 11.5]);
    expect(ahead).toEqual([
      [50.01, 11.5],
      [50, 12],
      [50, 13],
    ]);
    const interpolated = remainingRoute({ ...route, travelledKm: 50 }, null);
    expect(interpolated[0]![0]).toBeCloseTo(50, 6);
    expect(interpolated[0]![1]).toBeCloseTo(10.5, 1);
    expect(interpolated.slice(1)).toEqual(route.waypoints.slice(1));
  });

  it('needs at least two waypoints and a length', () => {
    expect(remainingRoute({ ...route, waypoints: [[50, 10]] }, null)).toEqual([]);
    expect(remainingRoute({ ...route, distanceKm: 0 }, null)).toEqual([]);
  });
});
