import { useTranslation } from 'react-i18next';
import { PunctualityBadge, StatusBadge } from '../../components/StatusBadge';
import { usePlantFormat } from '../../format/plantTime';
import type { DockSlot } from './dockTypes';

/** A slot's details next to its bar, on hover or keyboard focus. Fixed-positioned: never clipped. */
export function SlotHoverCard({ slot, anchor }: { slot: DockSlot; anchor: DOMRect }) {
  const { t } = useTranslation('docks');
  const { formatTime, formatDateTime } = usePlantFormat();
  // Below the bar, or above it near the bottom of the window.
  const below = anchor.bottom + 220 < window.innerHeight;
  const left = Math.min(Math.max(8, anchor.left), window.innerWidth - 320);
  const facts: [string, string][] = [
    [t('card.supplier'), slot.supplierName],
    [t('card.notice'), slot.noticeNumber ?? '–'],
    [t('card.slot'), `${formatDateTime(slot.slotStart)}–${formatTime(slot.slotEnd)}`],
    [t('card.eta'), formatTime(slot.eta)],
    [t('card.gateIn'), formatTime(slot.gateInAt)],
    [
      t('card.unloading'),
      slot.unloadingStartedAt ? `${formatTime(slot.unloadingStartedAt)}–${formatTime(slot.unloadedAt)}` : '–',
    ],
    [t('card.gateOut'), formatTime(slot.gateOutAt)],
  ];
  return (
    <div
      className="slot-card"
      role="tooltip"
      data-testid="slot-card"
      style={below ? { left, top: anchor.bottom + 6 } : { left, bottom: window.innerHeight - anchor.top + 6 }}
    >
      <div className="slot-card__head">
        <strong>{slot.truckPlate ?? slot.id}</strong>
        <PunctualityBadge punctuality={slot.punctuality} />
        <StatusBadge status={slot.status} />
      </div>
      <dl className="slot-card__facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
