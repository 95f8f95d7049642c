import { cumulativeKm, type LatLon, pointAlong, ROAD_CIRCUITY } from '../../domain/geo';
import { unitDraw } from '../../domain/seededRandom';
import { borderAt } from '../routes';
import type { PositionFix, RouteGeometry, TruckState } from './types';

// How a demo truck drives: a speed profile over its road, the plan its dispatcher made (departure
// = slot start − expected drive − buffer), and the ETA the plant sees on the way.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Motorway average of a 40-tonne truck with traffic, before the truck's own pace. */
export const MOTORWAY_KMH = 76;
/** Last kilometres to the gate: town roads, roundabouts, the industrial estate. */
const APPROACH_KMH = 45;
const LAST_KM_KMH = 25;
/** Getting out of the supplier's yard and onto the motorway. */
const YARD_EXIT_KMH = 40;
const APPROACH_KM = 15;
const LAST_KM = 3;
const YARD_EXIT_KM = 4;

export function parseGeometry(waypointsJson: string, distanceKm: number): RouteGeometry {
  const waypoints = (JSON.parse(waypointsJson) as [number, number][]).map(
    ([lat, lon]) => [lat, lon] as LatLon,
  );
  const cumulative = cumulativeKm(waypoints);
  const total = cumulative[cumulative.length - 1] ?? 0;
  const borders: RouteGeometry['borders'] = [];
  waypoints.forEach((point, index) => {
    const place = borderAt(point);
    if (place && total > 0) borders.push({ km: (cumulative[index]! / total) * distanceKm, place });
  });
  return { waypoints, cumulative, borders };
}

export function geometryOf(truck: TruckState): RouteGeometry {
  truck.geometry ??= parseGeometry(truck.waypointsJson, truck.distanceKm);
  return truck.geometry;
}

/** Road km at which the truck enters the plant's geofence. */
export const gateKm = (distanceKm: number, geofenceKm: number) =>
  Math.max(0, distanceKm - geofenceKm * ROAD_CIRCUITY);

/** Undisturbed speed (pace 1) at a point of the road. */
export function profileSpeedKmh(travelledKm: number, distanceKm: number): number {
  const remaining = distanceKm - travelledKm;
  if (remaining < LAST_KM) return LAST_KM_KMH;
  if (remaining < APPROACH_KM) return APPROACH_KMH;
  if (travelledKm < YARD_EXIT_KM) return YARD_EXIT_KMH;
  return MOTORWAY_KMH;
}

/** The next km where the speed profile changes, after `travelledKm`. */
export function nextProfileChangeKm(travelledKm: number, distanceKm: number): number {
  const changes = [YARD_EXIT_KM, distanceKm - APPROACH_KM, distanceKm - LAST_KM, distanceKm];
  return Math.min(...changes.filter((km) => km > travelledKm + 1e-9), distanceKm);
}

/** Milliseconds to drive from `fromKm` to `toKm` undisturbed at the given pace. */
export function driveMs(fromKm: number, toKm: number, distanceKm: number, pace: number): number {
  let km = fromKm;
  let ms = 0;
  while (km < toKm - 1e-9) {
    const stop = Math.min(toKm, nextProfileChangeKm(km, distanceKm));
    ms += ((stop - km) / (profileSpeedKmh(km, distanceKm) * pace)) * HOUR;
    km = stop;
  }
  return ms;
}

/**
 * Trucks leave at most this long before their slot: the longest demo road (Torino, about 900 km)
 * plus the largest buffer, rounded up. Announced trucks further out need not be looked at.
 */
export const DEPARTURE_LOOKAHEAD_MS = 16 * HOUR;

/** The truck's own pace, 0.93–1.05 of the profile: some drivers are quicker than others. */
export const truckPace = (seed: number, truckId: string) => 0.93 + 0.12 * unitDraw(seed, truckId, 'pace');

/**
 * When the dispatcher lets the truck leave: the planned drive at the profile's speed, a buffer
 * (more for each border on the way), and the day's noise — most leave within minutes of the plan,
 * some late enough to miss the slot.
 */
export function plannedDeparture(seed: number, truck: TruckState, geofenceKm: number): number {
  const drive = driveMs(0, gateKm(truck.distanceKm, geofenceKm), truck.distanceKm, 1);
  const borders = geometryOf(truck).borders.length;
  const buffer = (15 + 30 * unitDraw(seed, truck.id, 'buffer') + 30 * borders) * MINUTE;
  const noise = unitDraw(seed, truck.id, 'late');
  const spread = unitDraw(seed, truck.id, 'spread');
  const delay = noise < 0.06 ? (20 + 70 * spread) * MINUTE : (spread - 0.5) * 20 * MINUTE;
  return Math.round(
    Math.max(truck.slotStart - DEPARTURE_LOOKAHEAD_MS, truck.slotStart - drive - buffer + delay),
  );
}

/** Where the truck is, as a position fix at time `at`. */
export function fixAt(truck: TruckState, at: number, speedKmh: number): PositionFix {
  const geometry = geometryOf(truck);
  const total = geometry.cumulative[geometry.cumulative.length - 1] ?? 0;
  const km = truck.distanceKm > 0 ? (truck.travelledKm / truck.distanceKm) * total : 0;
  const point = pointAlong(geometry.waypoints, geometry.cumulative, km);
  return {
    at,
    lat: Math.round(point.position[0] * 1e6) / 1e6,
    lon: Math.round(point.position[1] * 1e6) / 1e6,
    speedKmh: Math.round(speedKmh * 10) / 10,
    heading: Math.round(point.heading),
  };
}

/**
 * ETA at the gate from `at`: the undisturbed rest of the drive, plus what the current disruption
 * still costs. The confidence band widens with the distance still to go.
 */
export function estimateArrival(
  truck: TruckState,
  at: number,
  pace: number,
  geofenceKm: number,
): { eta: number; confidenceMinutes: number } {
  const gate = gateKm(truck.distanceKm, geofenceKm);
  let eta = at + driveMs(truck.travelledKm, gate, truck.distanceKm, pace);
  const disruption = truck.disruption;
  if (disruption && disruption.until > at) {
    const remaining = disruption.until - Math.max(at, disruption.startedAt);
    eta += disruption.kind === 'congestion' ? remaining * (1 - (disruption.speedFactor ?? 1)) : remaining;
  }
  const remainingKm = Math.max(0, gate - truck.travelledKm);
  const disrupted = disruption !== null && disruption.until > at ? 10 : 0;
  return { eta: Math.round(eta), confidenceMinutes: Math.round(5 + remainingKm * 0.06 + disrupted) };
}
