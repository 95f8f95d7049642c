import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../../src-main/api/contract';
import type { LiveTruck } from '../../components/map/useLiveTrucks';
import { PunctualityBadge, StatusBadge } from '../../components/StatusBadge';
import { usePlantFormat } from '../../format/plantTime';

type DeliveryDetail = ProcedureOutput<'deliveries.get'>;

export interface TruckDetailsProps {
  truck: LiveTruck;
  detail: DeliveryDetail | undefined;
  onClose: () => void;
}

/** Everything the control room asks about one truck, with the way to its delivery record. */
export function TruckDetails({ truck, detail, onClose }: TruckDetailsProps) {
  const { t } = useTranslation('map');
  const { formatTime, formatDateTime } = usePlantFormat();
  const confidence = truck.etaConfidenceMinutes ? ` ± ${truck.etaConfidenceMinutes} min` : '';
  const rows: [string, string][] = [
    [t('truck.supplier'), truck.supplierName],
    [t('truck.carrier'), truck.carrierName ?? '–'],
    [t('truck.origin'), truck.originName],
    [t('truck.slot'), `${formatDateTime(truck.slotStart)}–${formatTime(truck.slotEnd)}`],
    [
      t('truck.door'),
      (detail?.delivery.id === truck.id ? detail.delivery.doorName : null) ?? truck.doorId ?? '–',
    ],
    [
      t('truck.eta'),
      truck.eta === null
        ? '–'
        : `${formatTime(truck.eta)}${confidence}${truck.etaSource ? ` (${t(`etaSource.${truck.etaSource}`)})` : ''}`,
    ],
    [t('truck.speed'), truck.lastSpeedKmh === null ? '–' : `${Math.round(truck.lastSpeedKmh)} km/h`],
    [t('truck.lastPosition'), formatTime(truck.lastPositionAt)],
  ];
  return (
    <section className="truck-details" data-testid="truck-details" aria-labelledby="truck-details-title">
      <header className="truck-details__header">
        <h2 id="truck-details-title" className="truck-details__plate">
          {truck.truckPlate ?? truck.id}
        </h2>
        <button
          type="button"
          className="truck-details__close"
          onClick={onClose}
          aria-label={t('details.close')}
        >
          ×
        </button>
      </header>
      <div className="truck-details__badges">
        <PunctualityBadge punctuality={truck.punctuality} />
        <StatusBadge status={truck.status} />
      </div>
      <dl className="truck-details__facts">
        {rows.map(([label, value]) => (
          <div key={label} className="truck-details__fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {detail && detail.items.length > 0 ? (
        <div className="truck-details__items">
          <h3>{t('details.items', { count: detail.items.length })}</h3>
          <ul>
            {detail.items.slice(0, 5).map((item) => (
              <li key={item.lineNo}>
                <span className="truck-details__part">{item.partId}</span> {item.description} ·{' '}
                {item.quantityAnnounced} {item.unit}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <a className="truck-details__open" href={`#/deliveries/${encodeURIComponent(truck.id)}`}>
        {t('details.open')}
      </a>
    </section>
  );
}
