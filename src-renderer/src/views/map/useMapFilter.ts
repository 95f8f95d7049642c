import { useCallback, useMemo, useState } from 'react';
import { classRank, isMapClass, MAP_CLASSES, type MapClass } from '../../components/map/truckClasses';
import type { LiveTruck } from '../../components/map/useLiveTrucks';

/** Counts per class (of all trucks) and the trucks of the shown classes, most urgent first. */
export function useMapFilter(trucks: readonly LiveTruck[]) {
  const [hidden, setHidden] = useState<ReadonlySet<MapClass>>(() => new Set());

  const toggle = useCallback((value: MapClass) => {
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(value)) next.add(value);
      return next;
    });
  }, []);

  const counts = useMemo(() => {
    const result = Object.fromEntries(MAP_CLASSES.map((value) => [value, 0])) as Record<MapClass, number>;
    for (const truck of trucks) {
      if (isMapClass(truck.punctuality.class)) result[truck.punctuality.class] += 1;
    }
    return result;
  }, [trucks]);

  const shown = useMemo(
    () =>
      trucks
        .filter((truck) => !isMapClass(truck.punctuality.class) || !hidden.has(truck.punctuality.class))
        .sort(
          (a, b) =>
            classRank(a.punctuality.class) - classRank(b.punctuality.class) ||
            (b.punctuality.minutesLate ?? 0) - (a.punctuality.minutesLate ?? 0) ||
            (a.eta ?? a.slotStart) - (b.eta ?? b.slotStart),
        ),
    [trucks, hidden],
  );

  return { hidden, toggle, counts, shown };
}
