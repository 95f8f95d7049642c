import { addDays, isPlantDay } from '../../format/plantCalendar';

// The scorecard's date range as the planner picks it: whole plant-local days, both ends included.
// The presets end with the current week and start on a Monday, so the weekly trend shows whole
// ISO weeks (the last one still running).

export interface DayRange {
  fromDay: string;
  toDay: string;
}

export const RANGE_PRESETS = [4, 8, 13, 26, 52] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: RangePreset = 8;

/** Monday of the calendar week containing `day` ("2026-11-27" → "2026-11-23"). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay() || 7;
  return addDays(day, 1 - weekday);
}

/** The last `weeks` calendar weeks up to today: from a Monday to today. */
export function presetRange(today: string, weeks: RangePreset): DayRange {
  return { fromDay: addDays(mondayOf(today), -7 * (weeks - 1)), toDay: today };
}

export function presetOf(range: DayRange, today: string): RangePreset | null {
  return (
    RANGE_PRESETS.find((weeks) => {
      const preset = presetRange(today, weeks);
      return preset.fromDay === range.fromDay && preset.toDay === range.toDay;
    }) ?? null
  );
}

/** At most what the server accepts (400 days), and never backwards. */
export const MAX_RANGE_DAYS = 400;

export function dayCount(range: DayRange): number {
  return (
    Math.round(
      (Date.parse(`${range.toDay}T12:00:00Z`) - Date.parse(`${range.fromDay}T12:00:00Z`)) / 86_400_000,
    ) + 1
  );
}

export function isValidRange(range: DayRange): boolean {
  if (!isPlantDay(range.fromDay) || !isPlantDay(range.toDay)) return false;
  const days = dayCount(range);
  return days >= 1 && days <= MAX_RANGE_DAYS;
}
