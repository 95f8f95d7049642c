import { plantWeekMinute } from '../openingHours';

// The dock grid: slots start on whole multiples of the grid from plant-local midnight (08:00,
// 08:30 … on the 30-minute grid). Zone offsets change by whole hours and every allowed grid
// divides an hour, so a grid point stays a grid point across a daylight-saving change.

export const GRID_CHOICES = [5, 10, 15, 30, 60] as const;
export type GridMinutes = (typeof GRID_CHOICES)[number];
export const DEFAULT_GRID_MINUTES: GridMinutes = 30;

const MINUTE = 60_000;

export const isGridMinutes = (value: unknown): value is GridMinutes =>
  GRID_CHOICES.includes(value as GridMinutes);

/** Does `at` fall on the plant-local grid (whole minutes, a multiple of the grid since midnight)? */
export function isOnGrid(at: number, gridMinutes: number, timeZone: string): boolean {
  if (at % MINUTE !== 0) return false;
  const { minute } = plantWeekMinute(at, timeZone);
  return Math.round(minute) % gridMinutes === 0;
}

/** The first grid point at or after `at`. */
export function ceilToGrid(at: number, gridMinutes: number, timeZone: string): number {
  const wholeMinute = Math.ceil(at / MINUTE) * MINUTE;
  const { minute } = plantWeekMinute(wholeMinute, timeZone);
  const rest = Math.round(minute) % gridMinutes;
  return rest === 0 ? wholeMinute : wholeMinute + (gridMinutes - rest) * MINUTE;
}

/** The last grid point at or before `at`. */
export function floorToGrid(at: number, gridMinutes: number, timeZone: string): number {
  const wholeMinute = Math.floor(at / MINUTE) * MINUTE;
  const { minute } = plantWeekMinute(wholeMinute, timeZone);
  return wholeMinute - (Math.round(minute) % gridMinutes) * MINUTE;
}
