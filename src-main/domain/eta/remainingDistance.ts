import { cumulativeKm, greatCircleKm, type LatLon, ROAD_CIRCUITY } from '../geo';

// How far a truck still has to drive to the plant's gate. The best answer is the rest of the
// road it was planned on (delivery_route): the truck's position is snapped onto that polyline and
// the part still ahead is measured, in road km (the route's own road-to-polyline ratio). Without a
// route, or far off it, the great circle times the usual circuity stands in.

const KM_PER_DEGREE = (Math.PI / 180) * 6371.0088;

/** A planned road, prepared once per delivery: the snapping runs on every GPS fix. */
export interface RouteLine {
  waypoints: readonly LatLon[];
  cumulative: readonly number[];
  /** Road km per great-circle km along this route (the stored distance over the polyline). */
  roadPerLineKm: number;
}

export function routeLine(waypoints: readonly LatLon[], roadKm: number): RouteLine | null {
  if (waypoints.length < 2) return null;
  const cumulative = cumulativeKm(waypoints);
  const lineKm = cumulative[cumulative.length - 1]!;
  if (lineKm <= 0) return null;
  // A stored distance shorter than the polyline is a data error; roads are never shorter.
  const roadPerLineKm = roadKm > lineKm ? roadKm / lineKm : ROAD_CIRCUITY;
  return { waypoints, cumulative, roadPerLineKm };
}

export interface RemainingRoad {
  /** Road km from the position to the plant's gate (the geofence's edge). */
  km: number;
  /** How far the position lies beside the planned route (great-circle km); 0 without a route. */
  offRouteKm: number;
  method: 'route' | 'great_circle';
}

/** A truck further than this beside its planned road has left it: the great circle is fairer. */
export const OFF_ROUTE_KM = 40;

/** Where on the route the position lies: great-circle km from the route's start, and how far off. */
export function snapToRoute(route: RouteLine, position: LatLon): { alongKm: number; offKm: number } {
  const [lat0, lon0] = position;
  const xScale = Math.cos((lat0 * Math.PI) / 180) * KM_PER_DEGREE;
  let best = Number.POSITIVE_INFINITY;
  let alongKm = 0;
  const { waypoints, cumulative } = route;
  // A local flat frame around the truck: exact enough for the nearest leg, and cheap.
  let ax = (waypoints[0]![1] - lon0) * xScale;
  let ay = (waypoints[0]![0] - lat0) * KM_PER_DEGREE;
  for (let leg = 0; leg < waypoints.length - 1; leg++) {
    const to = waypoints[leg + 1]!;
    const bx = (to[1] - lon0) * xScale;
    const by = (to[0] - lat0) * KM_PER_DEGREE;
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    const t = length2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / length2)) : 0;
    const cx = ax + t * dx;
    const cy = ay + t * dy;
    const distance2 = cx * cx + cy * cy;
    if (distance2 < best) {
      best = distance2;
      alongKm = cumulative[leg]! + t * (cumulative[leg + 1]! - cumulative[leg]!);
    }
    ax = bx;
    ay = by;
  }
  return { alongKm, offKm: Math.sqrt(best) };
}

/**
 * Road km from `position` to the gate of a plant at `plant` with a geofence of `geofenceKm`.
 * The gate lies where the road enters the geofence, as the simulator and the gate staff see it.
 */
export function remainingRoadKm(
  position: LatLon,
  plant: LatLon,
  geofenceKm: number,
  route: RouteLine | null,
): RemainingRoad {
  const direct = greatCircleKm(position, plant);
  if (direct <= geofenceKm) return { km: 0, offRouteKm: 0, method: route ? 'route' : 'great_circle' };
  const gateAllowance = geofenceKm * ROAD_CIRCUITY;
  const byCircle = Math.max(0, direct * ROAD_CIRCUITY - gateAllowance);
  if (!route) return { km: byCircle, offRouteKm: 0, method: 'great_circle' };
  const { alongKm, offKm } = snapToRoute(route, position);
  if (offKm > OFF_ROUTE_KM) return { km: byCircle, offRouteKm: offKm, method: 'great_circle' };
  const total = route.cumulative[route.cumulative.length - 1]!;
  const ahead = (total - alongKm) * route.roadPerLineKm + offKm * ROAD_CIRCUITY;
  return { km: Math.max(0, ahead - gateAllowance), offRouteKm: offKm, method: 'route' };
}

/** The whole road of a delivery that has not left yet: its planned route, or origin to plant. */
export function fullRoadKm(origin: LatLon, plant: LatLon, geofenceKm: number, roadKm: number | null): number {
  const planned = roadKm ?? greatCircleKm(origin, plant) * ROAD_CIRCUITY;
  return Math.max(0, planned - geofenceKm * ROAD_CIRCUITY);
}
