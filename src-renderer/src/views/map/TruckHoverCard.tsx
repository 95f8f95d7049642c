import type { Point } from 'leaflet';
import { useTranslation } from 'react-i18next';
import type { LiveTruck } from '../../components/map/useLiveTrucks';
import { usePlantFormat } from '../../format/plantTime';

/** The quick look under the pointer: who, for whom, which window, when expected. */
export function TruckHoverCard({ truck, at }: { truck: LiveTruck; at: Point }) {
  const { t } = useTranslation('map');
  const { formatTime } = usePlantFormat();
  return (
    <div className="truck-hover" role="tooltip" style={{ left: at.x + 14, top: at.y + 14 }}>
      <strong className="truck-hover__plate">{truck.truckPlate ?? truck.id}</strong>
      <span className="truck-hover__class" data-class={truck.punctuality.class}>
        {t(`class.${truck.punctuality.class}`)}
      </span>
      <dl>
        <dt>{t('truck.supplier')}</dt>
        <dd>{truck.supplierName}</dd>
        <dt>{t('truck.carrier')}</dt>
        <dd>{truck.carrierName ?? '–'}</dd>
        <dt>{t('truck.slot')}</dt>
        <dd>
          {formatTime(truck.slotStart)}–{formatTime(truck.slotEnd)}
        </dd>
        <dt>{t('truck.eta')}</dt>
        <dd>{formatTime(truck.eta)}</dd>
      </dl>
    </div>
  );
}
