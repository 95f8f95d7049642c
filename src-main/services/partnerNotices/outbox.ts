import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';
import type { Database, NoticeStatus } from '../../db/schema';
import { parseNoticeKinds } from './channels';
import type { NoticeFacts, NoticeKind, PlantFacts } from './noticeTypes';
import { renderNotice } from './templates';

// The outbox: a notice is rendered once per channel, in that channel's language, when it is
// queued, and kept as sent. The same cause (source key) queues nothing a second time.

export interface NoticeRequest {
  partnerId: string;
  facts: NoticeFacts;
  deliveryId: string | null;
  /** What the notice is about, for "already told them?" questions: a delivery or a stoppage. */
  topic: string;
  /** What caused it: an event-log row, a stoppage at a severity. */
  sourceKey: string;
}

/** Queues the notice on each enabled channel of the partner that takes its kind; returns how many. */
export async function enqueueNotice(
  trx: Kysely<Database>,
  request: NoticeRequest,
  plant: PlantFacts,
  now: number,
): Promise<number> {
  const channels = await trx
    .selectFrom('partnerChannel')
    .selectAll()
    .where('partnerId', '=', request.partnerId)
    .where('enabled', '=', 1)
    .execute();
  let queued = 0;
  for (const channel of channels) {
    if (!parseNoticeKinds(channel.noticeKinds).includes(request.facts.kind)) continue;
    const rendered = renderNotice(request.facts, plant, channel.language);
    const result = await trx
      .insertInto('partnerMessage')
      .values({
        id: `N-${randomUUID()}`,
        partnerId: request.partnerId,
        channelId: channel.id,
        channel: channel.kind,
        address: channel.address,
        kind: request.facts.kind,
        deliveryId: request.deliveryId,
        topic: request.topic,
        sourceKey: request.sourceKey,
        language: channel.language,
        subject: rendered.subject,
        body: rendered.body,
        payload: JSON.stringify(rendered.payload),
        status: 'queued',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        sentAt: null,
      })
      .onConflict((oc) => oc.columns(['sourceKey', 'channelId']).doNothing())
      .executeTakeFirst();
    queued += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return queued;
}

export interface MessageLogEntry {
  id: string;
  partnerId: string;
  partnerName: string;
  kind: NoticeKind;
  channel: 'webhook' | 'email';
  address: string;
  deliveryId: string | null;
  language: 'de' | 'en';
  subject: string;
  body: string;
  status: NoticeStatus;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

export async function messageLog(
  ctx: AppContext,
  filter: { partnerId?: string | undefined; status?: NoticeStatus | undefined; limit: number },
): Promise<{ messages: MessageLogEntry[]; failed: number }> {
  const { db } = ctx.database;
  let query = db
    .selectFrom('partnerMessage as m')
    .innerJoin('partner as p', 'p.id', 'm.partnerId')
    .select([
      'm.id',
      'm.partnerId',
      'p.name as partnerName',
      'm.kind',
      'm.channel',
      'm.address',
      'm.deliveryId',
      'm.language',
      'm.subject',
      'm.body',
      'm.status',
      'm.attempts',
      'm.nextAttemptAt',
      'm.lastError',
      'm.createdAt',
      'm.sentAt',
    ]);
  if (filter.partnerId) query = query.where('m.partnerId', '=', filter.partnerId);
  if (filter.status) query = query.where('m.status', '=', filter.status);
  const messages = await query.orderBy('m.createdAt', 'desc').orderBy('m.id').limit(filter.limit).execute();
  let failedQuery = db
    .selectFrom('partnerMessage')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'failed');
  if (filter.partnerId) failedQuery = failedQuery.where('partnerId', '=', filter.partnerId);
  const { n } = await failedQuery.executeTakeFirstOrThrow();
  return { messages, failed: Number(n) };
}

/** Puts a failed notice back into the outbox with a fresh set of attempts. */
export async function retryMessage(ctx: AppContext, id: string, actor: string) {
  const now = ctx.clock.now();
  const partnerId = await ctx.database.db.transaction().execute(async (trx) => {
    const message = await trx
      .selectFrom('partnerMessage')
      .select(['partnerId', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!message) throw new DomainError('NOT_FOUND', `There is no notice ${id}.`);
    if (message.status !== 'failed') {
      throw new DomainError(
        'CONFLICT',
        `Notice ${id} is ${message.status}; only a failed notice can be sent again.`,
      );
    }
    await trx
      .updateTable('partnerMessage')
      .set({ status: 'queued', attempts: 0, nextAttemptAt: now })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('eventLog')
      .values({
        at: now,
        actor,
        kind: 'notice.retried',
        entityType: 'partner',
        entityId: message.partnerId,
        payload: JSON.stringify({ messageId: id }),
      })
      .execute();
    return message.partnerId;
  });
  ctx.bus.emit('notices.changed', { partnerIds: [partnerId] });
  return { id, status: 'queued' as const };
}
