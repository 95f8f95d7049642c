import 'leaflet/dist/leaflet.css';
import './map.css';
import type { LatLngBoundsExpression } from 'leaflet';
import type { ReactNode } from 'react';
import { MapContainer, TileLayer } from 'react-leaflet';
import { FollowSize } from './FollowSize';
import { OfflineBaseLayer } from './OfflineBaseLayer';
import { attributionHtml, type TileSource } from './tileSource';

export interface BaseMapProps {
  bounds: LatLngBoundsExpression;
  /** False for the wall screen: no controls, no panning, nothing to touch. */
  interactive?: boolean;
  /** Online tiles over the offline map (OpenStreetMap by default); need internet, so none unless asked for. */
  tiles?: TileSource | null;
  className?: string;
  children?: ReactNode;
}

/**
 * A Leaflet map over the offline base, optionally with online tiles on top of it; a local PMTiles
 * layer (PmtilesLayer) comes in as a child.
 */
export function BaseMap({ bounds, interactive = true, tiles = null, className, children }: BaseMapProps) {
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
      {tiles ? (
        // Keyed: react-leaflet updates a tile layer's URL in place but not its attribution.
        <TileLayer
          key={`${tiles.url}\n${tiles.attribution}`}
          url={tiles.url}
          attribution={attributionHtml(tiles)}
          maxZoom={19}
        />
      ) : null}
      {children}
    </MapContainer>
  );
}
