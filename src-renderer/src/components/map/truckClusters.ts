import type { Map as LeafletMap } from 'leaflet';
import Supercluster from 'supercluster';
import type { TruckMark } from './TruckCanvasLayer';
import { classRank } from './truckClasses';

/** Below this zoom nearby trucks are drawn as one circle; at it and above, each truck on its own. */
export const CLUSTER_BELOW_ZOOM = 7;
/** Trucks closer than this many pixels join one cluster. */
const CLUSTER_RADIUS_PX = 44;

/** A cluster as drawn: where, how many trucks, and the most urgent class among them. */
export interface ClusterMark {
  clusterId: number;
  lat: number;
  lon: number;
  count: number;
  /** classRank of the most urgent truck inside: a late truck colours its cluster red. */
  worstRank: number;
}

type TruckProps = { index: number; rank: number };
type ClusterProps = { worstRank: number };

/**
 * Groups the trucks with supercluster. The index is built lazily, on the first draw below the
 * clustering zoom after the trucks changed, so that updates at high zoom cost nothing extra. The
 * selected truck is never put in a cluster: it stays visible, with its halo, at every zoom.
 */
export class TruckClusters {
  private index: Supercluster<TruckProps, ClusterProps> | null = null;
  private indexed: readonly TruckMark[] = [];
  private selected: TruckMark | null = null;

  invalidate(): void {
    this.index = null;
  }

  /** The clusters and single trucks inside the map's view (padded), or null at a high zoom. */
  grouped(
    map: LeafletMap,
    trucks: readonly TruckMark[],
    selectedId: string | null,
    padding: number,
  ): { clusters: ClusterMark[]; singles: TruckMark[] } | null {
    const zoom = map.getZoom();
    if (zoom >= CLUSTER_BELOW_ZOOM) return null;
    const index = this.ensureIndex(trucks, selectedId);
    const size = map.getSize();
    const northWest = map.containerPointToLatLng([-size.x * padding, -size.y * padding]);
    const southEast = map.containerPointToLatLng([size.x * (1 + padding), size.y * (1 + padding)]);
    const bbox: [number, number, number, number] = [
      Math.max(-180, northWest.lng),
      Math.max(-85, southEast.lat),
      Math.min(180, southEast.lng),
      Math.min(85, northWest.lat),
    ];
    const clusters: ClusterMark[] = [];
    const singles: TruckMark[] = [];
    for (const feature of index.getClusters(bbox, Math.floor(zoom))) {
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const { properties } = feature;
      if ('cluster' in properties && properties.cluster) {
        clusters.push({
          clusterId: properties.cluster_id,
          lat,
          lon,
          count: properties.point_count,
          worstRank: properties.worstRank,
        });
      } else {
        const mark = this.indexed[(properties as TruckProps).index];
        if (mark) singles.push(mark);
      }
    }
    if (this.selected) singles.push(this.selected);
    return { clusters, singles };
  }

  /** The zoom at which a cluster falls apart. */
  expansionZoom(clusterId: number): number {
    try {
      return this.index?.getClusterExpansionZoom(clusterId) ?? CLUSTER_BELOW_ZOOM;
    } catch {
      return CLUSTER_BELOW_ZOOM;
    }
  }

  private ensureIndex(trucks: readonly TruckMark[], selectedId: string | null) {
    if (this.index) return this.index;
    this.indexed = trucks.filter((mark) => mark.id !== selectedId);
    this.selected = trucks.find((mark) => mark.id === selectedId) ?? null;
    const index = new Supercluster<TruckProps, ClusterProps>({
      radius: CLUSTER_RADIUS_PX,
      maxZoom: CLUSTER_BELOW_ZOOM - 1,
      map: (props) => ({ worstRank: props.rank }),
      reduce: (accumulated, props) => {
        accumulated.worstRank = Math.min(accumulated.worstRank, props.worstRank);
      },
    });
    index.load(
      this.indexed.map((mark, position) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [mark.lon, mark.lat] },
        properties: { index: position, rank: classRank(mark.punctuality) },
      })),
    );
    this.index = index;
    return index;
  }
}
