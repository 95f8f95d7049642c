import { useMemo } from 'react';
import type { ProcedureOutput } from '../../../../src-main/api/contract';
import { useProcedure } from '../../hooks/useProcedure';
import type { TruckMark } from './TruckCanvasLayer';

export type LiveTruck = ProcedureOutput<'trucks.live'>['trucks'][number];

/**
 * The trucks on the road or at the plant, kept current. Positions arrive every few seconds for
 * hundreds of trucks; refetching at most once a second keeps the map live without flooding it.
 */
export function useLiveTrucks() {
  const state = useProcedure(
    'trucks.live',
    {},
    { refreshOn: ['positions.moved', 'deliveries.changed', 'plant.reset'], minIntervalMs: 1000 },
  );
  const trucks = useMemo(() => state.data?.trucks ?? [], [state.data]);
  return { ...state, trucks };
}

export function truckMark(truck: LiveTruck): TruckMark {
  return {
    id: truck.id,
    lat: truck.lat,
    lon: truck.lon,
    heading: truck.lastHeading,
    punctuality: truck.punctuality.class,
  };
}
