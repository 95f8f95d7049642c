import { Polyline } from 'react-leaflet';
import type { PunctualityClass } from '../../../../src-main/domain/punctuality';

/** The recent positions of one truck, oldest first: where it came from on its way in. */
export function TruckTrack({
  points,
  punctuality,
}: {
  points: readonly { lat: number; lon: number }[];
  punctuality: PunctualityClass;
}) {
  if (points.length < 2) return null;
  return (
    // Keyed by class: Leaflet sets a path's class only when it creates the path.
    <Polyline
      key={punctuality}
      positions={points.map((point) => [point.lat, point.lon] as [number, number])}
      interactive={false}
      className={`truck-track truck-track--${punctuality}`}
    />
  );
}
