import { type LatLngBounds, latLngBounds } from 'leaflet';

// The countries the plant's trucks come from (DE, CZ, PL, AT, IT, HU, FR), roughly.
const CENTRAL_EUROPE: [[number, number], [number, number]] = [
  [45.0, 4.5],
  [53.8, 21.5],
];

/** The first view of a map: Central Europe, widened if the plant lies outside it. */
export function initialBounds(plant: { lat: number; lon: number } | null): LatLngBounds {
  const bounds = latLngBounds(CENTRAL_EUROPE);
  if (plant) bounds.extend([plant.lat, plant.lon]);
  return bounds;
}
