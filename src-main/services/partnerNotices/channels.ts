import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';
import type { Database, NoticeChannelKind, PartnerChannelTable } from '../../db/schema';
import {
  defaultLanguage,
  NOTICE_KINDS,
  type NoticeKind,
  type NoticeLanguage,
  noticeKind,
} from './noticeTypes';

// A partner's channels: where its notices go. The webhook secret is write-only: once stored it
// is never returned, only whether one is set.

export interface PartnerChannelView {
  id: string;
  partnerId: string;
  kind: NoticeChannelKind;
  address: string;
  hasSecret: boolean;
  language: NoticeLanguage;
  enabled: boolean;
  noticeKinds: NoticeKind[];
  updatedAt: number;
}

const noticeKindsJson = z.array(noticeKind);

export function parseNoticeKinds(json: string): NoticeKind[] {
  try {
    const parsed = noticeKindsJson.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function channelView(row: Selectable<PartnerChannelTable>): PartnerChannelView {
  return {
    id: row.id,
    partnerId: row.partnerId,
    kind: row.kind,
    address: row.address,
    hasSecret: row.secret !== null,
    language: row.language,
    enabled: row.enabled === 1,
    noticeKinds: parseNoticeKinds(row.noticeKinds),
    updatedAt: row.updatedAt,
  };
}

async function requirePartner(db: Kysely<Database>, partnerId: string) {
  const partner = await db
    .selectFrom('partner')
    .select(['id', 'name', 'countryCode'])
    .where('id', '=', partnerId)
    .executeTakeFirst();
  if (!partner) throw new DomainError('NOT_FOUND', `There is no partner ${partnerId}.`);
  return partner;
}

export async function listChannels(ctx: AppContext, partnerId: string) {
  const partner = await requirePartner(ctx.database.db, partnerId);
  const rows = await ctx.database.db
    .selectFrom('partnerChannel')
    .selectAll()
    .where('partnerId', '=', partnerId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return {
    partnerId,
    defaultLanguage: defaultLanguage(partner.countryCode),
    channels: rows.map(channelView),
  };
}

export interface ChannelInput {
  partnerId: string;
  /** Absent: a new channel. */
  id?: string | undefined;
  kind: NoticeChannelKind;
  address: string;
  /** Webhooks only; absent on an edit keeps the stored secret. */
  secret?: string | undefined;
  /** Absent: German for partners in Germany and Austria, English otherwise. */
  language?: NoticeLanguage | undefined;
  enabled: boolean;
  noticeKinds?: NoticeKind[] | undefined;
}

export async function setChannel(
  ctx: AppContext,
  input: ChannelInput,
  actor: string,
): Promise<PartnerChannelView> {
  const now = ctx.clock.now();
  const view = await ctx.database.db.transaction().execute(async (trx) => {
    const partner = await requirePartner(trx, input.partnerId);
    const existing = input.id
      ? await trx.selectFrom('partnerChannel').selectAll().where('id', '=', input.id).executeTakeFirst()
      : undefined;
    if (input.id && (!existing || existing.partnerId !== input.partnerId)) {
      throw new DomainError('NOT_FOUND', `Partner ${input.partnerId} has no channel ${input.id}.`);
    }
    const secret = input.kind === 'email' ? null : (input.secret ?? existing?.secret ?? null);
    if (input.kind === 'webhook' && !secret) {
      throw new DomainError('INVALID_INPUT', `A webhook of partner ${partner.name} needs a signing secret.`, {
        issues: [{ field: 'secret', message: 'is required for a new webhook' }],
      });
    }
    const row = {
      partnerId: input.partnerId,
      kind: input.kind,
      address: input.address,
      secret,
      language: input.language ?? existing?.language ?? defaultLanguage(partner.countryCode),
      enabled: input.enabled ? 1 : 0,
      noticeKinds: JSON.stringify(
        input.noticeKinds ?? (existing ? parseNoticeKinds(existing.noticeKinds) : NOTICE_KINDS),
      ),
      updatedAt: now,
    };
    const id = existing?.id ?? `CH-${randomUUID()}`;
    if (existing) {
      await trx.updateTable('partnerChannel').set(row).where('id', '=', id).execute();
    } else {
      await trx
        .insertInto('partnerChannel')
        .values({ id, ...row, createdAt: now })
        .execute();
    }
    await trx
      .insertInto('eventLog')
      .values({
        at: now,
        actor,
        kind: existing ? 'partner.channel_changed' : 'partner.channel_added',
        entityType: 'partner',
        entityId: input.partnerId,
        // Never the secret: the event log is readable by every desk.
        payload: JSON.stringify({
          channelId: id,
          kind: row.kind,
          address: row.address,
          enabled: input.enabled,
        }),
      })
      .execute();
    return channelView(
      await trx.selectFrom('partnerChannel').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  });
  ctx.bus.emit('notices.changed', { partnerIds: [input.partnerId] });
  return view;
}
