import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';
import { coverageOverview } from '../coverage/coverageAccess';
import { deliveryFacts, plantFacts } from './noticeFacts';
import type { NoticeFacts, NoticeKind, NoticeLanguage, RenderedNotice } from './noticeTypes';
import { renderNotice } from './templates';

// A notice as it would be sent now about a delivery, for the partner view: the slot as booked,
// the ETA as known, and for a shortage alert the predicted stoppage the delivery would end.

export async function previewNotice(
  ctx: AppContext,
  kind: NoticeKind,
  deliveryId: string,
  language: NoticeLanguage,
): Promise<RenderedNotice> {
  const { db } = ctx.database;
  const plant = await plantFacts(db);
  const found = await deliveryFacts(db, deliveryId);
  if (!found) throw new DomainError('NOT_FOUND', `There is no delivery ${deliveryId}.`);
  const delivery = found.facts;
  let facts: NoticeFacts;
  if (kind === 'slot_confirmation') facts = { kind, delivery };
  else if (kind === 'slot_change') {
    facts = { kind, delivery, previous: { doorName: delivery.doorName, slotStart: delivery.slotStart } };
  } else if (kind === 'delay_ack') {
    const row = await db
      .selectFrom('inboundDelivery')
      .select('eta')
      .where('id', '=', deliveryId)
      .executeTakeFirst();
    facts = { kind, delivery, eta: row?.eta ?? delivery.slotStart, reason: null };
  } else {
    const parts = new Set(delivery.items.map((item) => item.partId));
    const { stoppages } = await coverageOverview(ctx);
    const stoppage =
      stoppages.find((s) => s.endingDelivery?.id === deliveryId) ??
      stoppages.find((s) => parts.has(s.partId));
    if (!stoppage) {
      throw new DomainError('NOT_FOUND', `No predicted stoppage concerns delivery ${deliveryId}.`);
    }
    const ending = stoppage.endingDelivery;
    facts = {
      kind,
      shortage: {
        stoppageId: stoppage.id,
        partId: stoppage.partId,
        partDescription: stoppage.partDescription,
        supplierPartNumbers: delivery.items
          .filter((item) => item.partId === stoppage.partId && item.supplierPartNumber)
          .map((item) => item.supplierPartNumber!),
        lineName: stoppage.lineName,
        start: stoppage.start,
        end: stoppage.end,
        durationMinutes: Math.round(stoppage.durationMinutes),
        endingDelivery: ending ? { id: ending.id, noticeNumber: ending.noticeNumber, eta: ending.eta } : null,
      },
    };
  }
  return renderNotice(facts, plant, language);
}
