import type { OpeningWindow } from '../openingHours';
import { missingCapabilities, spareCapabilities } from './capability';
import { openForWindow } from './openWindow';
import { firstOverlap, type TimeWindow } from './overlap';

// Free slots for a truck, best first. A slot fits when the door has every capability the truck
// needs, unloads within the slot, is open for all of it and is free then. Among those, the slot
// nearest the planned time wins (the truck's ETA when it runs late) — for a truck whose goods a
// line is waiting for, simply the earliest; a door with capabilities the truck does not need costs
// as much as three quarters of an hour, so special doors stay free for the trucks that need them.

const MINUTE = 60_000;
/** What one spare capability of a door costs a suggestion, in minutes of distance. */
const SPARE_CAPABILITY_MINUTES = 45;
/** Staying at the booked door is worth a little: the yard staff already know it. */
const OTHER_DOOR_MINUTES = 5;
/** Within this of the earliest possible start a slot counts as fitting the ETA. */
const ETA_FIT_MS = 30 * MINUTE;

export type SuggestionReason =
  | 'eta_fit'
  | 'planned_time'
  | 'critical_early'
  | 'plain_door'
  | 'special_door'
  | 'same_door';

export interface SuggestionDoor {
  id: string;
  name: string;
  capabilities: readonly string[];
  openingHours: readonly OpeningWindow[];
  unloadMinutes: number;
  sortOrder: number;
}

export interface SlotRequest {
  required: readonly string[];
  durationMs: number;
  /** The first grid point the truck can be there by (ETA, or now for a truck on site). */
  earliest: number;
  /** The booked slot start: kept when the truck can make it. */
  plannedStart: number;
  currentDoorId: string | null;
  /** The truck's goods end or shorten a predicted stoppage: as early as possible. */
  critical: boolean;
}

export interface SlotSuggestion {
  doorId: string;
  doorName: string;
  slotStart: number;
  slotEnd: number;
  /** 100 for the ideal slot, falling with the distance from it (50 at an hour's worth). */
  score: number;
  reasons: SuggestionReason[];
}

export interface SuggestOptions {
  doors: readonly SuggestionDoor[];
  /** Other deliveries' windows (the truck's own left out), by door id. */
  bookedByDoor: ReadonlyMap<string, readonly TimeWindow[]>;
  gridMinutes: number;
  timeZone: string;
  /** How far after `earliest` to look. */
  horizonMs: number;
  limit: number;
}

export function suggestSlots(request: SlotRequest, options: SuggestOptions): SlotSuggestion[] {
  const step = options.gridMinutes * MINUTE;
  const target = request.critical ? request.earliest : Math.max(request.earliest, request.plannedStart);
  const found: (SlotSuggestion & { penalty: number; sortOrder: number })[] = [];
  for (const door of options.doors) {
    if (missingCapabilities(request.required, door.capabilities).length > 0) continue;
    if (door.unloadMinutes * MINUTE > request.durationMs) continue;
    const spare = spareCapabilities(request.required, door.capabilities).length;
    const booked = options.bookedByDoor.get(door.id) ?? [];
    const doorPenalty =
      spare * SPARE_CAPABILITY_MINUTES + (door.id === request.currentDoorId ? 0 : OTHER_DOOR_MINUTES);
    // Grid points stay grid points when stepped by the grid: zone offsets change by whole hours.
    for (let start = request.earliest; start < request.earliest + options.horizonMs; start += step) {
      const window = { start, end: start + request.durationMs };
      if (!openForWindow(door.openingHours, window.start, window.end, options.timeZone)) continue;
      if (firstOverlap(window, booked)) continue;
      const penalty = Math.abs(start - target) / MINUTE + doorPenalty;
      const reasons: SuggestionReason[] = [];
      if (start - request.earliest < ETA_FIT_MS) reasons.push('eta_fit');
      if (start === request.plannedStart) reasons.push('planned_time');
      if (request.critical && start - request.earliest < ETA_FIT_MS) reasons.push('critical_early');
      reasons.push(spare === 0 ? 'plain_door' : 'special_door');
      if (door.id === request.currentDoorId) reasons.push('same_door');
      found.push({
        doorId: door.id,
        doorName: door.name,
        slotStart: window.start,
        slotEnd: window.end,
        score: Math.round((100 * 60) / (60 + penalty)),
        reasons,
        penalty,
        sortOrder: door.sortOrder,
      });
    }
  }
  found.sort(
    (a, b) =>
      a.penalty - b.penalty ||
      a.slotStart - b.slotStart ||
      a.sortOrder - b.sortOrder ||
      a.doorId.localeCompare(b.doorId),
  );
  return found
    .slice(0, options.limit)
    .map(({ penalty: _penalty, sortOrder: _sortOrder, ...suggestion }) => suggestion);
}
