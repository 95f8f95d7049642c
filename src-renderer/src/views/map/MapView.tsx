import './MapView.css';
import type { Point } from 'leaflet';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { BaseMap } from '../../components/map/BaseMap';
import { initialBounds } from '../../components/map/initialBounds';
import { PlantMarker } from '../../components/map/PlantMarker';
import { TruckLayer } from '../../components/map/TruckLayer';
import { TruckTrack } from '../../components/map/TruckTrack';
import { truckMark, useLiveTrucks } from '../../components/map/useLiveTrucks';
import { usePlantTime } from '../../format/plantTime';
import { FocusTruck } from './FocusTruck';
import { MapLegend } from './MapLegend';
import { TileToggle } from './TileToggle';
import { TruckDetails } from './TruckDetails';
import { TruckHoverCard } from './TruckHoverCard';
import { TruckList } from './TruckList';
import { useDeliveryDetail } from './useDeliveryDetail';
import { useMapFilter } from './useMapFilter';
import { useOnlineTiles } from './useOnlineTiles';

/** Every inbound truck on a live map, with a legend that filters, a list and one truck's details. */
export function MapView() {
  const { t } = useTranslation('map');
  const { site } = usePlantTime();
  const live = useLiveTrucks();
  const { hidden, toggle, counts, shown } = useMapFilter(live.trucks);
  const [onlineTiles, setOnlineTiles] = useOnlineTiles();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const [hover, setHover] = useState<{ id: string; at: Point } | null>(null);
  const [drawnCount, setDrawnCount] = useState(0);

  const plantLat = site?.lat;
  const plantLon = site?.lon;
  // Fixed for the map's life: MapContainer reads its bounds once.
  const bounds = useMemo(
    () =>
      initialBounds(
        plantLat !== undefined && plantLon !== undefined ? { lat: plantLat, lon: plantLon } : null,
      ),
    [plantLat, plantLon],
  );
  const marks = useMemo(() => shown.map(truckMark), [shown]);
  const selected = live.trucks.find((truck) => truck.id === selectedId) ?? null;
  const hovered = hover ? live.trucks.find((truck) => truck.id === hover.id) : undefined;
  const detail = useDeliveryDetail(selected ? selected.id : null);

  const onHover = useCallback((id: string | null, at: Point | null) => {
    setHover(id && at ? { id, at } : null);
  }, []);

  // Escape closes the details wherever the focus is inside the view.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setSelectedId(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="map-view">
      <div className="map-view__map" data-testid="map-view" data-truck-count={drawnCount}>
        <BaseMap bounds={bounds} onlineTiles={onlineTiles}>
          {site ? <PlantMarker site={site} label={site.city} /> : null}
          {selected && detail.data?.delivery.id === selected.id ? (
            <TruckTrack points={detail.data.track} punctuality={selected.punctuality.class} />
          ) : null}
          <TruckLayer
            trucks={marks}
            selectedId={selectedId}
            highlightedId={highlightedId}
            onHover={onHover}
            onSelect={setSelectedId}
            onDrawn={setDrawnCount}
          />
          <FocusTruck truckId={selectedId} position={selected ? [selected.lat, selected.lon] : null} />
        </BaseMap>
        {hover && hovered ? <TruckHoverCard truck={hovered} at={hover.at} /> : null}
        <div className="map-view__toolbar">
          <TileToggle online={onlineTiles} onChange={setOnlineTiles} />
        </div>
        {live.error && !live.data ? (
          <div className="map-view__error">
            <ErrorState error={live.error} onRetry={live.refetch} />
          </div>
        ) : null}
      </div>
      <aside className="map-side" aria-label={t('side.label')}>
        <MapLegend counts={counts} hidden={hidden} onToggle={toggle} />
        {selected ? (
          <TruckDetails truck={selected} detail={detail.data} onClose={() => setSelectedId(null)} />
        ) : null}
        {live.data ? (
          <TruckList
            trucks={shown}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onHighlight={setHighlightedId}
          />
        ) : (
          <LoadingState />
        )}
      </aside>
    </div>
  );
}
