export type LatLonPair = [number, number];

const EARTH_RADIUS_KM = 6371;
const toRad = (degrees: number) => (degrees * Math.PI) / 180;

function greatCircleKm([lat1, lon1]: LatLonPair, [lat2, lon2]: LatLonPair): number {
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The part of a route still ahead of a truck, from where it is to the plant. The route's road
 * distance (distanceKm) is longer than its polyline, so the truck's progress is taken as a share
 * of it, as the simulator places the truck. The line starts at the truck's reported position when
 * there is one, so that it joins the marker; empty once the truck has arrived.
 */
export function remainingRoute(
  route: { waypoints: readonly LatLonPair[]; distanceKm: number; travelledKm: number },
  position: LatLonPair | null,
): LatLonPair[] {
  const { waypoints, distanceKm, travelledKm } = route;
  if (waypoints.length < 2 || distanceKm <= 0 || travelledKm >= distanceKm) return [];
  const cumulative = [0];
  for (let i = 1; i < waypoints.length; i++) {
    cumulative.push(cumulative[i - 1]! + greatCircleKm(waypoints[i - 1]!, waypoints[i]!));
  }
  const total = cumulative[cumulative.length - 1]!;
  const along = (Math.max(0, travelledKm) / distanceKm) * total;
  let next = cumulative.findIndex((km) => km > along);
  if (next <= 0) next = next === 0 ? 1 : waypoints.length - 1;
  const from = waypoints[next - 1]!;
  const to = waypoints[next]!;
  const legKm = cumulative[next]! - cumulative[next - 1]!;
  const share = legKm > 0 ? (along - cumulative[next - 1]!) / legKm : 0;
  const here: LatLonPair = position ?? [
    from[0] + (to[0] - from[0]) * share,
    from[1] + (to[1] - from[1]) * share,
  ];
  return [here, ...waypoints.slice(next).map(([lat, lon]) => [lat, lon] as LatLonPair)];
}
