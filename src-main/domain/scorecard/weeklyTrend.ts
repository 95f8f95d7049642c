import { plantWeeks, weekIndexOf } from './plantWeeks';
import { punctualityFigures } from './punctualityFigures';
import type { DeliveryFact, WeekFigures } from './types';

/** On-time rate and delays per plant-local ISO week of [from, to), by the week the slot starts in. */
export function weeklyTrend(
  deliveries: readonly DeliveryFact[],
  range: { from: number; to: number },
  timeZone: string,
  toleranceMinutes: number,
  now: number,
): WeekFigures[] {
  const weeks = plantWeeks(range.from, range.to, timeZone);
  const byWeek: DeliveryFact[][] = weeks.map(() => []);
  for (const delivery of deliveries) {
    const index = weekIndexOf(weeks, delivery.slotStart);
    if (index >= 0) byWeek[index]!.push(delivery);
  }
  return weeks.map((week, index) => {
    const figures = punctualityFigures(byWeek[index]!, toleranceMinutes, now);
    return {
      week: week.week,
      start: week.start,
      end: week.end,
      due: figures.due,
      onTime: figures.onTime,
      onTimeRate: figures.onTimeRate,
      averageDelayMinutes: figures.averageDelayMinutes,
      averageLateDelayMinutes: figures.averageLateDelayMinutes,
    };
  });
}
