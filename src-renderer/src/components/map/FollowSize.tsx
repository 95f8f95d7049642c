import type { LatLngBoundsExpression } from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

/**
 * Leaflet measures its element only on window resizes; panels opening beside it or a wall screen
 * switching resolution resize it too. `refitTo` keeps a fixed area in view (the wall's map, which
 * nobody pans).
 */
export function FollowSize({ refitTo }: { refitTo: LatLngBoundsExpression | null }) {
  const map = useMap();
  useEffect(() => {
    const observer = new ResizeObserver(() => {
      map.invalidateSize({ animate: false });
      if (refitTo) map.fitBounds(refitTo, { animate: false, padding: [16, 16] });
    });
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map, refitTo]);
  return null;
}
