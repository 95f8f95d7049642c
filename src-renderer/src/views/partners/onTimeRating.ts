import type { StatusTone } from '../../components/statusTones';

/** The plant's target for the on-time rate; below it a partner is talked to, well below escalated. */
export const ON_TIME_TARGET = 0.95;
const ON_TIME_CONCERN = 0.85;

export function onTimeTone(rate: number | null): StatusTone {
  if (rate === null) return 'muted';
  if (rate >= ON_TIME_TARGET) return 'ok';
  if (rate >= ON_TIME_CONCERN) return 'warn';
  return 'bad';
}
