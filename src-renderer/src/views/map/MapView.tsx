import './MapView.css';
import type { Point } from 'leaflet';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { BaseMap } from '../../components/map/BaseMap';
import { initialBounds } from '../../components/map/initialBounds';
import { PlantMarker } from '../../components/map/PlantMarker';
import { PmtilesLayer } from '../../components/map/PmtilesLayer';
import type { PmtilesFileProblem } from '../../components/map/pmtilesFile';
import { RemainingRoute } from '../../components/map/RemainingRoute';
import { TruckLayer } from '../../components/map/TruckLayer';
import { TruckTrack } from '../../components/map/TruckTrack';
import { truckMark, useLiveTrucks } from '../../components/map/useLiveTrucks';
import { usePlantTime } from '../../format/plantTime';
import { BaseMapPicker } from './BaseMapPicker';
import { FocusTruck } from './FocusTruck';
import { FollowTruck } from './FollowTruck';
import { MapFilters } from './MapFilters';
import { MapLegend } from './MapLegend';
import { TruckDetails } from './TruckDetails';
import { TruckHoverCard } from './TruckHoverCard';
import { TruckList } from './TruckList';
import { useBaseMapSettings } from './useBaseMapSettings';
import { useDeliveryDetail } from './useDeliveryDetail';
import { useMapFilter } from './useMapFilter';

/** Every inbound truck on a live map, with a legend that filters, a list and one truck's details. */
export function MapView() {
  const { t, i18n } = useTranslation('map');
  const { site } = usePlantTime();
  const live = useLiveTrucks();
  const { hidden, toggle, counts, shown, filter, setFilter, suppliers, carriers, criticalCount } =
    useMapFilter(live.trucks);
  const baseMap = useBaseMapSettings();
  const [pmtilesProblem, setPmtilesProblem] = useState<PmtilesFileProblem | null>(null);
  const pickPmtilesFile = useCallback(
    (file: File | null) => {
      setPmtilesProblem(null);
      baseMap.setPmtilesFile(file);
    },
    [baseMap.setPmtilesFile],
  );
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const [hover, setHover] = useState<{ id: string; at: Point } | null>(null);
  const [drawnCount, setDrawnCount] = useState(0);
  const [clusterCount, setClusterCount] = useState(0);
  const [following, setFollowing] = useState(false);

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
  // The hover card shows the load too; the selected truck's detail serves when it is the one hovered.
  const hoverDetailId = hovered && hovered.id !== selectedId ? hovered.id : null;
  const hoverDetail = useDeliveryDetail(hoverDetailId);
  const selectedPosition = useMemo<[number, number] | null>(
    () => (selected ? [selected.lat, selected.lon] : null),
    [selected?.lat, selected?.lon, selected],
  );

  const select = useCallback((id: string | null) => {
    setSelectedId(id);
    setFollowing(false);
  }, []);
  const stopFollowing = useCallback(() => setFollowing(false), []);

  const onHover = useCallback((id: string | null, at: Point | null) => {
    setHover(id && at ? { id, at } : null);
  }, []);

  // Escape closes the details wherever the focus is inside the view.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select]);

  return (
    <div className="map-view">
      <div
        className="map-view__map"
        data-testid="map-view"
        data-truck-count={drawnCount}
        data-cluster-count={clusterCount}
        data-following={following}
        data-base-map={baseMap.choice}
      >
        <BaseMap bounds={bounds} tiles={baseMap.choice === 'online' ? baseMap.tileSource : null}>
          {baseMap.choice === 'pmtiles' && baseMap.pmtilesFile ? (
            <PmtilesLayer
              file={baseMap.pmtilesFile}
              lang={i18n.language.startsWith('en') ? 'en' : 'de'}
              onProblem={setPmtilesProblem}
            />
          ) : null}
          {site ? <PlantMarker site={site} label={site.city} /> : null}
          {selected && detail.data?.delivery.id === selected.id ? (
            <>
              <RemainingRoute route={detail.data.route} position={selectedPosition} />
              <TruckTrack points={detail.data.track} punctuality={selected.punctuality.class} />
            </>
          ) : null}
          <TruckLayer
            trucks={marks}
            selectedId={selectedId}
            highlightedId={highlightedId}
            onHover={onHover}
            onSelect={select}
            onDrawn={setDrawnCount}
            onClusters={setClusterCount}
            cluster
          />
          <FocusTruck truckId={selectedId} position={selectedPosition} />
          <FollowTruck position={selectedPosition} following={following} onStop={stopFollowing} />
        </BaseMap>
        {hover && hovered ? (
          <TruckHoverCard
            truck={hovered}
            at={hover.at}
            detail={hovered.id === selectedId ? detail.data : hoverDetail.data}
          />
        ) : null}
        <div className="map-view__toolbar">
          <BaseMapPicker
            choice={baseMap.choice}
            onChoice={baseMap.setChoice}
            tileSource={baseMap.tileSource}
            onTileSource={baseMap.setTileSource}
            pmtilesFile={baseMap.pmtilesFile}
            onPmtilesFile={pickPmtilesFile}
            pmtilesProblem={pmtilesProblem}
          />
        </div>
        {live.error && !live.data ? (
          <div className="map-view__error">
            <ErrorState error={live.error} onRetry={live.refetch} />
          </div>
        ) : null}
      </div>
      <aside className="map-side" aria-label={t('side.label')}>
        <MapFilters
          filter={filter}
          onChange={setFilter}
          suppliers={suppliers}
          carriers={carriers}
          criticalCount={criticalCount}
        />
        <MapLegend counts={counts} hidden={hidden} onToggle={toggle} />
        {selected ? (
          <TruckDetails
            truck={selected}
            detail={detail.data}
            onClose={() => select(null)}
            following={following}
            onFollow={setFollowing}
          />
        ) : null}
        {live.data ? (
          <TruckList
            trucks={shown}
            selectedId={selectedId}
            onSelect={select}
            onHighlight={setHighlightedId}
          />
        ) : (
          <LoadingState />
        )}
      </aside>
    </div>
  );
}
