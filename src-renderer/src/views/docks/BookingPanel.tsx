import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { PunctualityBadge, StatusBadge } from '../../components/StatusBadge';
import { formatMinutes } from '../../format/duration';
import { usePlantFormat } from '../../format/plantTime';
import { hrefOf } from '../../router/routes';
import { conflictText } from './conflictText';
import type { DockSlot, DockTimeline } from './dockTypes';
import { GateActionBar } from './gate/GateActionBar';
import { LateTrucks } from './LateTrucks';
import { PanelCloseButton } from './PanelCloseButton';
import { SlotSuggestions } from './SlotSuggestions';
import { UnplacedDelivery, WithoutDoor } from './WithoutDoor';

/**
 * Beside the timeline: the selected delivery (its slot, what it feeds, its conflicts, the gate
 * workflow and the best slots to book it to) above the trucks that will miss their window.
 */
export const BookingPanel = memo(function BookingPanel({
  timeline,
  selectedId,
  selected,
  onSelect,
  onClose,
  onRefused,
  onDone,
}: {
  timeline: DockTimeline;
  /** From the address; may name a delivery that is not on the timeline (no door, other days). */
  selectedId: string | null;
  selected: DockSlot | null;
  onSelect: (deliveryId: string | null) => void;
  onClose: () => void;
  onRefused: (message: string) => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('docks');
  return (
    <aside className="booking-panel" data-testid="booking-panel" aria-label={t('panel.label')}>
      {selectedId && !selected ? (
        <UnplacedDelivery deliveryId={selectedId} onClose={onClose} onRefused={onRefused} onDone={onDone} />
      ) : null}
      {selected ? (
        <SelectedDelivery
          slot={selected}
          timeline={timeline}
          onClose={onClose}
          onRefused={onRefused}
          onDone={onDone}
        />
      ) : selectedId ? null : (
        <p className="booking-panel__intro">{t('panel.intro')}</p>
      )}
      <WithoutDoor onSelect={onSelect} />
      <LateTrucks doors={timeline.doors} onSelect={onSelect} onDone={onDone} onRefused={onRefused} />
    </aside>
  );
});

function SelectedDelivery({
  slot,
  timeline,
  onClose,
  onRefused,
  onDone,
}: {
  slot: DockSlot;
  timeline: DockTimeline;
  onClose: () => void;
  onRefused: (message: string) => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('docks');
  const format = usePlantFormat();
  const door = timeline.doors.find((candidate) => candidate.id === slot.doorId);
  return (
    <section className="booking-selected" data-testid="booking-selected" data-delivery-id={slot.id}>
      <header className="booking-selected__head">
        <div>
          <p className="booking-selected__eyebrow">{slot.supplierName}</p>
          <h2 className="booking-selected__title mono">{slot.truckPlate ?? slot.noticeNumber ?? slot.id}</h2>
          <p className="booking-selected__sub">
            <a href={hrefOf('deliveries', slot.id)}>{slot.noticeNumber ?? slot.id}</a>
          </p>
        </div>
        <PanelCloseButton onClose={onClose} />
      </header>
      <div className="booking-selected__badges">
        <StatusBadge status={slot.status} />
        <PunctualityBadge punctuality={slot.punctuality} />
        <span className="booking-selected__handling">{t(`handling.${slot.dockHandling}`)}</span>
      </div>
      <dl className="booking-facts">
        <div>
          <dt>{t('card.slot')}</dt>
          <dd>
            {door?.name ?? '–'} · {format.formatDateTime(slot.slotStart)}–{format.formatTime(slot.slotEnd)}
          </dd>
        </div>
        <div>
          <dt>{t('card.eta')}</dt>
          <dd>{format.formatDateTime(slot.eta)}</dd>
        </div>
        {slot.requiredCapabilities.length > 0 ? (
          <div>
            <dt>{t('card.needs')}</dt>
            <dd>{slot.requiredCapabilities.map((c) => t(`capability.${c}`, c)).join(', ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('card.dwell')}</dt>
          <dd>{formatMinutes(slot.dwellMinutes)}</dd>
        </div>
      </dl>
      {slot.feedsStoppage ? (
        <p className="booking-stoppage" data-testid="booking-stoppage">
          {t('card.stoppage', {
            line: slot.feedsStoppage.lineName,
            part: slot.feedsStoppage.partId,
            start: format.formatDateTime(slot.feedsStoppage.start),
            duration: formatMinutes(slot.feedsStoppage.durationMinutes),
          })}
        </p>
      ) : null}
      {slot.conflicts.length > 0 ? (
        <ul className="booking-conflicts">
          {slot.conflicts.map((conflict) => (
            <li key={`${conflict.kind}-${conflict.withDeliveryId ?? conflict.capability ?? ''}`}>
              {conflictText(t, conflict)}
            </li>
          ))}
        </ul>
      ) : null}
      <GateActionBar deliveryId={slot.id} onDone={onDone} />
      <SlotSuggestions slot={slot} onBooked={onDone} onRefused={onRefused} />
    </section>
  );
}
