import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { deliveryFacts, doorName, plantFacts } from './noticeFacts';
import type { NoticeFacts } from './noticeTypes';
import { enqueueNotice } from './outbox';

// Turns the plant's event log into notices. A cursor in the setting table (the last event-log id
// looked at) moves in the same transaction that queues the notices, so across restarts every
// event is looked at exactly once. A fresh database starts at the end of the log: the history
// that was there before notices existed is not sent out.

export const EVENT_CURSOR_KEY = 'partnerNotices.eventCursor';
const FEED_KINDS = ['slot.booked', 'slot.moved', 'slot.swapped', 'delivery.delayed'] as const;
const BATCH = 200;

const slotPayload = z.object({
  fromDoorId: z.string().nullable().optional(),
  fromStart: z.number().optional(),
  toDoorId: z.string().nullable().optional(),
  toStart: z.number().optional(),
});
const delayPayload = z.object({
  eta: z.number(),
  reason: z.string().max(500).nullable().optional(),
  partnerId: z.string().optional(),
});

async function readCursor(trx: Kysely<Database>): Promise<number | null> {
  const row = await trx
    .selectFrom('setting')
    .select('value')
    .where('key', '=', EVENT_CURSOR_KEY)
    .executeTakeFirst();
  const value = row ? Number(row.value) : Number.NaN;
  return Number.isSafeInteger(value) ? value : null;
}

async function writeCursor(trx: Kysely<Database>, id: number, now: number) {
  await trx
    .insertInto('setting')
    .values({ key: EVENT_CURSOR_KEY, value: String(id), updatedAt: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(id), updatedAt: now }))
    .execute();
}

async function lastEventId(trx: Kysely<Database>): Promise<number> {
  const row = await trx
    .selectFrom('eventLog')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

function parseJson(text: string | null): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

interface FeedEvent {
  id: number;
  kind: string;
  actor: string;
  entityId: string;
  payload: string | null;
}

/** The partner who reported a delay: `partner:<id>` as actor, or named in the payload. */
function reporterOf(event: FeedEvent, payloadPartnerId: string | undefined): string | null {
  if (event.actor.startsWith('partner:')) return event.actor.slice('partner:'.length);
  return payloadPartnerId ?? null;
}

async function noticesFor(trx: Kysely<Database>, event: FeedEvent) {
  const found = await deliveryFacts(trx, event.entityId);
  if (!found) return [];
  const { facts: delivery, parties } = found;
  const both = [
    ...new Set([parties.supplierId, parties.carrierId].filter((id): id is string => id !== null)),
  ];
  const to = (partnerIds: string[], facts: NoticeFacts) =>
    partnerIds.map((partnerId) => ({ partnerId, facts }));
  if (event.kind === 'slot.booked' || event.kind === 'slot.moved' || event.kind === 'slot.swapped') {
    const parsed = slotPayload.safeParse(parseJson(event.payload));
    if (!parsed.success) return [];
    const { fromDoorId, fromStart, toDoorId, toStart } = parsed.data;
    // The notice tells the slot this event set, even if a later event moved it again.
    const length = delivery.slotEnd - delivery.slotStart;
    const booked =
      toStart === undefined
        ? delivery
        : {
            ...delivery,
            slotStart: toStart,
            slotEnd: toStart + length,
            doorName: toDoorId === undefined ? delivery.doorName : await doorName(trx, toDoorId),
          };
    if (event.kind === 'slot.booked' || fromStart === undefined) {
      return to(both, { kind: 'slot_confirmation', delivery: booked });
    }
    return to(both, {
      kind: 'slot_change',
      delivery: booked,
      previous: { doorName: await doorName(trx, fromDoorId ?? null), slotStart: fromStart },
    });
  }
  if (event.kind === 'delivery.delayed') {
    const parsed = delayPayload.safeParse(parseJson(event.payload));
    if (!parsed.success) return [];
    // A delay the desk recorded itself thanks nobody; a partner's report is acknowledged to it,
    // and only when it is a party to the delivery.
    const reporter = reporterOf(event, parsed.data.partnerId);
    if (!reporter || !both.includes(reporter)) return [];
    return to([reporter], {
      kind: 'delay_ack',
      delivery,
      eta: parsed.data.eta,
      reason: parsed.data.reason ?? null,
    });
  }
  return [];
}

/**
 * Looks at the next events after the cursor; returns how many notices were queued. `startOnly`
 * just sets a missing cursor to the end of the log.
 */
export async function consumeEventLog(
  db: Kysely<Database>,
  now: number,
  options: { startOnly?: boolean } = {},
): Promise<{ queued: number; partnerIds: string[]; more: boolean }> {
  return db.transaction().execute(async (trx) => {
    const cursor = await readCursor(trx);
    if (cursor === null) {
      await writeCursor(trx, await lastEventId(trx), now);
      return { queued: 0, partnerIds: [], more: false };
    }
    if (options.startOnly) return { queued: 0, partnerIds: [], more: false };
    // The end is fixed first: code on the raw connection may log events while this awaits, and
    // those must wait for the next round rather than be skipped by the cursor.
    const end = await lastEventId(trx);
    const events = await trx
      .selectFrom('eventLog')
      .select(['id', 'kind', 'actor', 'entityId', 'payload'])
      .where('id', '>', cursor)
      .where('id', '<=', end)
      .where('kind', 'in', FEED_KINDS)
      .where('entityType', '=', 'delivery')
      .orderBy('id')
      .limit(BATCH)
      .execute();
    const more = events.length === BATCH;
    let queued = 0;
    const partnerIds = new Set<string>();
    if (events.length > 0) {
      const plant = await plantFacts(trx);
      for (const event of events) {
        for (const notice of await noticesFor(trx, event)) {
          const added = await enqueueNotice(
            trx,
            {
              ...notice,
              deliveryId: event.entityId,
              topic: `delivery:${event.entityId}`,
              sourceKey: `event:${event.id}`,
            },
            plant,
            now,
          );
          queued += added;
          if (added > 0) partnerIds.add(notice.partnerId);
        }
      }
    }
    // Past the batch's last event when it was cut off; else past everything, the other kinds too.
    const next = more ? events[events.length - 1]!.id : end;
    if (next !== cursor) await writeCursor(trx, next, now);
    return { queued, partnerIds: [...partnerIds], more };
  });
}
