import type { DeliveryStatus } from '../../../src-main/db/schema';
import type { PunctualityClass } from '../../../src-main/domain/punctuality';

/**
 * One palette for the whole app: a truck on the map, a slot on the dock timeline and a row in the
 * deliveries list show the same colour for the same state. The colours are CSS variables
 * (styles/tokens.css), so both themes and the wall screen can tune them.
 */
export type StatusTone = 'ok' | 'warn' | 'bad' | 'info' | 'muted' | 'neutral' | 'transit';

export const PUNCTUALITY_TONE: Readonly<Record<PunctualityClass, StatusTone>> = {
  on_time: 'ok',
  at_risk: 'warn',
  late: 'bad',
  at_plant: 'info',
  completed: 'muted',
  cancelled: 'muted',
};

export const DELIVERY_STATUS_TONE: Readonly<Record<DeliveryStatus, StatusTone>> = {
  announced: 'neutral',
  in_transit: 'transit',
  at_gate: 'info',
  at_door: 'info',
  unloading: 'info',
  unloaded: 'muted',
  departed: 'muted',
  cancelled: 'muted',
};

/** The CSS colour of a tone, for SVG and canvas (map markers, chart bars): `var(--tone-ok)` … */
export function toneColor(tone: StatusTone): string {
  return `var(--tone-${tone})`;
}

/** The colour of a punctuality class, e.g. for a map marker's fill. */
export function punctualityColor(punctuality: PunctualityClass): string {
  return toneColor(PUNCTUALITY_TONE[punctuality]);
}

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'announced',
  'in_transit',
  'at_gate',
  'at_door',
  'unloading',
  'unloaded',
  'departed',
  'cancelled',
];
