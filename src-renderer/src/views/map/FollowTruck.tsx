import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';

const PAN_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
/** Following starts close enough to see the truck on its road, out of any cluster. */
const FOLLOW_MIN_ZOOM = 9;

/**
 * While following, keeps the map centred on the truck as its position reports come in. A pan by
 * the user (dragging, or the arrow keys on the map) means they want to look elsewhere: following
 * stops. Zooming keeps it. Following starts by zooming in, unless the map is already close.
 */
export function FollowTruck({
  position,
  following,
  onStop,
}: {
  position: [number, number] | null;
  following: boolean;
  onStop: () => void;
}) {
  const map = useMap();
  const stop = useRef(onStop);
  stop.current = onStop;
  const lat = position?.[0];
  const lon = position?.[1];

  const started = useRef(false);
  useEffect(() => {
    if (!following) {
      started.current = false;
      return;
    }
    if (lat === undefined || lon === undefined) return;
    if (!started.current) {
      started.current = true;
      map.setView([lat, lon], Math.max(map.getZoom(), FOLLOW_MIN_ZOOM));
      return;
    }
    map.panTo([lat, lon], { animate: true, duration: 0.5 });
  }, [map, following, lat, lon]);

  useEffect(() => {
    if (!following) return;
    const onDrag = () => stop.current();
    const onKey = (event: KeyboardEvent) => {
      if (PAN_KEYS.has(event.key)) stop.current();
    };
    const container = map.getContainer();
    map.on('dragstart', onDrag);
    container.addEventListener('keydown', onKey);
    return () => {
      map.off('dragstart', onDrag);
      container.removeEventListener('keydown', onKey);
    };
  }, [map, following]);

  return null;
}
