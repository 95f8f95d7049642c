import { describe, expect, it } from 'vitest';
import {
  fullRoadKm,
  remainingRoadKm,
  routeLine,
  snapToRoute,
} from '../../src-main/domain/eta/remainingDistance';
import { greatCircleKm, type LatLon, ROAD_CIRCUITY, roadDistanceKm } from '../../src-main/domain/geo';

const PLANT: LatLon = [48.7665, 11.4258];
// Plzeň → Waidhaus (border) → Regensburg → the plant, as the demo routes run.
const WAYPOINTS: LatLon[] = [[49.74, 13.37], [49.65, 12.52], [49.01, 12.1], PLANT];
const ROAD_KM = roadDistanceKm(WAYPOINTS);

describe('remaining road distance', () => {
  const route = routeLine(WAYPOINTS, ROAD_KM)!;

  it('is the whole road at the start and nothing inside the geofence', () => {
    expect(remainingRoadKm(WAYPOINTS[0]!, PLANT, 0, route).km).toBeCloseTo(ROAD_KM, 6);
    expect(remainingRoadKm([48.768, 11.427], PLANT, 0.6, route)).toMatchObject({ km: 0 });
  });

  it('measures what is left of the planned road, not the straight line, from the truck on it', () => {
    const regensburg = WAYPOINTS[2]!;
    const left = remainingRoadKm(regensburg, PLANT, 0, route);
    expect(left.method).toBe('route');
    expect(left.km).toBeCloseTo(greatCircleKm(regensburg, PLANT) * ROAD_CIRCUITY, 3);
    // Half-way along the first leg: the rest of that leg plus the legs after it.
    const halfway: LatLon = [
      (WAYPOINTS[0]![0] + WAYPOINTS[1]![0]) / 2,
      (WAYPOINTS[0]![1] + WAYPOINTS[1]![1]) / 2,
    ];
    const ahead = remainingRoadKm(halfway, PLANT, 0, route).km;
    const firstLeg = greatCircleKm(WAYPOINTS[0]!, WAYPOINTS[1]!) * ROAD_CIRCUITY;
    expect(ahead).toBeCloseTo(ROAD_KM - firstLeg / 2, 0);
  });

  it('takes off the road into the geofence: the ETA is for the gate', () => {
    const withFence = remainingRoadKm(WAYPOINTS[2]!, PLANT, 0.6, route).km;
    const without = remainingRoadKm(WAYPOINTS[2]!, PLANT, 0, route).km;
    expect(without - withFence).toBeCloseTo(0.6 * ROAD_CIRCUITY, 6);
  });

  it('adds the way back to the road for a truck beside it, and gives up on the route far off it', () => {
    const beside: LatLon = [49.01 + 0.05, 12.1]; // north of Regensburg, beside the leg from Waidhaus
    const snapped = snapToRoute(route, beside);
    expect(snapped.offKm).toBeGreaterThan(1);
    expect(snapped.offKm).toBeLessThan(6);
    const near = remainingRoadKm(beside, PLANT, 0, route);
    expect(near.method).toBe('route');
    expect(near.km).toBeGreaterThan(remainingRoadKm(WAYPOINTS[2]!, PLANT, 0, route).km);
    const lost: LatLon = [47.5, 9.7]; // Lake Constance, nowhere near the road
    const far = remainingRoadKm(lost, PLANT, 0, route);
    expect(far.method).toBe('great_circle');
    expect(far.km).toBeCloseTo(greatCircleKm(lost, PLANT) * ROAD_CIRCUITY, 6);
  });

  it('falls back to the great circle times the circuity without a route', () => {
    const left = remainingRoadKm(WAYPOINTS[0]!, PLANT, 0.6, null);
    expect(left).toMatchObject({ method: 'great_circle', offRouteKm: 0 });
    expect(left.km).toBeCloseTo((greatCircleKm(WAYPOINTS[0]!, PLANT) - 0.6) * ROAD_CIRCUITY, 6);
    expect(routeLine([PLANT], 10)).toBeNull();
  });

  it('plans an unstarted trip on the stored road distance, or the circle without one', () => {
    expect(fullRoadKm(WAYPOINTS[0]!, PLANT, 0.6, 300)).toBeCloseTo(300 - 0.72, 6);
    expect(fullRoadKm(WAYPOINTS[0]!, PLANT, 0, null)).toBeCloseTo(
      greatCircleKm(WAYPOINTS[0]!, PLANT) * 1.2,
      6,
    );
  });
});
