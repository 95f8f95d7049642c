import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Land and country borders of the whole world, as GeoJSON for Leaflet. */
export interface WorldBase {
  land: Feature | FeatureCollection;
  borders: MultiLineString;
}

type WorldTopology = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

let loading: Promise<WorldBase> | null = null;

/**
 * The offline base map: Natural Earth 1:50m from the world-atlas package, bundled with the app so
 * the map works without internet (plants often block it). Loaded once, lazily, as its own chunk,
 * so views without a map do not pay for its ~750 kB.
 */
export function loadWorldBase(): Promise<WorldBase> {
  loading ??= import('world-atlas/countries-50m.json').then((module) => {
    const topology = module.default as unknown as WorldTopology;
    return {
      land: feature(topology, topology.objects.land),
      // Only arcs shared by two countries: coastlines are drawn by the land fill already.
      borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
    };
  });
  return loading;
}
