import { MISSING } from './plantTime';

/** "45 min", "2 h 05 min": the units read the same in German and English. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return MISSING;
  const whole = Math.round(Math.abs(minutes));
  const sign = minutes < 0 ? '−' : '';
  if (whole < 120) return `${sign}${whole} min`;
  return `${sign}${Math.floor(whole / 60)} h ${String(whole % 60).padStart(2, '0')} min`;
}

/** "+12 min" late, "−5 min" early, as a punctuality column shows it. */
export function formatLateness(minutesLate: number | null | undefined): string {
  if (minutesLate === null || minutesLate === undefined) return MISSING;
  if (minutesLate > 0) return `+${formatMinutes(minutesLate)}`;
  return formatMinutes(minutesLate);
}
