import type { Point } from 'leaflet';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../../src-main/api/contract';
import type { LiveTruck } from '../../components/map/useLiveTrucks';
import { usePlantFormat } from '../../format/plantTime';

/** The quick look under the pointer: who, for whom, which window, when expected. */
export function TruckHoverCard({
  truck,
  at,
  detail,
}: {
  truck: LiveTruck;
  at: Point;
  /** The truck's delivery, once loaded: its load and remaining way. */
  detail?: ProcedureOutput<'deliveries.get'> | undefined;
}) {
  const { t } = useTranslation('map');
  const { formatTime } = usePlantFormat();
  const own = detail?.delivery.id === truck.id ? detail : undefined;
  const route = own?.route ?? null;
  const card = useRef<HTMLDivElement>(null);
  // Near the map's right or bottom edge the card opens to the other side of the pointer.
  useLayoutEffect(() => {
    const element = card.current;
    const parent = element?.offsetParent as HTMLElement | null | undefined;
    if (!element || !parent) return;
    const right = at.x + 14 + element.offsetWidth > parent.clientWidth;
    const below = at.y + 14 + element.offsetHeight > parent.clientHeight;
    element.style.left = `${right ? Math.max(0, at.x - 14 - element.offsetWidth) : at.x + 14}px`;
    element.style.top = `${below ? Math.max(0, at.y - 14 - element.offsetHeight) : at.y + 14}px`;
  });
  return (
    <div ref={card} className="truck-hover" role="tooltip" style={{ left: at.x + 14, top: at.y + 14 }}>
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
        {route ? (
          <>
            <dt>{t('truck.remaining')}</dt>
            <dd>
              {t('details.remainingKm', {
                km: Math.round(Math.max(0, route.distanceKm - route.travelledKm)),
              })}
            </dd>
          </>
        ) : null}
        {own && own.items.length > 0 ? (
          <>
            <dt>{t('truck.load')}</dt>
            <dd>
              {own.items
                .slice(0, 3)
                .map((item) => `${item.quantityAnnounced} × ${item.description}`)
                .join(', ')}
              {own.items.length > 3 ? ' …' : ''}
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
