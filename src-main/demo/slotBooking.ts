import { openThroughout } from '../domain/openingHours';
import type { DemoDoor, DoorCapability } from './model';

// Books 30-minute slots at dock doors for the demo's deliveries: a door that has every capability
// the truck needs and is open for the whole slot, and no door slot twice.

export const SLOT_MS = 30 * 60_000;

export interface DoorSlot {
  doorId: string;
  slotStart: number;
  slotEnd: number;
}

export const slotKey = (doorId: string, slotStart: number) => `${doorId}|${slotStart}`;

export class SlotBook {
  private readonly taken: Set<string>;

  constructor(
    private readonly doors: readonly DemoDoor[],
    private readonly timeZone: string,
    taken: Iterable<string> = [],
  ) {
    this.taken = new Set(taken);
  }

  /**
   * The slot nearest to `preferredStart` (on the plant-local 30-minute grid within
   * [dayStart, dayEnd)) at a fitting door, booked; null when the whole day is full.
   * Plain trucks go to the plainest free door so special doors stay free for special loads;
   * `rotation` spreads trucks over equally plain doors.
   */
  book(
    requires: readonly DoorCapability[],
    preferredStart: number,
    dayStart: number,
    dayEnd: number,
    rotation: number,
  ): DoorSlot | null {
    const fitting = this.doors
      .filter((door) => requires.every((capability) => door.capabilities.includes(capability)))
      .map((door, index, all) => ({
        door,
        rank: door.capabilities.length * 100 + ((index + rotation) % all.length),
      }))
      .sort((a, b) => a.rank - b.rank)
      .map(({ door }) => door);
    if (fitting.length === 0) return null;
    const slotCount = Math.round((dayEnd - dayStart) / SLOT_MS);
    const preferred = Math.min(slotCount - 1, Math.max(0, Math.floor((preferredStart - dayStart) / SLOT_MS)));
    for (let distance = 0; distance < slotCount; distance++) {
      for (const index of distance === 0 ? [preferred] : [preferred + distance, preferred - distance]) {
        if (index < 0 || index >= slotCount) continue;
        const slotStart = dayStart + index * SLOT_MS;
        const slotEnd = slotStart + SLOT_MS;
        for (const door of fitting) {
          const key = slotKey(door.id, slotStart);
          if (this.taken.has(key)) continue;
          if (!openThroughout(door.openingHours, slotStart, slotEnd, this.timeZone)) continue;
          this.taken.add(key);
          return { doorId: door.id, slotStart, slotEnd };
        }
      }
    }
    return null;
  }
}
