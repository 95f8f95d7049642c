import { DomainError } from '../api/result';
import type { AppContext } from '../app/context';
import type { DeliveryStatus } from '../db/schema';
import type { IngestCollaborators } from './collaborators';
import { type DeliveryKey, findPartnerDelivery, type PartnerDelivery } from './partnerDeliveries';
import type { StatusEvent } from './partnerSchemas';

// A partner's status events: the truck left (departed), will be late (delayed, with a new ETA)
// or is at the gate (arrived). One transaction each; the views are told after the commit.

const ACTOR_PREFIX = 'partner:';
const ON_THE_WAY: ReadonlySet<DeliveryStatus> = new Set(['announced', 'in_transit']);

export interface StatusEventAnswer {
  deliveryId: string;
  noticeNumber: string | null;
  status: DeliveryStatus;
  eta: number | null;
  etaSource: string | null;
  /** Whether the event changed anything (a repeated event changes nothing). */
  changed: boolean;
}

/** The refusal for a delivery the partner may not see: word for word the one for a missing one. */
export function noSuchDelivery(key: DeliveryKey): DomainError {
  // The answer does not even echo the key: it must read the same whoever's delivery it named.
  const what = 'deliveryId' in key ? 'deliveryId' : 'noticeNumber';
  return new DomainError('NOT_FOUND', `There is no delivery with this ${what} for this token.`);
}

const keyOf = (event: StatusEvent): DeliveryKey =>
  event.deliveryId !== undefined ? { deliveryId: event.deliveryId } : { noticeNumber: event.noticeNumber! };

export function applyStatusEvent(
  ctx: AppContext,
  collaborators: Pick<IngestCollaborators, 'refreshEta' | 'checkInOnArrival'>,
  partnerId: string,
  event: StatusEvent,
): StatusEventAnswer {
  const { sqlite } = ctx.database;
  const now = ctx.clock.now();
  const actor = `${ACTOR_PREFIX}${partnerId}`;
  const log = sqlite.prepare(
    "INSERT INTO event_log (at, actor, kind, entity_type, entity_id, payload) VALUES (?, ?, ?, 'delivery', ?, ?)",
  );
  return sqlite.transaction((): StatusEventAnswer => {
    const key = keyOf(event);
    const delivery = findPartnerDelivery(sqlite, partnerId, key);
    if (!delivery) throw noSuchDelivery(key);
    const refuse = (what: string) =>
      new DomainError('CONFLICT', `Delivery ${delivery.noticeNumber ?? delivery.id} ${what}.`, {
        status: delivery.status,
      });
    if (delivery.status === 'cancelled') throw refuse('was cancelled');
    let changed = false;
    if (event.event === 'departed') {
      if (delivery.status === 'announced') {
        sqlite
          .prepare(
            "UPDATE inbound_delivery SET status = 'in_transit', departed_at = ?, updated_at = ? WHERE id = ?",
          )
          .run(event.at, now, delivery.id);
        log.run(
          event.at,
          actor,
          'delivery.status',
          delivery.id,
          JSON.stringify({ from: 'announced', to: 'in_transit' }),
        );
        changed = true;
      } else if (delivery.status !== 'in_transit') {
        throw refuse('has already arrived');
      }
    } else if (event.event === 'delayed') {
      if (!ON_THE_WAY.has(delivery.status)) throw refuse('has already arrived');
      const eta = event.eta!;
      collaborators.refreshEta(sqlite, delivery.id, now, { kind: 'carrier', at: event.at, eta });
      log.run(
        event.at,
        actor,
        'delivery.delayed',
        delivery.id,
        JSON.stringify({ eta, reason: event.reason ?? null }),
      );
      changed = true;
    } else {
      changed = collaborators.checkInOnArrival(ctx, delivery.id, event.at);
      if (!changed && ON_THE_WAY.has(delivery.status)) throw refuse('cannot be checked in now');
    }
    return answerOf(findPartnerDelivery(sqlite, partnerId, { deliveryId: delivery.id }) ?? delivery, changed);
  })();
}

function answerOf(delivery: PartnerDelivery, changed: boolean): StatusEventAnswer {
  return {
    deliveryId: delivery.id,
    noticeNumber: delivery.noticeNumber,
    status: delivery.status,
    eta: delivery.eta,
    etaSource: delivery.etaSource,
    changed,
  };
}
