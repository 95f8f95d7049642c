import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BaseMap } from '../../components/map/BaseMap';
import { initialBounds } from '../../components/map/initialBounds';
import { PlantMarker } from '../../components/map/PlantMarker';
import { TruckLayer } from '../../components/map/TruckLayer';
import { classCssColor, isMapClass, MAP_CLASSES, type MapClass } from '../../components/map/truckClasses';
import { type LiveTruck, truckMark } from '../../components/map/useLiveTrucks';
import type { PlantSite } from '../../format/plantTime';

/** Larger arrows than on the desk: they must be told apart from across the room. */
const WALL_MARKER_SCALE = 1.8;

/** The live map without controls, and its legend with counts, sized for the wall. */
export function WallMap({ trucks, site }: { trucks: readonly LiveTruck[]; site: PlantSite | null }) {
  const { t } = useTranslation('wall');
  const [drawn, setDrawn] = useState(0);
  const lat = site?.lat;
  const lon = site?.lon;
  const bounds = useMemo(
    () => initialBounds(lat !== undefined && lon !== undefined ? { lat, lon } : null),
    [lat, lon],
  );
  const marks = useMemo(() => trucks.map(truckMark), [trucks]);
  const counts = useMemo(() => {
    const result = Object.fromEntries(MAP_CLASSES.map((value) => [value, 0])) as Record<MapClass, number>;
    for (const truck of trucks) if (isMapClass(truck.punctuality.class)) result[truck.punctuality.class] += 1;
    return result;
  }, [trucks]);

  return (
    <div className="wall-map" data-testid="map-view" data-truck-count={drawn}>
      <BaseMap bounds={bounds} interactive={false} className="base-map--dark">
        {site ? <PlantMarker site={site} label={site.city} /> : null}
        <TruckLayer trucks={marks} scale={WALL_MARKER_SCALE} onDrawn={setDrawn} />
      </BaseMap>
      <ul className="wall-map__legend">
        {MAP_CLASSES.map((value) => (
          <li key={value} data-class={value}>
            <span
              className="wall-map__swatch"
              style={{ background: classCssColor(value) }}
              aria-hidden="true"
            />
            <span className="wall-map__count">{counts[value]}</span>
            <span className="wall-map__label">{t(`class.${value}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
