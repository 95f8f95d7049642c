import { greatCircleKm, type LatLon, roadDistanceKm } from '../domain/geo';
import { BORDER_CROSSINGS, PLACES } from './catalog/geography';
import type { DemoSupplier } from './model';

// A truck's road from the supplier to the plant: the supplier's places in driving order, then the
// plant. Distances are great-circle legs times the road circuity (1.2).

export interface SupplierRoute {
  waypoints: LatLon[];
  distanceKm: number;
  /** Border crossings on the way, in driving order. */
  borderCount: number;
}

const roundKm = (km: number) => Math.round(km * 10) / 10;

export function supplierRoute(supplier: DemoSupplier, plantAt: LatLon): SupplierRoute {
  const waypoints: LatLon[] = [...supplier.route.map((key) => PLACES[key].at), plantAt];
  return {
    waypoints,
    distanceKm: roundKm(roadDistanceKm(waypoints)),
    borderCount: supplier.route.filter((key) => 'border' in PLACES[key]).length,
  };
}

/** How close a waypoint must be to a known crossing to count as that crossing. */
const BORDER_MATCH_KM = 1.5;

/** The border crossing a waypoint stands for, if any: the simulator lets trucks wait there. */
export function borderAt(point: LatLon): string | null {
  for (const crossing of BORDER_CROSSINGS) {
    if (greatCircleKm(point, crossing.at) <= BORDER_MATCH_KM) return crossing.name;
  }
  return null;
}
