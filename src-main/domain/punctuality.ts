import type { DeliveryStatus } from '../db/schema';

/** How a delivery stands against its slot window, as the map and lists colour it. */
export type PunctualityClass = 'on_time' | 'at_risk' | 'late' | 'at_plant' | 'completed' | 'cancelled';

export interface SlotTiming {
  status: DeliveryStatus;
  slotStart: number;
  slotEnd: number;
  eta: number | null;
  etaConfidenceMinutes: number | null;
  gateInAt: number | null;
}

export interface Punctuality {
  class: PunctualityClass;
  /**
   * Minutes after the slot window's end: expected (from the ETA) while on the way, actual (from
   * the gate check-in) once arrived. Negative or zero means inside or before the window.
   */
  minutesLate: number | null;
}

const MINUTE = 60_000;
const AT_PLANT: ReadonlySet<DeliveryStatus> = new Set(['at_gate', 'at_door', 'unloading']);
const COMPLETED: ReadonlySet<DeliveryStatus> = new Set(['unloaded', 'departed']);

export function punctuality(timing: SlotTiming, now: number): Punctuality {
  const lateBy = (at: number) => Math.round((at - timing.slotEnd) / MINUTE);
  if (timing.status === 'cancelled') return { class: 'cancelled', minutesLate: null };
  if (AT_PLANT.has(timing.status) || COMPLETED.has(timing.status)) {
    const minutesLate = timing.gateInAt === null ? null : lateBy(timing.gateInAt);
    return { class: AT_PLANT.has(timing.status) ? 'at_plant' : 'completed', minutesLate };
  }
  // On the way or not yet departed: judge by the ETA, or by the clock once the window has passed.
  const expected = Math.max(timing.eta ?? timing.slotStart, now);
  const minutesLate = lateBy(expected);
  if (expected > timing.slotEnd) return { class: 'late', minutesLate };
  const spread = (timing.etaConfidenceMinutes ?? 0) * MINUTE;
  if (expected + spread > timing.slotEnd) return { class: 'at_risk', minutesLate };
  return { class: 'on_time', minutesLate };
}
