import type { AppContext } from '../../app/context';
import { coverageOverview } from '../coverage/coverageAccess';
import type { PredictedStoppage } from '../coverage/types';
import { parseNoticeKinds } from './channels';
import { plantFacts } from './noticeFacts';
import { enqueueNotice } from './outbox';

// Shortage alerts to the supplier of the part a line is predicted to stop for. A stoppage is
// told once; it is told again only when it got much worse (half as long again and at least
// 30 minutes longer than when last told), so a projection that wobbles by minutes sends nothing.

const WORSE_FACTOR = 1.5;
const WORSE_MINUTES = 30;

export function muchWorse(toldMinutes: number, nowMinutes: number): boolean {
  return nowMinutes >= toldMinutes * WORSE_FACTOR && nowMinutes >= toldMinutes + WORSE_MINUTES;
}

function toldDuration(payload: string): number {
  try {
    const value = (JSON.parse(payload) as { durationMinutes?: unknown }).durationMinutes;
    return typeof value === 'number' ? value : 0;
  } catch {
    return 0;
  }
}

/** Most plants start without channels: then the projection need not be looked at at all. */
async function anyoneTakesAlerts(ctx: AppContext): Promise<boolean> {
  const channels = await ctx.database.db
    .selectFrom('partnerChannel')
    .select('noticeKinds')
    .where('enabled', '=', 1)
    .execute();
  return channels.some((channel) => parseNoticeKinds(channel.noticeKinds).includes('shortage_alert'));
}

/** Queues alerts for the projection's stoppages that were not told yet. */
export async function alertShortages(
  ctx: AppContext,
  stoppages?: PredictedStoppage[],
): Promise<{ queued: number; partnerIds: string[] }> {
  if (!(await anyoneTakesAlerts(ctx))) return { queued: 0, partnerIds: [] };
  const current = stoppages ?? (await coverageOverview(ctx)).stoppages;
  if (current.length === 0) return { queued: 0, partnerIds: [] };
  const now = ctx.clock.now();
  return ctx.database.db.transaction().execute(async (trx) => {
    const plant = await plantFacts(trx);
    const touched = new Set<string>();
    let total = 0;
    for (const stoppage of current) {
      const part = await trx
        .selectFrom('part')
        .select('supplierId')
        .where('id', '=', stoppage.partId)
        .executeTakeFirst();
      const supplierId = part?.supplierId;
      if (!supplierId) continue;
      const topic = `stoppage:${stoppage.id}`;
      // The projection works in fractions of minutes; partners are told whole ones.
      const minutes = Math.round(stoppage.durationMinutes);
      const told = await trx
        .selectFrom('partnerMessage')
        .select('payload')
        .where('partnerId', '=', supplierId)
        .where('kind', '=', 'shortage_alert')
        .where('topic', '=', topic)
        .orderBy('createdAt', 'desc')
        .executeTakeFirst();
      if (told && !muchWorse(toldDuration(told.payload), minutes)) continue;
      const numbers = await trx
        .selectFrom('supplierPart')
        .select('supplierPartNumber')
        .where('supplierId', '=', supplierId)
        .where('partId', '=', stoppage.partId)
        .orderBy('supplierPartNumber')
        .execute();
      const ending = stoppage.endingDelivery;
      const queued = await enqueueNotice(
        trx,
        {
          partnerId: supplierId,
          deliveryId: ending?.id ?? null,
          topic,
          sourceKey: `${topic}:${minutes}`,
          facts: {
            kind: 'shortage_alert',
            shortage: {
              stoppageId: stoppage.id,
              partId: stoppage.partId,
              partDescription: stoppage.partDescription,
              supplierPartNumbers: numbers.map((row) => row.supplierPartNumber),
              lineName: stoppage.lineName,
              start: stoppage.start,
              end: stoppage.end,
              durationMinutes: minutes,
              endingDelivery: ending
                ? { id: ending.id, noticeNumber: ending.noticeNumber, eta: ending.eta }
                : null,
            },
          },
        },
        plant,
        now,
      );
      total += queued;
      if (queued > 0) touched.add(supplierId);
    }
    return { queued: total, partnerIds: [...touched] };
  });
}
