import { useTranslation } from 'react-i18next';
import { PunctualityBadge, StatusBadge } from '../../components/StatusBadge';
import { usePlantFormat, usePlantTime } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';
import { GateActionBar } from './gate/GateActionBar';
import { PanelCloseButton } from './PanelCloseButton';
import { SlotSuggestions } from './SlotSuggestions';

const HOUR = 3_600_000;
const OPEN = ['announced', 'in_transit', 'at_gate'] as const;

/**
 * Deliveries of the next two days that have no door yet: they are not on the timeline, so they
 * are listed here, each one press away from its best slot.
 */
export function WithoutDoor({ onSelect }: { onSelect: (deliveryId: string) => void }) {
  const { t } = useTranslation('docks');
  const format = usePlantFormat();
  const { now } = usePlantTime();
  const hour = Math.floor(now / HOUR) * HOUR;
  const list = useProcedure(
    'deliveries.list',
    { statuses: [...OPEN], from: hour - 12 * HOUR, to: hour + 48 * HOUR, limit: 500 },
    { refreshOn: ['deliveries.changed', 'plant.reset'], minIntervalMs: 3000 },
  );
  const rows = (list.data?.rows ?? []).filter((row) => row.doorId === null);
  if (rows.length === 0) return null;
  return (
    <section className="booking-section" data-testid="without-door" aria-labelledby="without-door-title">
      <h3 className="booking-section__title" id="without-door-title">
        {t('withoutDoor.title')}
        <span className="booking-section__count">{rows.length}</span>
      </h3>
      <ul className="late-trucks">
        {rows.map((row) => (
          <li
            key={row.id}
            className="late-truck"
            data-testid="without-door-delivery"
            data-delivery-id={row.id}
          >
            <button type="button" className="late-truck__who" onClick={() => onSelect(row.id)}>
              <strong className="mono">{row.noticeNumber ?? row.id}</strong>
              <span>{row.supplierName}</span>
              <span className="late-truck__when">
                {t('withoutDoor.when', {
                  start: format.formatDateTime(row.slotStart),
                  eta: format.formatTime(row.eta),
                })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A selected delivery that is not on the timeline: its gate steps and the slots to book it to. */
export function UnplacedDelivery({
  deliveryId,
  onClose,
  onRefused,
  onDone,
}: {
  deliveryId: string;
  onClose: () => void;
  onRefused: (message: string) => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('docks');
  const format = usePlantFormat();
  const detail = useProcedure('deliveries.get', { id: deliveryId }, { refreshOn: ['deliveries.changed'] });
  const delivery = detail.data?.delivery;
  if (detail.error && !delivery)
    return (
      <p className="booking-section__empty" role="alert">
        {detail.error.message}
      </p>
    );
  if (!delivery) return null;
  const movable =
    delivery.status === 'announced' || delivery.status === 'in_transit' || delivery.status === 'at_gate';
  return (
    <section className="booking-selected" data-testid="booking-selected" data-delivery-id={deliveryId}>
      <header className="booking-selected__head">
        <div>
          <p className="booking-selected__eyebrow">{delivery.supplierName}</p>
          <h2 className="booking-selected__title mono">
            {delivery.truckPlate ?? delivery.noticeNumber ?? deliveryId}
          </h2>
          <p className="booking-selected__sub">
            {delivery.doorName
              ? t('unplaced.otherDay', {
                  door: delivery.doorName,
                  start: format.formatDateTime(delivery.slotStart),
                })
              : t('unplaced.noDoor', { start: format.formatDateTime(delivery.slotStart) })}
          </p>
        </div>
        <PanelCloseButton onClose={onClose} />
      </header>
      <div className="booking-selected__badges">
        <StatusBadge status={delivery.status} />
        <PunctualityBadge punctuality={delivery.punctuality} />
      </div>
      <GateActionBar deliveryId={deliveryId} onDone={onDone} />
      <SlotSuggestions
        slot={{
          id: deliveryId,
          doorId: delivery.doorId,
          slotStart: delivery.slotStart,
          truckPlate: delivery.truckPlate,
          noticeNumber: delivery.noticeNumber,
          movable,
        }}
        onBooked={onDone}
        onRefused={onRefused}
      />
    </section>
  );
}
