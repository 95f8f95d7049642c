import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DockDoor, DockSlot } from './dockTypes';
import { assignLanes } from './lanes';
import { SlotBar } from './SlotBar';
import type { TimeScale } from './timeScale';

export interface DockRowProps {
  door: DockDoor;
  slots: readonly DockSlot[];
  scale: TimeScale;
  now: number;
  onHover: (slot: DockSlot | null, anchor: DOMRect | null) => void;
}

/** One door: its name and capabilities, then its slots across the time range. */
export const DockRow = memo(function DockRow({ door, slots, scale, now, onHover }: DockRowProps) {
  const { t } = useTranslation('docks');
  const { lanes, placed } = useMemo(() => assignLanes(slots), [slots]);
  const busy = slots.some((slot) => slot.status === 'at_door' || slot.status === 'unloading');
  return (
    <li
      className="dock-row"
      data-testid="dock-row"
      data-door-id={door.id}
      style={{ ['--dock-lanes' as string]: lanes }}
    >
      <div className="dock-row__door">
        <span className="dock-row__name">{door.name}</span>
        <span className="dock-row__meta">
          {busy ? <span className="dock-row__busy">{t('door.busy')}</span> : null}
          {door.capabilities.map((capability) => (
            <span
              key={capability}
              className="dock-row__capability"
              title={t(`capability.${capability}`, capability)}
            >
              {t(`capabilityShort.${capability}`, capability)}
            </span>
          ))}
        </span>
      </div>
      <div className="dock-row__track">
        {placed.map(({ slot, lane }) => (
          <SlotBar key={slot.id} slot={slot} lane={lane} scale={scale} now={now} onHover={onHover} />
        ))}
      </div>
    </li>
  );
});
