import { useEffect, useState } from 'react';
import { GeoJSON, Pane } from 'react-leaflet';
import { loadWorldBase, type WorldBase } from './worldBase';

// Leaflet puts a class on an SVG path only when it creates it, so it goes in through `style`,
// which the GeoJSON layer hands to each path it creates.
const LAND_STYLE = { className: 'map-land' };
const BORDER_STYLE = { className: 'map-border' };

/**
 * Land and borders drawn from bundled data, in a pane below the tile pane (200): with online tiles
 * switched on, the tiles cover it where they load and it still shows wherever they do not.
 * SVG paths with classes, so the theme's CSS colours them (see map.css).
 */
export function OfflineBaseLayer() {
  const [world, setWorld] = useState<WorldBase | null>(null);

  useEffect(() => {
    let current = true;
    void loadWorldBase().then((loaded) => {
      if (current) setWorld(loaded);
    });
    return () => {
      current = false;
    };
  }, []);

  return (
    <Pane name="offline-base" style={{ zIndex: 150 }}>
      {world ? (
        <>
          <GeoJSON data={world.land} interactive={false} style={LAND_STYLE} attribution="Natural Earth" />
          <GeoJSON data={world.borders} interactive={false} style={BORDER_STYLE} />
        </>
      ) : null}
    </Pane>
  );
}
