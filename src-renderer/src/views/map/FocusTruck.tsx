import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';

/**
 * Brings a newly selected truck into view. It reacts to the selection only, not to the truck's
 * moves, so a user who pans away is not pulled back on every position report; and panInside
 * moves the map only when the truck is off screen.
 */
export function FocusTruck({
  truckId,
  position,
}: {
  truckId: string | null;
  position: [number, number] | null;
}) {
  const map = useMap();
  const latest = useRef(position);
  latest.current = position;
  useEffect(() => {
    if (truckId === null || !latest.current) return;
    map.panInside(latest.current, { padding: [80, 80] });
  }, [map, truckId]);
  return null;
}
