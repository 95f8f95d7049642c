import { METRIC_ORDER, type Metrics, MINUTE_TOLERANCE } from './types';

/**
 * Lexicographic comparison of two schedules' metrics as RESCHEDULING.md defines it: negative when
 * `a` is better, positive when `b` is, 0 when equal. Minutes compare with a tolerance of 1e-6.
 */
export function compareMetrics(a: Metrics, b: Metrics): number {
  for (const key of METRIC_ORDER) {
    const difference = a[key] - b[key];
    if (Math.abs(difference) > MINUTE_TOLERANCE) return difference;
  }
  return 0;
}

export const isBetter = (a: Metrics, b: Metrics) => compareMetrics(a, b) < 0;
