import { DomainError } from '../../api/result';
import type { DeliveryStatus } from '../../db/schema';
import { localParts } from '../../domain/plantTime';
import type { PlacementProblem } from '../../domain/slots/placement';
import type { DockDoor } from './dockReads';

// Refusals of the dock, worded for the person at the desk: what was refused, where, and why.
// details.reason is one of overlap | capability | closed | grid | status | past | duration, for
// the views to pick an icon or a translation by.

const pad = (value: number) => String(value).padStart(2, '0');

/** "27.11. 10:30" in plant time: what the dock staff read on the timeline. */
export function plantClock(at: number, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${pad(p.day)}.${pad(p.month)}. ${pad(p.hour)}:${pad(p.minute)}`;
}

const STATUS_WORDS: Record<DeliveryStatus, string> = {
  announced: 'announced',
  in_transit: 'on the way',
  at_gate: 'at the gate',
  at_door: 'at a door',
  unloading: 'being unloaded',
  unloaded: 'unloaded',
  departed: 'gone',
  cancelled: 'cancelled',
};

export const statusWords = (status: DeliveryStatus) => STATUS_WORDS[status];

export function statusRefusal(
  label: string,
  deliveryId: string,
  status: DeliveryStatus,
  what: string,
): DomainError {
  return new DomainError('CONFLICT', `Delivery ${label} is ${statusWords(status)}; ${what}`, {
    reason: 'status',
    deliveryId,
    status,
  });
}

export interface PlacementContext {
  label: string;
  deliveryId: string;
  door: DockDoor;
  start: number;
  end: number;
  timeZone: string;
  /** The shipping notice number of another delivery, for an overlap. */
  labelOf(deliveryId: string): string;
}

export function placementRefusal(problem: PlacementProblem, at: PlacementContext): DomainError {
  const clock = (time: number) => plantClock(time, at.timeZone);
  const window = `${clock(at.start)}–${clock(at.end).slice(-5)}`;
  const base = { reason: problem.reason, deliveryId: at.deliveryId, doorId: at.door.id, slotStart: at.start };
  switch (problem.reason) {
    case 'grid':
      return new DomainError(
        'CONFLICT',
        `${clock(at.start)} is off the ${problem.gridMinutes}-minute dock grid; slots for ${at.label} start on whole ${problem.gridMinutes} minutes from midnight.`,
        { ...base, gridMinutes: problem.gridMinutes },
      );
    case 'past':
      return new DomainError(
        'CONFLICT',
        `The window ${window} has already passed; ${at.label} can only go to a time still to come.`,
        base,
      );
    case 'capability':
      return new DomainError(
        'CONFLICT',
        `${at.door.name} has no ${problem.missing.join(', ')}, which ${at.label} needs.`,
        { ...base, capability: problem.missing[0], missing: problem.missing },
      );
    case 'duration':
      return new DomainError(
        'CONFLICT',
        `${at.door.name} takes ${problem.unloadMinutes} minutes to unload a truck; the ${problem.slotMinutes}-minute slot of ${at.label} is too short there.`,
        { ...base, unloadMinutes: problem.unloadMinutes, slotMinutes: problem.slotMinutes },
      );
    case 'closed':
      return new DomainError(
        'CONFLICT',
        `${at.door.name} is not open for the whole window ${window}; ${at.label} cannot be unloaded there then.`,
        base,
      );
    case 'overlap':
      return new DomainError(
        'CONFLICT',
        `${at.door.name} is booked for ${at.labelOf(problem.withDeliveryId)} from ${clock(problem.start)} to ${clock(problem.end).slice(-5)}; the window ${window} for ${at.label} overlaps it.`,
        { ...base, withDeliveryId: problem.withDeliveryId },
      );
  }
}
