import { divIcon } from 'leaflet';
import { Circle, Marker, Tooltip } from 'react-leaflet';
import type { PlantSite } from '../../format/plantTime';

// A DOM marker is fine for the one plant; its look lives in map.css (.plant-marker).
const plantIcon = divIcon({
  className: 'plant-marker',
  html: '<span class="plant-marker__shape"></span>',
  iconSize: [22, 22],
  iconAnchor: [11, 11],
});

/** The plant and its geofence: trucks inside the circle count as arrived at the gate. */
export function PlantMarker({ site, label = site.name }: { site: PlantSite; label?: string | null }) {
  const center: [number, number] = [site.lat, site.lon];
  return (
    <>
      <Circle center={center} radius={site.geofenceRadiusM} interactive={false} className="plant-geofence" />
      {/* In the overlay pane, under the trucks' canvas: trucks at the plant stay visible on top of it. */}
      <Marker position={center} icon={plantIcon} keyboard={false} interactive={false} pane="overlayPane">
        {label ? (
          <Tooltip permanent direction="right" offset={[12, 0]} className="plant-label">
            {label}
          </Tooltip>
        ) : null}
      </Marker>
    </>
  );
}
