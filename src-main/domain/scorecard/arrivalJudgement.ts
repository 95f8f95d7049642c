import type { DeliveryFact } from './types';

// How one delivery stands against its slot for the scorecard. The semantics follow
// `domain/punctuality.ts` (lateness is measured from the window's *end*; the gate check-in is
// the arrival) and add the plant's tolerance:
//
// - on time: checked in no later than the window's end plus the tolerance. Arriving early is on
//   time — the goods are there — exactly as the map and the lists judge it.
// - in slot (slot adherence): checked in inside the booked window widened by the tolerance on
//   *both* sides. A truck an hour early is on time but not slot-adherent: it blocks the yard and
//   the door plan. So "early beyond the tolerance" counts against slot adherence, not on-time.
// - overdue: not arrived (and not cancelled) once the window's end plus the tolerance has passed;
//   it counts as neither on time nor in slot, so a partner who does not come is not rewarded.
// - not yet due: not arrived before that moment: not judged.

const MINUTE = 60_000;

export type ArrivalJudgement =
  | { kind: 'not_judged' }
  | { kind: 'overdue' }
  | { kind: 'arrived'; onTime: boolean; inSlot: boolean; early: boolean; minutesLate: number };

export function judgeArrival(
  delivery: DeliveryFact,
  toleranceMinutes: number,
  now: number,
): ArrivalJudgement {
  if (delivery.status === 'cancelled') return { kind: 'not_judged' };
  const tolerance = toleranceMinutes * MINUTE;
  const dueBy = delivery.slotEnd + tolerance;
  if (delivery.gateInAt === null) return now > dueBy ? { kind: 'overdue' } : { kind: 'not_judged' };
  const at = delivery.gateInAt;
  const early = at < delivery.slotStart - tolerance;
  return {
    kind: 'arrived',
    onTime: at <= dueBy,
    inSlot: !early && at <= dueBy,
    early,
    minutesLate: (at - delivery.slotEnd) / MINUTE,
  };
}
