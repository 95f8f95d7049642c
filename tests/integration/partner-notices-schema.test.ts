import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFixturePlant } from '../support/fixturePlant';
import { testContext } from '../support/testContext';

// Migration 0005: the channel and message tables are STRICT and guard what the code relies on.

let t: Awaited<ReturnType<typeof testContext>>;
beforeEach(async () => {
  t = await testContext();
  await loadFixturePlant(t.ctx);
});
afterEach(() => t.dispose());

const channel = (extra: Record<string, unknown> = {}) => ({
  id: 'CH-1',
  partnerId: 'C1',
  kind: 'webhook' as const,
  address: 'https://huber.example/in',
  secret: 'whsec-0123456789abcdef',
  language: 'de' as const,
  enabled: 1,
  createdAt: 0,
  updatedAt: 0,
  ...extra,
});

const message = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  partnerId: 'C1',
  channelId: 'CH-1',
  channel: 'webhook' as const,
  address: 'https://huber.example/in',
  kind: 'slot_confirmation' as const,
  deliveryId: 'D-1',
  topic: 'delivery:D-1',
  sourceKey: 'event:1',
  language: 'de' as const,
  subject: 's',
  body: 'b',
  payload: '{}',
  status: 'queued' as const,
  nextAttemptAt: 0,
  lastError: null,
  createdAt: 0,
  sentAt: null,
  ...extra,
});

describe('schema v5: partner notices', () => {
  it('creates STRICT tables with the outbox and log indexes', () => {
    const { sqlite } = t.ctx.database;
    const tables = sqlite
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE name IN ('partner_channel', 'partner_message')",
      )
      .all() as { name: string; strict: number }[];
    expect(tables.map((table) => [table.name, table.strict]).sort()).toEqual([
      ['partner_channel', 1],
      ['partner_message', 1],
    ]);
    const indexes = (
      sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'partner_message'")
        .all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    expect(indexes).toEqual(
      expect.arrayContaining(['partner_message_outbox', 'partner_message_partner', 'partner_message_source']),
    );
  });

  it('refuses a webhook without secret, an unknown kind, and a second notice for the same cause on a channel', async () => {
    const { db } = t.ctx.database;
    await expect(
      db
        .insertInto('partnerChannel')
        .values(channel({ secret: null }))
        .execute(),
    ).rejects.toThrow(/CHECK constraint/);
    await expect(
      db
        .insertInto('partnerChannel')
        .values(channel({ kind: 'fax' as 'email' }))
        .execute(),
    ).rejects.toThrow(/CHECK constraint/);
    await db.insertInto('partnerChannel').values(channel()).execute();
    await db.insertInto('partnerMessage').values(message('N-1')).execute();
    await expect(db.insertInto('partnerMessage').values(message('N-2')).execute()).rejects.toThrow(/UNIQUE/);
    await expect(
      db
        .insertInto('partnerMessage')
        .values(message('N-3', { sourceKey: 'event:2', status: 'lost' as 'sent' }))
        .execute(),
    ).rejects.toThrow(/CHECK constraint/);
  });

  it('keeps the log when a channel is removed, and removes it with the partner', async () => {
    const { db } = t.ctx.database;
    await db.insertInto('partnerChannel').values(channel()).execute();
    await db.insertInto('partnerMessage').values(message('N-1')).execute();
    await db.deleteFrom('partnerChannel').execute();
    expect(await db.selectFrom('partnerMessage').select(['id', 'channelId']).execute()).toEqual([
      { id: 'N-1', channelId: null },
    ]);
    await db.deleteFrom('inboundDelivery').where('carrierId', '=', 'C1').execute();
    await db.deleteFrom('partner').where('id', '=', 'C1').execute();
    expect(await db.selectFrom('partnerMessage').selectAll().execute()).toEqual([]);
  });
});
