import type { PlantTimeFormatters } from '../../format/plantTime';
import type { DockDoor, DockSlot } from './dockTypes';
import { openThroughout } from './openingHours';

// The check a drag shows while the slot is still in the hand: the same rules the server applies
// to docks.moveSlot (which stays the judge: its refusal is what the planner reads after a drop).

export type MoveReason = 'status' | 'past' | 'capability' | 'duration' | 'closed' | 'overlap';

export interface MoveTarget {
  doorId: string;
  slotStart: number;
}

export type MoveCheck =
  | { ok: true }
  | { ok: false; reason: MoveReason; capability?: string; withSlot?: DockSlot };

export interface MoveContext {
  doors: ReadonlyMap<string, DockDoor>;
  /** The slots of a door, any order. */
  slotsOf(doorId: string): readonly DockSlot[];
  now: number;
  time: PlantTimeFormatters;
}

export function checkMove(slot: DockSlot, target: MoveTarget, context: MoveContext): MoveCheck {
  if (!slot.movable) return { ok: false, reason: 'status' };
  const start = target.slotStart;
  const end = start + (slot.slotEnd - slot.slotStart);
  // A window that has not wholly passed may still be booked (a truck at the gate right now).
  if (end <= context.now) return { ok: false, reason: 'past' };
  const door = context.doors.get(target.doorId);
  if (!door) return { ok: false, reason: 'closed' };
  const missing = slot.requiredCapabilities.find((capability) => !door.capabilities.includes(capability));
  if (missing !== undefined) return { ok: false, reason: 'capability', capability: missing };
  if (door.unloadMinutes * 60_000 > end - start) return { ok: false, reason: 'duration' };
  if (!openThroughout(door.openingHours, start, end, context.time)) return { ok: false, reason: 'closed' };
  const clash = context
    .slotsOf(target.doorId)
    // A departed truck has freed its door; cancelled deliveries are not on the timeline.
    .find(
      (other) =>
        other.id !== slot.id && other.status !== 'departed' && other.slotStart < end && other.slotEnd > start,
    );
  if (clash) return { ok: false, reason: 'overlap', withSlot: clash };
  return { ok: true };
}
