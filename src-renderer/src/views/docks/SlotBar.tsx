import { type KeyboardEvent, memo, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { classCssColor } from '../../components/map/truckClasses';
import { usePlantFormat } from '../../format/plantTime';
import { actualStay, type DockSlot, expectedArrival, unloading } from './dockTypes';

/** What a bar reports to the timeline; one stable object, so memoised bars do not re-render. */
export interface SlotBarActions {
  pointerDown(slot: DockSlot, event: PointerEvent<HTMLElement>): void;
  keyDown(slot: DockSlot, event: KeyboardEvent<HTMLElement>): void;
  hover(slot: DockSlot | null, anchor: DOMRect | null): void;
  focus(slot: DockSlot): void;
}

export interface SlotBarProps {
  slot: DockSlot;
  left: number;
  width: number;
  top: number;
  now: number;
  selected: boolean;
  /** The one bar in the tab order (roving tabindex). */
  tabbable: boolean;
  /** In the hand (dragged or moved by keyboard): drawn faded at its old place. */
  lifted: boolean;
  /** Saved to its new place, waiting for the server's answer. */
  saving: boolean;
  actions: SlotBarActions;
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
 * strips on the same time axis, its ETA when it will miss the window, a red flag when it feeds a
 * predicted stoppage and a hatched corner when it is in conflict. Click or Enter opens it in the
 * booking panel; drag (or Space, then the arrow keys) moves it.
 */
export const SlotBar = memo(function SlotBar(props: SlotBarProps) {
  const { slot, left, width, top, now, selected, tabbable, lifted, saving, actions } = props;
  const { t } = useTranslation('docks');
  const { formatTime } = usePlantFormat();
  const stay = actualStay(slot, now);
  const unload = unloading(slot, now);
  const eta = expectedArrival(slot);
  const etaOutside = eta !== null && eta > slot.slotEnd;
  const plate = slot.truckPlate ?? slot.noticeNumber ?? slot.id;
  const flags = [
    slot.feedsStoppage ? t('bar.stoppage', { line: slot.feedsStoppage.lineName }) : null,
    ...slot.conflicts.map((conflict) => t(`conflict.${conflict.kind}`)),
  ].filter((flag): flag is string => flag !== null);
  const label = t('bar.label', {
    plate,
    supplier: slot.supplierName,
    start: formatTime(slot.slotStart),
    end: formatTime(slot.slotEnd),
    state: t(`class.${slot.punctuality.class}`),
  });
  const classes = [
    'slot-bar',
    `slot-bar--${slot.punctuality.class}`,
    slot.conflicts.length > 0 ? 'slot-bar--conflict' : '',
    slot.feedsStoppage ? 'slot-bar--stoppage' : '',
    selected ? 'slot-bar--selected' : '',
    lifted ? 'slot-bar--lifted' : '',
    saving ? 'slot-bar--saving' : '',
    slot.movable ? 'slot-bar--movable' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    // biome-ignore lint/a11y/useSemanticElements: a draggable bar on a canvas, not a form button.
    <div
      role="button"
      className={classes}
      tabIndex={tabbable ? 0 : -1}
      data-testid="slot-bar"
      data-delivery-id={slot.id}
      data-door-id={slot.doorId ?? ''}
      data-slot-start={slot.slotStart}
      data-punctuality={slot.punctuality.class}
      data-status={slot.status}
      data-conflicts={slot.conflicts.map((conflict) => conflict.kind).join(' ')}
      data-stoppage={slot.feedsStoppage ? slot.feedsStoppage.stoppageId : undefined}
      aria-label={flags.length > 0 ? `${label} ${flags.join('. ')}.` : label}
      aria-pressed={selected}
      aria-busy={saving}
      style={{
        left,
        width: Math.max(width, 3),
        top,
        ['--slot-color' as string]: classCssColor(slot.punctuality.class),
      }}
      onPointerDown={(event) => actions.pointerDown(slot, event)}
      onKeyDown={(event) => actions.keyDown(slot, event)}
      onMouseEnter={(event) => actions.hover(slot, event.currentTarget.getBoundingClientRect())}
      onMouseLeave={() => actions.hover(null, null)}
      onFocus={(event) => {
        actions.focus(slot);
        // A click focuses too; the card is for keyboard focus (and the pointer's own hover).
        if (event.currentTarget.matches(':focus-visible'))
          actions.hover(slot, event.currentTarget.getBoundingClientRect());
      }}
      onBlur={() => actions.hover(null, null)}
    >
      <span className="slot-bar__text">
        {slot.feedsStoppage ? (
          <span className="slot-bar__flag" aria-hidden="true">
            !
          </span>
        ) : null}
        <span className="slot-bar__plate">{plate}</span>
        <span className="slot-bar__supplier">{slot.supplierName}</span>
      </span>
      {slot.conflicts.length > 0 ? <span className="slot-bar__conflict" aria-hidden="true" /> : null}
      {stay ? <span className="slot-bar__stay" style={within(slot, stay.start, stay.end)} /> : null}
      {unload ? (
        <span className="slot-bar__unloading" style={within(slot, unload.start, unload.end)} />
      ) : null}
      {etaOutside && eta !== null ? (
        <span className="slot-bar__eta" style={within(slot, slot.slotEnd, eta)}>
          <span className="slot-bar__eta-mark" />
        </span>
      ) : null}
    </div>
  );
});
