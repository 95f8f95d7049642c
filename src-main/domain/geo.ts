// Great-circle geometry for truck routes. Plain numbers in, plain numbers out: no I/O, no clock.

/** [latitude, longitude] in degrees, as the waypoints JSON stores them. */
export type LatLon = readonly [number, number];

/** The mean Earth radius (IUGG), good to a few metres over the distances trucks drive. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Roads are longer than the great circle between their ends; 1.2 is the usual factor for
 * European motorway trips and the one every planned distance in the demo plant uses.
 */
export const ROAD_CIRCUITY = 1.2;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

/** Haversine distance in km. */
export function greatCircleKm(from: LatLon, to: LatLon): number {
  const dLat = toRadians(to[0] - from[0]);
  const dLon = toRadians(to[1] - from[1]);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(from[0])) * Math.cos(toRadians(to[0])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Initial compass bearing from one point towards another: 0 = north, 90 = east, in [0, 360). */
export function bearingDegrees(from: LatLon, to: LatLon): number {
  const lat1 = toRadians(from[0]);
  const lat2 = toRadians(to[0]);
  const dLon = toRadians(to[1] - from[1]);
  const y = Math.sin(dLon) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
  return (toDegrees(Math.atan2(y, x)) + 360) % 360;
}

/** The point a fraction `f` of the way along the great circle from `from` to `to`. */
export function interpolateGreatCircle(from: LatLon, to: LatLon, f: number): LatLon {
  if (f <= 0) return [from[0], from[1]];
  if (f >= 1) return [to[0], to[1]];
  const delta = greatCircleKm(from, to) / EARTH_RADIUS_KM;
  if (delta < 1e-12) return [from[0], from[1]];
  const lat1 = toRadians(from[0]);
  const lon1 = toRadians(from[1]);
  const lat2 = toRadians(to[0]);
  const lon2 = toRadians(to[1]);
  const a = Math.sin((1 - f) * delta) / Math.sin(delta);
  const b = Math.sin(f * delta) / Math.sin(delta);
  const x = a * Math.cos(lat1) * Math.cos(lon1) + b * Math.cos(lat2) * Math.cos(lon2);
  const y = a * Math.cos(lat1) * Math.sin(lon1) + b * Math.cos(lat2) * Math.sin(lon2);
  const z = a * Math.sin(lat1) + b * Math.sin(lat2);
  return [toDegrees(Math.atan2(z, Math.sqrt(x * x + y * y))), toDegrees(Math.atan2(y, x))];
}

/** Great-circle km from the first point to each point of the polyline (first entry 0). */
export function cumulativeKm(points: readonly LatLon[]): number[] {
  const result = [0];
  for (let i = 1; i < points.length; i++) {
    result.push(result[i - 1]! + greatCircleKm(points[i - 1]!, points[i]!));
  }
  return result;
}

/** Great-circle length of a polyline in km. */
export function polylineKm(points: readonly LatLon[]): number {
  const cumulative = cumulativeKm(points);
  return cumulative[cumulative.length - 1] ?? 0;
}

/** The road distance the demo plans with: the polyline's great-circle legs times the circuity. */
export function roadDistanceKm(points: readonly LatLon[]): number {
  return polylineKm(points) * ROAD_CIRCUITY;
}

export interface PointOnRoute {
  position: LatLon;
  /** Compass heading of the leg the point lies on. */
  heading: number;
  /** Index of the leg (from waypoint `leg` to `leg + 1`). */
  leg: number;
}

/**
 * The point `km` great-circle kilometres along the polyline (clamped to its ends), with the
 * heading of that leg. `cumulative` is `cumulativeKm(points)`, passed in so callers compute it once.
 */
export function pointAlong(
  points: readonly LatLon[],
  cumulative: readonly number[],
  km: number,
): PointOnRoute {
  if (points.length === 0) throw new RangeError('A route needs at least one waypoint');
  if (points.length === 1) return { position: points[0]!, heading: 0, leg: 0 };
  const total = cumulative[cumulative.length - 1]!;
  const target = Math.min(Math.max(km, 0), total);
  let leg = 0;
  while (leg < points.length - 2 && cumulative[leg + 1]! < target) leg++;
  const from = points[leg]!;
  const to = points[leg + 1]!;
  const legKm = cumulative[leg + 1]! - cumulative[leg]!;
  const f = legKm > 0 ? (target - cumulative[leg]!) / legKm : 0;
  return { position: interpolateGreatCircle(from, to, f), heading: bearingDegrees(from, to), leg };
}
