import { useMemo } from 'react';
import { Polyline } from 'react-leaflet';
import { type LatLonPair, remainingRoute } from './remainingRoute';

/** The selected truck's way still ahead to the plant, dashed beside its solid recent track. */
export function RemainingRoute({
  route,
  position,
}: {
  route: { waypoints: LatLonPair[]; distanceKm: number; travelledKm: number } | null;
  position: LatLonPair | null;
}) {
  const lat = position?.[0];
  const lon = position?.[1];
  const points = useMemo(
    () => (route ? remainingRoute(route, lat !== undefined && lon !== undefined ? [lat, lon] : null) : []),
    [route, lat, lon],
  );
  if (points.length < 2) return null;
  return <Polyline positions={points} interactive={false} className="truck-route" />;
}
