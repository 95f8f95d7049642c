import type { PunctualityClass } from '../../../../src-main/domain/punctuality';
import { PUNCTUALITY_TONE } from '../statusTones';

/** The punctuality classes a truck on the road or at the plant can have, most urgent first. */
export const MAP_CLASSES = ['late', 'at_risk', 'on_time', 'at_plant'] as const;
export type MapClass = (typeof MAP_CLASSES)[number];

export function isMapClass(value: PunctualityClass): value is MapClass {
  return (MAP_CLASSES as readonly string[]).includes(value);
}

/** Sort key: late trucks first, the ones already at the plant last. */
export function classRank(value: PunctualityClass): number {
  const rank = (MAP_CLASSES as readonly string[]).indexOf(value);
  return rank === -1 ? MAP_CLASSES.length : rank;
}

/** The class of a rank (see classRank); ranks beyond the map's classes read as completed. */
export function classAtRank(rank: number): PunctualityClass {
  return MAP_CLASSES[rank] ?? 'completed';
}

// Canvas cannot resolve `var(--tone-…)`, so the colours are read from the computed style of the
// map element on every draw: the theme (and the wall's dark palette) wins, these are fallbacks.
const FALLBACK_COLOR: Readonly<Record<PunctualityClass, string>> = {
  on_time: '#16a34a',
  at_risk: '#f59e0b',
  late: '#dc2626',
  at_plant: '#2563eb',
  completed: '#64748b',
  cancelled: '#64748b',
};

export type ClassColors = Readonly<Record<PunctualityClass, string>>;

export function readClassColors(element: Element): ClassColors {
  const style = getComputedStyle(element);
  const colors = { ...FALLBACK_COLOR };
  for (const key of Object.keys(colors) as PunctualityClass[]) {
    const value = style.getPropertyValue(`--tone-${PUNCTUALITY_TONE[key]}`).trim();
    if (value) colors[key] = value;
  }
  return colors;
}

/** The CSS colour of a class for DOM elements (legend swatches, list dots). */
export function classCssColor(value: PunctualityClass): string {
  return `var(--tone-${PUNCTUALITY_TONE[value]}, ${FALLBACK_COLOR[value]})`;
}
