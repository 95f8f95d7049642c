import { useTranslation } from 'react-i18next';
import { usePlantFormat } from '../../format/plantTime';
import type { DockLayout } from './dockLayout';
import type { DockDoor, DockSlot } from './dockTypes';
import { moveCheckText } from './moveText';
import type { PixelScale } from './pixelScale';
import type { Ghost } from './useSlotMove';

/** Where the slot in the hand would land: its window at the target door, green or red with why. */
export function SlotGhost({
  ghost,
  layout,
  scale,
  doorColumn,
}: {
  ghost: Ghost;
  layout: DockLayout<DockDoor, DockSlot>;
  scale: PixelScale;
  doorColumn: number;
}) {
  const { t } = useTranslation('docks');
  const format = usePlantFormat();
  const row = layout.rows.find((candidate) => candidate.door.id === ghost.doorId);
  if (!row) return null;
  const duration = ghost.slot.slotEnd - ghost.slot.slotStart;
  const left = doorColumn + scale.x(ghost.slotStart);
  const width = scale.x(ghost.slotStart + duration) - scale.x(ghost.slotStart);
  const text = ghost.check.ok ? t('move.fits') : moveCheckText(t, ghost.check, format);
  return (
    <div
      className={`slot-ghost ${ghost.check.ok ? 'slot-ghost--ok' : 'slot-ghost--bad'}`}
      data-testid="slot-ghost"
      data-valid={ghost.check.ok}
      data-door-id={ghost.doorId}
      data-slot-start={ghost.slotStart}
      style={{ left, width, top: row.top + 4, height: row.height - 8 }}
      aria-hidden="true"
    >
      <span className="slot-ghost__time">
        {format.formatTime(ghost.slotStart)}–{format.formatTime(ghost.slotStart + duration)} · {row.door.name}
      </span>
      <span className="slot-ghost__why">{text}</span>
    </div>
  );
}
