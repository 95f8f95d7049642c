import { useTranslation } from 'react-i18next';
import { PunctualityBadge, StatusBadge } from '../../components/StatusBadge';
import { formatMinutes } from '../../format/duration';
import { usePlantFormat } from '../../format/plantTime';
import { conflictText } from './conflictText';
import type { DockSlot } from './dockTypes';

/** A slot's details next to its bar, on hover or keyboard focus. Fixed-positioned: never clipped. */
export function SlotHoverCard({ slot, anchor }: { slot: DockSlot; anchor: DOMRect }) {
  const { t } = useTranslation('docks');
  const format = usePlantFormat();
  const { formatTime, formatDateTime } = format;
  const tall = 240 + (slot.feedsStoppage ? 60 : 0) + slot.conflicts.length * 40;
  // Below the bar, or above it near the bottom of the window.
  const below = anchor.bottom + tall < window.innerHeight;
  const left = Math.min(Math.max(8, anchor.left), window.innerWidth - 340);
  const facts: [string, string][] = [
    [t('card.supplier'), slot.supplierName],
    [t('card.notice'), slot.noticeNumber ?? '–'],
    [t('card.slot'), `${formatDateTime(slot.slotStart)}–${formatTime(slot.slotEnd)}`],
    [
      t('card.eta'),
      slot.etaConfidenceMinutes !== null && slot.eta !== null
        ? `${formatTime(slot.eta)} ± ${formatMinutes(slot.etaConfidenceMinutes)}`
        : formatTime(slot.eta),
    ],
    [t('card.gateIn'), formatTime(slot.gateInAt)],
    [
      t('card.unloading'),
      slot.unloadingStartedAt ? `${formatTime(slot.unloadingStartedAt)}–${formatTime(slot.unloadedAt)}` : '–',
    ],
    [t('card.gateOut'), formatTime(slot.gateOutAt)],
    [t('card.dwell'), formatMinutes(slot.dwellMinutes)],
  ];
  return (
    <div
      className="slot-card"
      role="tooltip"
      data-testid="slot-card"
      style={below ? { left, top: anchor.bottom + 6 } : { left, bottom: window.innerHeight - anchor.top + 6 }}
    >
      <div className="slot-card__head">
        <strong>{slot.truckPlate ?? slot.noticeNumber ?? slot.id}</strong>
        <PunctualityBadge punctuality={slot.punctuality} />
        <StatusBadge status={slot.status} />
      </div>
      {slot.feedsStoppage ? (
        <p className="slot-card__stoppage" data-testid="slot-card-stoppage">
          {t('card.stoppage', {
            line: slot.feedsStoppage.lineName,
            part: slot.feedsStoppage.partId,
            start: formatDateTime(slot.feedsStoppage.start),
            duration: formatMinutes(slot.feedsStoppage.durationMinutes),
          })}
        </p>
      ) : null}
      {slot.conflicts.length > 0 ? (
        <ul className="slot-card__conflicts" data-testid="slot-card-conflicts">
          {slot.conflicts.map((conflict) => (
            <li key={`${conflict.kind}-${conflict.withDeliveryId ?? conflict.capability ?? ''}`}>
              {conflictText(t, conflict)}
            </li>
          ))}
        </ul>
      ) : null}
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
