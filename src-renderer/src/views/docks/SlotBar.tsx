import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { classCssColor } from '../../components/map/truckClasses';
import { usePlantFormat } from '../../format/plantTime';
import { hrefOf } from '../../router/routes';
import { actualStay, type DockSlot, expectedArrival, unloading } from './dockTypes';
import type { TimeScale } from './timeScale';

export interface SlotBarProps {
  slot: DockSlot;
  lane: number;
  scale: TimeScale;
  now: number;
  onHover: (slot: DockSlot | null, anchor: DOMRect | null) => void;
}

/** Percent of the bar's own width, so overlays sit on the same time axis as the bar. */
function within(slot: DockSlot, start: number, end: number) {
  const span = Math.max(1, slot.slotEnd - slot.slotStart);
  return {
    left: `${((start - slot.slotStart) / span) * 100}%`,
    width: `${(Math.max(0, end - start) / span) * 100}%`,
  };
}

/**
 * One delivery's slot: the booked window as the bar, the truck's actual stay and its unloading as
 * strips on the same time axis, and its ETA when it will miss the window. A link: Enter or a click
 * opens the delivery.
 */
export const SlotBar = memo(function SlotBar({ slot, lane, scale, now, onHover }: SlotBarProps) {
  const { t } = useTranslation('docks');
  const { formatTime } = usePlantFormat();
  const stay = actualStay(slot, now);
  const unload = unloading(slot, now);
  const eta = expectedArrival(slot);
  const etaOutside = eta !== null && eta > slot.slotEnd;
  const plate = slot.truckPlate ?? slot.noticeNumber ?? slot.id;
  const label = t('bar.label', {
    plate,
    supplier: slot.supplierName,
    start: formatTime(slot.slotStart),
    end: formatTime(slot.slotEnd),
    state: t(`class.${slot.punctuality.class}`),
  });
  return (
    <a
      className={`slot-bar slot-bar--${slot.punctuality.class}`}
      href={hrefOf('deliveries', slot.id)}
      data-testid="slot-bar"
      data-delivery-id={slot.id}
      data-punctuality={slot.punctuality.class}
      data-status={slot.status}
      aria-label={label}
      style={{
        left: `${scale.x(slot.slotStart)}%`,
        width: `${scale.width(slot.slotStart, slot.slotEnd)}%`,
        top: `calc(${lane} * var(--dock-lane-height))`,
        ['--slot-color' as string]: classCssColor(slot.punctuality.class),
      }}
      onMouseEnter={(event) => onHover(slot, event.currentTarget.getBoundingClientRect())}
      onMouseLeave={() => onHover(null, null)}
      onFocus={(event) => onHover(slot, event.currentTarget.getBoundingClientRect())}
      onBlur={() => onHover(null, null)}
    >
      <span className="slot-bar__text">
        <span className="slot-bar__plate">{plate}</span>
        <span className="slot-bar__supplier">{slot.supplierName}</span>
      </span>
      {stay ? <span className="slot-bar__stay" style={within(slot, stay.start, stay.end)} /> : null}
      {unload ? (
        <span className="slot-bar__unloading" style={within(slot, unload.start, unload.end)} />
      ) : null}
      {etaOutside && eta !== null ? (
        <span className="slot-bar__eta" style={within(slot, slot.slotEnd, eta)}>
          <span className="slot-bar__eta-mark" />
        </span>
      ) : null}
    </a>
  );
});
