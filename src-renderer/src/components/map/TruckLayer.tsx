import type { Point } from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import { TruckCanvasLayer, type TruckMark } from './TruckCanvasLayer';

export interface TruckLayerProps {
  trucks: readonly TruckMark[];
  selectedId?: string | null;
  /** A truck to emphasise without selecting it, e.g. the one under the pointer in the list. */
  highlightedId?: string | null;
  onHover?: (id: string | null, at: Point | null) => void;
  onSelect?: (id: string) => void;
  /** Called after each draw with the number of trucks drawn (the view exposes it to tests). */
  onDrawn?: (count: number) => void;
  /** Called after each draw with the number of cluster circles drawn. */
  onClusters?: (count: number) => void;
  scale?: number;
  /** Group nearby trucks into counted circles at low zoom (see truckClusters). */
  cluster?: boolean;
}

/** React face of TruckCanvasLayer: the layer lives as long as the map, data flows in by props. */
export function TruckLayer({
  trucks,
  selectedId = null,
  highlightedId = null,
  onHover,
  onSelect,
  onDrawn,
  onClusters,
  scale = 1,
  cluster = false,
}: TruckLayerProps) {
  const map = useMap();
  // Callbacks change identity every render; the layer keeps calling the latest ones.
  const callbacks = useRef({ onHover, onSelect, onClusters });
  callbacks.current = { onHover, onSelect, onClusters };
  const [layer, setLayer] = useState<TruckCanvasLayer | null>(null);

  useEffect(() => {
    const created = new TruckCanvasLayer(
      {
        onHover: (id, at) => callbacks.current.onHover?.(id, at),
        onSelect: (id) => callbacks.current.onSelect?.(id),
        onClusters: (count) => callbacks.current.onClusters?.(count),
      },
      scale,
      cluster,
    );
    created.addTo(map);
    setLayer(created);
    return () => {
      created.remove();
    };
  }, [map, scale, cluster]);

  useEffect(() => {
    if (!layer) return;
    const drawn = layer.setTrucks(trucks, selectedId, highlightedId);
    onDrawn?.(drawn);
  }, [layer, trucks, selectedId, highlightedId, onDrawn]);

  return null;
}
