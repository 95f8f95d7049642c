import type { AppContext } from '../app/context';
import type { DeliverySummaryRow } from '../db/repositories/deliveries';
import { punctuality } from '../domain/punctuality';

/** A delivery as the lists show it: the stored row plus its punctuality at the plant clock's now. */
export function withPunctuality<Row extends DeliverySummaryRow>(ctx: AppContext, row: Row) {
  return { ...row, punctuality: punctuality(row, ctx.clock.now()) };
}

export type DeliverySummary = ReturnType<typeof withPunctuality<DeliverySummaryRow>>;
