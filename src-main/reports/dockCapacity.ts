import { type OpeningWindow, openAt, parseOpeningHours } from '../domain/openingHours';

// The dock's nominal capacity in an hour: every door open at the hour's start takes one truck per
// 30-minute slot. A door with no readable opening hours counts as closed, as the slot booking does.

export const SLOTS_PER_HOUR = 2;

export interface DoorHours {
  openingHours: string;
}

export function doorHours(doors: readonly DoorHours[]): OpeningWindow[][] {
  return doors.map((door) => parseOpeningHours(door.openingHours));
}

export function capacityAt(hours: readonly OpeningWindow[][], hourStart: number, timeZone: string): number {
  let open = 0;
  for (const door of hours) if (openAt(door, hourStart, timeZone)) open += 1;
  return open * SLOTS_PER_HOUR;
}
