import 'leaflet/dist/leaflet.css';
import './map.css';
import type { LatLngBoundsExpression } from 'leaflet';
import type { ReactNode } from 'react';
import { MapContainer, TileLayer } from 'react-leaflet';
import { FollowSize } from './FollowSize';
import { OfflineBaseLayer } from './OfflineBaseLayer';

export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

export interface BaseMapProps {
  bounds: LatLngBoundsExpression;
  /** False for the wall screen: no controls, no panning, nothing to touch. */
  interactive?: boolean;
  /** OpenStreetMap tiles over the offline map; needs internet, so off unless asked for. */
  onlineTiles?: boolean;
  className?: string;
  children?: ReactNode;
}

/** A Leaflet map over the offline base, optionally with OpenStreetMap tiles on top of it. */
export function BaseMap({
  bounds,
  interactive = true,
  onlineTiles = false,
  className,
  children,
}: BaseMapProps) {
  return (
    <MapContainer
      className={`base-map${className ? ` ${className}` : ''}`}
      bounds={bounds}
      boundsOptions={{ padding: [16, 16] }}
      zoomSnap={0.25}
      minZoom={3}
      maxZoom={16}
      zoomControl={interactive}
      attributionControl={interactive}
      dragging={interactive}
      scrollWheelZoom={interactive}
      doubleClickZoom={interactive}
      boxZoom={interactive}
      touchZoom={interactive}
      keyboard={interactive}
    >
      <FollowSize refitTo={interactive ? null : bounds} />
      <OfflineBaseLayer />
      {onlineTiles ? <TileLayer url={OSM_TILE_URL} attribution={OSM_ATTRIBUTION} maxZoom={19} /> : null}
      {children}
    </MapContainer>
  );
}
