import type { PlantTimeFormatters } from '../../../format/plantTime';
import type { DockDoor, DockSlot } from '../dockTypes';
import { openThroughout } from '../openingHours';

export interface DoorChoice {
  door: DockDoor;
  fits: boolean;
  missing: string[];
  open: boolean;
  /** No truck at the door now. */
  free: boolean;
  /** Another delivery booked into the door over the next unloading time. */
  bookedBy: DockSlot | null;
  /** The truck's own booked door. */
  own: boolean;
}

/**
 * The doors a truck at the gate could go to now, best first: fitting, open, free, then the one it
 * was booked to. A door that does not fit or is closed stays listed (greyed), so staff see why.
 */
export function doorChoices(
  doors: readonly DockDoor[],
  slots: readonly DockSlot[],
  delivery: { id: string; doorId: string | null; requiredCapabilities: readonly string[] },
  now: number,
  time: PlantTimeFormatters,
): DoorChoice[] {
  const choices = doors.map((door) => {
    const missing = delivery.requiredCapabilities.filter(
      (capability) => !door.capabilities.includes(capability),
    );
    const until = now + door.unloadMinutes * 60_000;
    const atDoor = slots.some(
      (slot) =>
        slot.id !== delivery.id &&
        slot.doorId === door.id &&
        (slot.status === 'at_door' || slot.status === 'unloading'),
    );
    const bookedBy =
      slots.find(
        (slot) =>
          slot.id !== delivery.id &&
          slot.doorId === door.id &&
          (slot.status === 'announced' || slot.status === 'in_transit' || slot.status === 'at_gate') &&
          slot.slotStart < until &&
          slot.slotEnd > now,
      ) ?? null;
    return {
      door,
      fits: missing.length === 0,
      missing,
      open: openThroughout(door.openingHours, now, until, time),
      free: !atDoor,
      bookedBy,
      own: door.id === delivery.doorId,
    };
  });
  const rank = (choice: DoorChoice) =>
    (choice.fits ? 0 : 8) +
    (choice.open ? 0 : 4) +
    (choice.free ? 0 : 2) +
    (choice.bookedBy ? 1 : 0) -
    (choice.own ? 0.5 : 0);
  return choices.sort((a, b) => rank(a) - rank(b));
}
