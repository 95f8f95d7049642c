import type { ProcedureOutput } from '../../../../src-main/api/contract';

type DockTimeline = ProcedureOutput<'docks.timeline'>;
export type WallDoor = DockTimeline['doors'][number];
export type WallSlot = DockTimeline['slots'][number];

export interface DoorArrivals {
  door: WallDoor;
  /** A truck is at the door or being unloaded now. */
  busy: boolean;
  next: WallSlot[];
}

/** Not yet at the door: these are the arrivals the dock staff wait for. */
const EXPECTED = new Set(['announced', 'in_transit', 'at_gate']);
const AT_DOOR = new Set(['at_door', 'unloading']);

/** Per door, whether it is busy and its next `count` expected trucks, by slot start. */
export function nextArrivalsPerDoor(timeline: DockTimeline, count: number): DoorArrivals[] {
  return timeline.doors.map((door) => {
    const slots = timeline.slots.filter((slot) => slot.doorId === door.id);
    return {
      door,
      busy: slots.some((slot) => AT_DOOR.has(slot.status)),
      next: slots
        .filter((slot) => EXPECTED.has(slot.status))
        .sort((a, b) => a.slotStart - b.slotStart)
        .slice(0, count),
    };
  });
}

/** Doors with a truck at them now. */
export function busyDoorCount(timeline: DockTimeline): number {
  return new Set(timeline.slots.filter((slot) => AT_DOOR.has(slot.status)).map((slot) => slot.doorId)).size;
}
