import { judgeArrival } from './arrivalJudgement';
import type { DeliveryFact, PunctualityFigures } from './types';

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const mean = (sum: number, count: number) => (count > 0 ? sum / count : null);

/** On-time rate, slot adherence and delays over a set of deliveries (see arrivalJudgement). */
export function punctualityFigures(
  deliveries: readonly DeliveryFact[],
  toleranceMinutes: number,
  now: number,
): PunctualityFigures {
  let arrived = 0;
  let overdue = 0;
  let onTime = 0;
  let inSlot = 0;
  let late = 0;
  let early = 0;
  let delaySum = 0;
  let lateDelaySum = 0;
  for (const delivery of deliveries) {
    const judged = judgeArrival(delivery, toleranceMinutes, now);
    if (judged.kind === 'not_judged') continue;
    if (judged.kind === 'overdue') {
      overdue++;
      continue;
    }
    arrived++;
    const delay = Math.max(0, judged.minutesLate);
    delaySum += delay;
    if (judged.onTime) onTime++;
    else {
      late++;
      lateDelaySum += delay;
    }
    if (judged.inSlot) inSlot++;
    if (judged.early) early++;
  }
  const due = arrived + overdue;
  return {
    due,
    arrived,
    overdue,
    onTime,
    onTimeRate: rate(onTime, due),
    inSlot,
    slotAdherenceRate: rate(inSlot, due),
    late,
    early,
    averageDelayMinutes: mean(delaySum, arrived),
    averageLateDelayMinutes: mean(lateDelaySum, late),
  };
}
