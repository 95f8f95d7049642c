import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../../src-main/api/contract';
import { classCssColor } from '../../components/map/truckClasses';
import type { LiveTruck } from '../../components/map/useLiveTrucks';
import { PunctualityBadge, StatusBadge } from '../../components/StatusBadge';
import { usePlantFormat } from '../../format/plantTime';

type DeliveryDetail = ProcedureOutput<'deliveries.get'>;

export interface TruckDetailsProps {
  truck: LiveTruck;
  detail: DeliveryDetail | undefined;
  onClose: () => void;
  /** Whether the map keeps the truck centred as it moves. */
  following: boolean;
  onFollow: (following: boolean) => void;
}

const ITEMS_SHOWN = 6;

/** Everything the control room asks about one truck, with the way to its delivery record. */
export function TruckDetails({ truck, detail, onClose, following, onFollow }: TruckDetailsProps) {
  const { t } = useTranslation('map');
  const own = detail?.delivery.id === truck.id ? detail : undefined;
  const route = own?.route ?? null;
  const remainingKm = route ? Math.max(0, route.distanceKm - route.travelledKm) : null;
  const { formatTime, formatDateTime } = usePlantFormat();
  const confidence = truck.etaConfidenceMinutes ? ` ± ${truck.etaConfidenceMinutes} min` : '';
  const rows: [string, string][] = [
    [t('truck.supplier'), truck.supplierName],
    [t('truck.carrier'), truck.carrierName ?? '–'],
    [t('truck.origin'), truck.originName],
    [t('truck.slot'), `${formatDateTime(truck.slotStart)}–${formatTime(truck.slotEnd)}`],
    [t('truck.door'), own?.delivery.doorName ?? truck.doorId ?? '–'],
    [
      t('truck.eta'),
      truck.eta === null
        ? '–'
        : `${formatTime(truck.eta)}${confidence}${truck.etaSource ? ` (${t(`etaSource.${truck.etaSource}`)})` : ''}`,
    ],
    [
      t('truck.remaining'),
      remainingKm === null ? '–' : t('details.remainingKm', { km: Math.round(remainingKm) }),
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
        {truck.critical ? (
          <span
            className="truck-details__critical"
            data-testid="truck-critical"
            title={t('details.criticalHint')}
          >
            {t('details.critical')}
          </span>
        ) : null}
      </div>
      <button
        type="button"
        className="truck-details__follow"
        data-testid="follow-truck"
        aria-pressed={following}
        onClick={() => onFollow(!following)}
      >
        {t(following ? 'details.following' : 'details.follow')}
      </button>
      <dl className="truck-details__facts">
        {rows.map(([label, value]) => (
          <div key={label} className="truck-details__fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {own && own.items.length > 0 ? (
        <div className="truck-details__items" data-testid="truck-load">
          <h3>{t('details.items', { count: own.items.length })}</h3>
          <ul>
            {own.items.slice(0, ITEMS_SHOWN).map((item) => (
              <li key={item.lineNo}>
                <span className="truck-details__part">{item.partId}</span>{' '}
                <span className="truck-details__description">{item.description}</span>{' '}
                <span className="truck-details__quantity">
                  {item.quantityAnnounced} {item.unit}
                </span>
              </li>
            ))}
          </ul>
          {own.items.length > ITEMS_SHOWN ? (
            <p className="truck-details__more">
              {t('details.moreItems', { count: own.items.length - ITEMS_SHOWN })}
            </p>
          ) : null}
        </div>
      ) : null}
      <p className="truck-details__legend">
        <span
          className="truck-details__line"
          style={{ borderTopColor: classCssColor(truck.punctuality.class) }}
          aria-hidden="true"
        />{' '}
        {t('details.trackLegend')}{' '}
        <span className="truck-details__line truck-details__line--route" aria-hidden="true" />{' '}
        {t('details.routeLegend')}
      </p>
      <a className="truck-details__open" href={`#/deliveries/${encodeURIComponent(truck.id)}`}>
        {t('details.open')}
      </a>
    </section>
  );
}
