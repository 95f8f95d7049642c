import type { OpeningWindow } from '../openingHours';
import { missingCapabilities } from './capability';
import { isOnGrid } from './grid';
import { openForWindow } from './openWindow';
import { firstOverlap, type TimeWindow } from './overlap';

// Whether a slot window may be placed at a door: the rules a move, a booking and a swap share.
// Pure: the caller reads the door, the other bookings and the clock, and words the refusal.

export type PlacementReason = 'grid' | 'past' | 'capability' | 'duration' | 'closed' | 'overlap';

export type PlacementProblem =
  | { reason: 'grid'; gridMinutes: number }
  | { reason: 'past' }
  | { reason: 'capability'; missing: string[] }
  | { reason: 'duration'; unloadMinutes: number; slotMinutes: number }
  | { reason: 'closed' }
  | { reason: 'overlap'; withDeliveryId: string; start: number; end: number };

export interface PlacementDoor {
  capabilities: readonly string[];
  openingHours: readonly OpeningWindow[];
  unloadMinutes: number;
}

export interface PlacementInput {
  window: TimeWindow;
  door: PlacementDoor;
  required: readonly string[];
  /** Other deliveries' windows at that door (the delivery itself left out). */
  booked: readonly (TimeWindow & { deliveryId: string })[];
  now: number;
  timeZone: string;
  /** Check the start against the grid; a swap takes over windows as they were booked. */
  gridMinutes: number | null;
}

const MINUTE = 60_000;

/** The first rule the placement breaks, in the order people fix them; null: it may go there. */
export function placementProblem(input: PlacementInput): PlacementProblem | null {
  const { window, door } = input;
  if (input.gridMinutes !== null && !isOnGrid(window.start, input.gridMinutes, input.timeZone)) {
    return { reason: 'grid', gridMinutes: input.gridMinutes };
  }
  if (window.end <= input.now) return { reason: 'past' };
  const missing = missingCapabilities(input.required, door.capabilities);
  if (missing.length > 0) return { reason: 'capability', missing };
  const slotMinutes = (window.end - window.start) / MINUTE;
  if (door.unloadMinutes > slotMinutes) {
    return { reason: 'duration', unloadMinutes: door.unloadMinutes, slotMinutes };
  }
  if (!openForWindow(door.openingHours, window.start, window.end, input.timeZone))
    return { reason: 'closed' };
  const clash = firstOverlap(window, input.booked);
  if (clash)
    return { reason: 'overlap', withDeliveryId: clash.deliveryId, start: clash.start, end: clash.end };
  return null;
}
