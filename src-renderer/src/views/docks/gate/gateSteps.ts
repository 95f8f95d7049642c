import type { DeliveryStatus } from '../../../../../src-main/db/schema';

// The gate-to-door workflow as the gate and dock staff work it: one next step per status.

export type GateStep = 'checkIn' | 'assignDoor' | 'startUnloading' | 'finishUnloading' | 'checkOut';

const NEXT: Partial<Record<DeliveryStatus, GateStep>> = {
  announced: 'checkIn',
  in_transit: 'checkIn',
  at_gate: 'assignDoor',
  at_door: 'startUnloading',
  unloading: 'finishUnloading',
  unloaded: 'checkOut',
};

/** The step that comes next for a delivery in `status`; null once it has left (or was cancelled). */
export function nextGateStep(status: DeliveryStatus): GateStep | null {
  return NEXT[status] ?? null;
}

export const GATE_STEPS: readonly GateStep[] = [
  'checkIn',
  'assignDoor',
  'startUnloading',
  'finishUnloading',
  'checkOut',
];

/** Minutes from gate check-in to check-out (or to now while the truck is still in). */
export function dwellMinutes(gateInAt: number | null, gateOutAt: number | null, now: number): number | null {
  if (gateInAt === null) return null;
  return Math.max(0, Math.round(((gateOutAt ?? now) - gateInAt) / 60_000));
}

export interface ReceivedLine {
  lineNo: number;
  announced: number;
  received: number;
}

/** Lines whose received quantity differs from the shipping notice: what the receipt records. */
export function differences(lines: readonly ReceivedLine[]): ReceivedLine[] {
  return lines.filter((line) => line.received !== line.announced);
}
