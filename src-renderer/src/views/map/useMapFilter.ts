import { useCallback, useMemo, useState } from 'react';
import { classRank, isMapClass, MAP_CLASSES, type MapClass } from '../../components/map/truckClasses';
import type { LiveTruck } from '../../components/map/useLiveTrucks';

/** A partner to pick in a filter: one of the trucks' suppliers or carriers. */
export interface PartnerOption {
  id: string;
  name: string;
}

export interface TruckFilter {
  supplierId: string | null;
  carrierId: string | null;
  /** Only the trucks that carry parts of a predicted stoppage. */
  criticalOnly: boolean;
}

const NO_FILTER: TruckFilter = { supplierId: null, carrierId: null, criticalOnly: false };

/** The partners of the trucks present, by name; a chosen one stays listed while its trucks are gone. */
function partnerOptions(
  trucks: readonly LiveTruck[],
  pick: (truck: LiveTruck) => PartnerOption | null,
  chosen: string | null,
): PartnerOption[] {
  const byId = new Map<string, PartnerOption>();
  for (const truck of trucks) {
    const partner = pick(truck);
    if (partner) byId.set(partner.id, partner);
  }
  if (chosen !== null && !byId.has(chosen)) byId.set(chosen, { id: chosen, name: chosen });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The map's filters: supplier, carrier and "critical only" narrow the trucks; the status classes
 * (the legend) then hide classes. Counts per class are of the trucks the other filters let through,
 * so that the legend says what a click on it would show.
 */
export function useMapFilter(trucks: readonly LiveTruck[]) {
  const [hidden, setHidden] = useState<ReadonlySet<MapClass>>(() => new Set());
  const [filter, setFilter] = useState<TruckFilter>(NO_FILTER);

  const toggle = useCallback((value: MapClass) => {
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(value)) next.add(value);
      return next;
    });
  }, []);

  const suppliers = useMemo(
    () =>
      partnerOptions(
        trucks,
        (truck) => ({ id: truck.supplierId, name: truck.supplierName }),
        filter.supplierId,
      ),
    [trucks, filter.supplierId],
  );
  const carriers = useMemo(
    () =>
      partnerOptions(
        trucks,
        (truck) =>
          truck.carrierId === null
            ? null
            : { id: truck.carrierId, name: truck.carrierName ?? truck.carrierId },
        filter.carrierId,
      ),
    [trucks, filter.carrierId],
  );

  const matching = useMemo(
    () =>
      trucks.filter(
        (truck) =>
          (filter.supplierId === null || truck.supplierId === filter.supplierId) &&
          (filter.carrierId === null || truck.carrierId === filter.carrierId) &&
          (!filter.criticalOnly || truck.critical),
      ),
    [trucks, filter],
  );

  const counts = useMemo(() => {
    const result = Object.fromEntries(MAP_CLASSES.map((value) => [value, 0])) as Record<MapClass, number>;
    for (const truck of matching) {
      if (isMapClass(truck.punctuality.class)) result[truck.punctuality.class] += 1;
    }
    return result;
  }, [matching]);

  const shown = useMemo(
    () =>
      matching
        .filter((truck) => !isMapClass(truck.punctuality.class) || !hidden.has(truck.punctuality.class))
        .sort(
          (a, b) =>
            classRank(a.punctuality.class) - classRank(b.punctuality.class) ||
            (b.punctuality.minutesLate ?? 0) - (a.punctuality.minutesLate ?? 0) ||
            (a.eta ?? a.slotStart) - (b.eta ?? b.slotStart),
        ),
    [matching, hidden],
  );

  const criticalCount = useMemo(() => trucks.filter((truck) => truck.critical).length, [trucks]);

  return { hidden, toggle, counts, shown, filter, setFilter, suppliers, carriers, criticalCount };
}
