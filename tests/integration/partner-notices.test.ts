import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../src-main/api/events';
import { procedures } from '../../src-main/api/procedures/index';
import { type Caller, callProcedure } from '../../src-main/api/registry';
import type { AppContext } from '../../src-main/app/context';
import { openDatabase } from '../../src-main/db/connection';
import { moveSlot } from '../../src-main/services/dock/slotMoves';
import { PartnerNoticeDispatcher } from '../../src-main/services/partnerNotices/dispatcher';
import { EVENT_CURSOR_KEY } from '../../src-main/services/partnerNotices/eventFeed';
import { loadCoveragePlant } from '../support/coveragePlant';
import { loadFixturePlant } from '../support/fixturePlant';
import { testContext } from '../support/testContext';
import {
  type SmtpReceiver,
  startSmtpReceiver,
  startWebhookReceiver,
  type WebhookReceiver,
} from './partner-notices-receivers';

const desk: Caller = { transport: 'internal', access: 'write' };
const viewer: Caller = { transport: 'http', access: 'read' };
const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
const SECRET = 'whsec-huber-0123456789abcdef';
const SECOND = 1000;

let t: Awaited<ReturnType<typeof testContext>>;
let ctx: AppContext;
let receiver: WebhookReceiver;
let smtp: SmtpReceiver | null = null;
const dispatchers: PartnerNoticeDispatcher[] = [];

beforeEach(async () => {
  t = await testContext();
  ctx = t.ctx;
  receiver = await startWebhookReceiver(SECRET, () => t.clock.now());
});
afterEach(async () => {
  for (const dispatcher of dispatchers.splice(0)) await dispatcher.close();
  await receiver.close();
  await smtp?.close();
  smtp = null;
  await ctx.database.close();
  await t.dispose();
});

const call = async (name: string, input: unknown, caller = desk) => {
  const result = await callProcedure(ctx, procedures, name, input, caller, silent);
  return result;
};
const value = async <T = Record<string, unknown>>(name: string, input: unknown) => {
  const result = await call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
};

function dispatcher(options: ConstructorParameters<typeof PartnerNoticeDispatcher>[1] = {}) {
  const made = new PartnerNoticeDispatcher(ctx, { logger: silent, wallNow: () => t.clock.now(), ...options });
  dispatchers.push(made);
  return made;
}

async function logEvent(kind: string, deliveryId: string, payload: unknown, actor = 'user') {
  await ctx.database.db
    .insertInto('eventLog')
    .values({
      at: t.clock.now(),
      actor,
      kind,
      entityType: 'delivery',
      entityId: deliveryId,
      payload: JSON.stringify(payload),
    })
    .execute();
}

async function messages() {
  return ctx.database.db
    .selectFrom('partnerMessage')
    .selectAll()
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

const webhookFor = (partnerId: string, extra: Record<string, unknown> = {}) =>
  value('partnerNotices.setChannel', {
    partnerId,
    kind: 'webhook',
    address: receiver.url,
    secret: SECRET,
    ...extra,
  });

/** Reopens the database file as a restarted app would. */
async function restart() {
  const path = ctx.database.path;
  await ctx.database.close();
  ctx = { database: await openDatabase({ path }), bus: new EventBus(), clock: t.clock };
}

describe('partner channels', () => {
  beforeEach(() => loadFixturePlant(ctx));

  it('stores a webhook with its secret but never gives the secret back', async () => {
    const channel = await webhookFor('C1');
    expect(channel).toMatchObject({
      kind: 'webhook',
      address: receiver.url,
      hasSecret: true,
      language: 'de',
    });
    const listed = await value<{ defaultLanguage: string; channels: unknown[] }>('partnerNotices.channels', {
      partnerId: 'C1',
    });
    expect(listed.channels).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    const log = await ctx.database.db.selectFrom('eventLog').select('payload').execute();
    expect(JSON.stringify(log)).not.toContain(SECRET);
  });

  it('defaults to English outside Germany and Austria, and keeps the secret on an edit', async () => {
    const first = await webhookFor('S1');
    expect(first).toMatchObject({ language: 'en' });
    const edited = await value('partnerNotices.setChannel', {
      partnerId: 'S1',
      id: first.id,
      kind: 'webhook',
      address: `${receiver.url}?v=2`,
      language: 'de',
      enabled: false,
    });
    expect(edited).toMatchObject({ hasSecret: true, language: 'de', enabled: false });
    const row = await ctx.database.db.selectFrom('partnerChannel').selectAll().executeTakeFirstOrThrow();
    expect(row.secret).toBe(SECRET);
  });

  it('refuses addresses that are not http(s) URLs or e-mail addresses, and a webhook without secret', async () => {
    const ftp = await call('partnerNotices.setChannel', {
      partnerId: 'C1',
      kind: 'webhook',
      address: 'ftp://huber.example/in',
      secret: SECRET,
    });
    expect(!ftp.ok && ftp.error.message).toBe(
      'partnerNotices.setChannel: address: must be an http:// or https:// URL',
    );
    const mail = await call('partnerNotices.setChannel', {
      partnerId: 'C1',
      kind: 'email',
      address: 'huber@',
    });
    expect(!mail.ok && mail.error.message).toBe(
      'partnerNotices.setChannel: address: must be an e-mail address',
    );
    const noSecret = await call('partnerNotices.setChannel', {
      partnerId: 'C1',
      kind: 'webhook',
      address: receiver.url,
    });
    expect(!noSecret.ok && noSecret.error.code).toBe('INVALID_INPUT');
    const nobody = await call('partnerNotices.setChannel', {
      partnerId: 'X9',
      kind: 'email',
      address: 'a@b.de',
    });
    expect(!nobody.ok && nobody.error.code).toBe('NOT_FOUND');
    expect(await ctx.database.db.selectFrom('partnerChannel').selectAll().execute()).toEqual([]);
    const readOnly = await call(
      'partnerNotices.setChannel',
      { partnerId: 'C1', kind: 'email', address: 'a@b.de' },
      viewer,
    );
    expect(!readOnly.ok && readOnly.error.code).toBe('FORBIDDEN');
  });
});

describe('notices by webhook', () => {
  beforeEach(() => loadFixturePlant(ctx));

  it('confirms a booked slot to the carrier, signed, in German with plant-local times', async () => {
    await webhookFor('C1');
    const notices = dispatcher();
    await notices.runOnce(); // a fresh outbox starts at the end of the event log
    await logEvent('slot.booked', 'D-1', { doorId: 'T1', start: t.clock.now() + 60 * 60_000 });
    const round = await notices.runOnce();
    expect(round).toEqual({ queued: 1, sent: 1, retrying: 0, failed: 0 });
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request!.verified).toBe(true);
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({
      kind: 'slot_confirmation',
      partnerId: 'C1',
      language: 'de',
      subject: 'Slotbestätigung: Anlieferung ASN-D-1 am Fr 27.11.2026, 10:00–10:30 Uhr, Tor 1',
      data: { delivery: { deliveryId: 'D-1', slotStart: '2026-11-27T10:00:00+01:00' } },
    });
    expect(body.id).toBe(request!.noticeId);
    const log = await value<{
      messages: { status: string; attempts: number; sentAt: number }[];
      failed: number;
    }>('partnerNotices.log', { partnerId: 'C1' });
    expect(log.messages).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 1, sentAt: t.clock.now() }),
    ]);
    expect(log.failed).toBe(0);
    expect(t.events).toContainEqual({ event: 'notices.changed', payload: { partnerIds: ['C1'] } });
  });

  it('retries with exponential backoff on the manual clock until the receiver takes it', async () => {
    await webhookFor('C1');
    const notices = dispatcher({ baseDelayMs: 30 * SECOND });
    await notices.runOnce();
    receiver.answer(500, 500, 500);
    await logEvent('slot.moved', 'D-1', {
      fromDoorId: 'T2',
      fromStart: t.clock.now(),
      toDoorId: 'T1',
      toStart: t.clock.now() + 3_600_000,
    });
    const start = t.clock.now();
    expect(await notices.runOnce()).toMatchObject({ queued: 1, retrying: 1 });
    const [first] = await messages();
    expect(first).toMatchObject({
      status: 'queued',
      attempts: 1,
      nextAttemptAt: start + 30 * SECOND,
      lastError: 'The webhook answered HTTP 500.',
    });
    // Nothing is due before its time.
    await notices.runOnce();
    expect(receiver.requests).toHaveLength(1);
    t.clock.set(start + 30 * SECOND);
    expect(await notices.runOnce()).toMatchObject({ retrying: 1 });
    expect((await messages())[0]).toMatchObject({ attempts: 2, nextAttemptAt: start + 90 * SECOND });
    t.clock.set(start + 89 * SECOND);
    await notices.runOnce();
    expect(receiver.requests).toHaveLength(2);
    t.clock.set(start + 90 * SECOND);
    await notices.runOnce();
    expect((await messages())[0]).toMatchObject({ attempts: 3, nextAttemptAt: start + 210 * SECOND });
    t.clock.set(start + 210 * SECOND);
    expect(await notices.runOnce()).toMatchObject({ sent: 1 });
    expect((await messages())[0]).toMatchObject({
      status: 'sent',
      attempts: 4,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(receiver.requests.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    // Every attempt carried the same notice and the same bytes.
    expect(new Set(receiver.requests.map((r) => r.body)).size).toBe(1);
    expect(JSON.parse(receiver.requests[3]!.body).subject).toBe(
      'Slotänderung: Anlieferung ASN-D-1 jetzt am Fr 27.11.2026, 10:00–10:30 Uhr, Tor 1',
    );
  });

  it('marks a notice failed after the last attempt; a retry by hand sends it', async () => {
    await webhookFor('C1');
    const notices = dispatcher({ maxAttempts: 3, baseDelayMs: 10 * SECOND });
    await notices.runOnce();
    receiver.answer(503, 503, 503);
    await logEvent('slot.booked', 'D-2', {});
    await notices.runOnce();
    t.clock.set(t.clock.now() + 10 * SECOND);
    await notices.runOnce();
    t.clock.set(t.clock.now() + 20 * SECOND);
    expect(await notices.runOnce()).toMatchObject({ failed: 1 });
    t.clock.set(t.clock.now() + 3_600_000);
    await notices.runOnce();
    expect(receiver.requests).toHaveLength(3);
    const failed = await value<{
      messages: { id: string; status: string; attempts: number; lastError: string }[];
      failed: number;
    }>('partnerNotices.log', { status: 'failed' });
    expect(failed.failed).toBe(1);
    const [notice] = failed.messages;
    expect(notice).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'The webhook answered HTTP 503.',
    });
    const retried = await call('partnerNotices.retry', { id: notice!.id });
    expect(retried).toEqual({ ok: true, value: { id: notice!.id, status: 'queued' } });
    expect(await notices.runOnce()).toMatchObject({ sent: 1 });
    expect((await messages())[0]).toMatchObject({ status: 'sent', attempts: 1 });
    const again = await call('partnerNotices.retry', { id: notice!.id });
    expect(!again.ok && again.error.code).toBe('CONFLICT');
    const missing = await call('partnerNotices.retry', { id: 'N-404' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('after a restart mid-send, sends the interrupted notice again under the same id: the partner acts once', async () => {
    await webhookFor('C1');
    const first = dispatcher();
    await first.runOnce();
    await logEvent('slot.booked', 'D-1', {});
    const arrived = receiver.holdNext();
    const round = first.runOnce();
    await arrived;
    expect((await messages())[0]).toMatchObject({ status: 'sending', attempts: 1 });
    await first.close(); // the process stops while the receiver has not answered yet
    await round;
    expect((await messages())[0]).toMatchObject({ status: 'sending' });

    await restart();
    const second = dispatcher();
    expect(await second.recover()).toBe(1);
    expect(await second.runOnce()).toMatchObject({ queued: 0, sent: 1 });
    await second.runOnce();
    const rows = await messages();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[0]!.body).toBe(receiver.requests[1]!.body);
    expect(receiver.processed.size).toBe(1);
  });

  it('follows the event log with a cursor across restarts: nothing missed, nothing twice', async () => {
    await webhookFor('C1');
    // History from before the outbox existed is not sent out.
    await logEvent('slot.booked', 'D-3', {});
    await dispatcher().runOnce();
    expect(await messages()).toEqual([]);

    await logEvent('slot.booked', 'D-1', {});
    await logEvent('delivery.note', 'D-1', { note: 'Palette' });
    expect(await dispatchers[0]!.runOnce()).toMatchObject({ queued: 1, sent: 1 });
    await dispatchers[0]!.close();
    // Written while Leitstand was closed:
    await logEvent('slot.swapped', 'D-2', {
      fromDoorId: 'T2',
      fromStart: t.clock.now() + 30 * 60_000,
      toDoorId: 'T1',
      toStart: t.clock.now() + 60 * 60_000,
    });
    await restart();
    expect(await dispatcher().runOnce()).toMatchObject({ queued: 1, sent: 1 });
    const rows = await messages();
    expect(rows.map((row) => [row.kind, row.deliveryId]).sort()).toEqual([
      ['slot_change', 'D-2'],
      ['slot_confirmation', 'D-1'],
    ]);
    const cursor = await ctx.database.db
      .selectFrom('setting')
      .select('value')
      .where('key', '=', EVENT_CURSOR_KEY)
      .executeTakeFirstOrThrow();
    const last = await ctx.database.db
      .selectFrom('eventLog')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    expect(Number(cursor.value)).toBe(Number(last.id));
    // Even a cursor set back (to just after the history) does not queue a notice twice.
    await ctx.database.db
      .updateTable('setting')
      .set({ value: String(Number(last.id) - 3) })
      .where('key', '=', EVENT_CURSOR_KEY)
      .execute();
    expect(await dispatchers[1]!.runOnce()).toMatchObject({ queued: 0, sent: 0 });
    expect(receiver.requests).toHaveLength(2);
  });

  it('reads a long backlog in batches in one round, and sends the outbox in portions', async () => {
    await webhookFor('C1');
    const notices = dispatcher({ batch: 20 });
    await notices.runOnce();
    await ctx.database.db
      .insertInto('eventLog')
      .values(
        Array.from({ length: 450 }, (_, i) => ({
          at: t.clock.now(),
          actor: 'user',
          kind: i % 2 ? 'slot.booked' : 'delivery.note',
          entityType: 'delivery',
          entityId: 'D-1',
          payload: '{}',
        })),
      )
      .execute();
    expect(await notices.runOnce()).toMatchObject({ queued: 225, sent: 20 });
    expect(await notices.runOnce()).toMatchObject({ queued: 0, sent: 20 });
    const counts = await ctx.database.db
      .selectFrom('partnerMessage')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .orderBy('status')
      .execute();
    expect(counts.map((row) => [row.status, Number(row.n)])).toEqual([
      ['queued', 185],
      ['sent', 40],
    ]);
  });

  it('acknowledges a delay to the partner who reported it only, and skips disabled channels', async () => {
    await webhookFor('C1');
    await webhookFor('S1', { enabled: false });
    const notices = dispatcher();
    await notices.runOnce();
    const eta = t.clock.now() + 135 * 60_000;
    await logEvent('delivery.delayed', 'D-1', { eta, reason: 'Stau auf der A9' }, 'partner:C1');
    await logEvent('delivery.delayed', 'D-1', { eta, reason: 'Stau' }, 'partner:S1');
    await logEvent('delivery.delayed', 'D-1', { eta, reason: 'Stau' }, 'user');
    await logEvent('delivery.delayed', 'D-1', { eta, reason: 'Stau' }, 'partner:X9');
    expect(await notices.runOnce()).toMatchObject({ queued: 1, sent: 1 });
    const body = JSON.parse(receiver.requests[0]!.body);
    expect(body).toMatchObject({
      partnerId: 'C1',
      kind: 'delay_ack',
      subject: 'Verspätung erhalten: Anlieferung ASN-D-1, neue ETA Fr 27.11.2026, 11:15 Uhr',
    });
    expect(body.text).toContain('Grund: Stau auf der A9');
  });
});

describe('notices by e-mail', () => {
  beforeEach(async () => {
    await loadFixturePlant(ctx);
    smtp = await startSmtpReceiver();
  });

  it('keeps the SMTP password out of every read, and mails a delay acknowledgement in English', async () => {
    const settings = await value('partnerNotices.setSmtpSettings', {
      host: '127.0.0.1',
      port: smtp!.port,
      secure: false,
      user: null,
      password: 'Sehr-Geheim-42',
      from: 'leitstand@werk.example',
    });
    expect(settings).toEqual({
      configured: true,
      host: '127.0.0.1',
      port: smtp!.port,
      secure: false,
      user: null,
      passwordSet: true,
      from: 'leitstand@werk.example',
    });
    for (const name of ['partnerNotices.smtpSettings', 'partnerNotices.log', 'partnerNotices.channels']) {
      const input = name === 'partnerNotices.channels' ? { partnerId: 'S1' } : {};
      // Contact data and the outbox are for the desk; a wall viewer's token does not reach them.
      expect((await call(name, input, viewer)).ok).toBe(false);
      const read = await call(name, input);
      expect(read.ok).toBe(true);
      expect(JSON.stringify(read)).not.toContain('Sehr-Geheim-42');
    }
    // Leaving the password out keeps it; the server here takes mail without login anyway.
    await value('partnerNotices.setSmtpSettings', {
      host: '127.0.0.1',
      port: smtp!.port,
      secure: false,
      from: 'leitstand@werk.example',
    });
    expect(await value('partnerNotices.smtpSettings', {})).toMatchObject({ passwordSet: true });

    await value('partnerNotices.setChannel', {
      partnerId: 'S1',
      kind: 'email',
      address: 'jana@kabelwerk.example',
    });
    const notices = dispatcher();
    await notices.runOnce();
    await logEvent(
      'delivery.delayed',
      'D-1',
      { eta: t.clock.now() + 135 * 60_000, reason: 'Grenzkontrolle' },
      'partner:S1',
    );
    expect(await notices.runOnce()).toMatchObject({ queued: 1, sent: 1 });
    expect(smtp!.mails).toHaveLength(1);
    const [mail] = smtp!.mails;
    expect(mail!.from).toBe('leitstand@werk.example');
    expect(mail!.to).toEqual(['jana@kabelwerk.example']);
    expect(mail!.subject).toBe('Delay received: delivery ASN-D-1, new ETA Fri 27 Nov 2026, 11:15');
    expect(mail!.text).toContain('Reason: Grenzkontrolle');
    expect(mail!.text).toContain('Booked time slot: Fri 27 Nov 2026, 10:00–10:30');
    const [row] = await messages();
    expect(mail!.headers.get('x-leitstand-notice-id')).toBe(row!.id);
  });

  it('mails a German slot confirmation with umlauts intact, and retries while no SMTP server is set', async () => {
    await value('partnerNotices.setChannel', {
      partnerId: 'C1',
      kind: 'email',
      address: 'dispo@huber.example',
    });
    const notices = dispatcher({ baseDelayMs: 5 * SECOND });
    await notices.runOnce();
    await logEvent('slot.booked', 'D-1', {});
    expect(await notices.runOnce()).toMatchObject({ retrying: 1 });
    expect((await messages())[0]!.lastError).toBe('No SMTP server is set up (settings smtp.*).');
    await value('partnerNotices.setSmtpSettings', {
      host: '127.0.0.1',
      port: smtp!.port,
      secure: false,
      from: 'leitstand@werk.example',
    });
    t.clock.set(t.clock.now() + 5 * SECOND);
    expect(await notices.runOnce()).toMatchObject({ sent: 1 });
    expect(smtp!.mails[0]!.subject).toBe(
      'Slotbestätigung: Anlieferung ASN-D-1 am Fr 27.11.2026, 10:00–10:30 Uhr, Tor 1',
    );
    expect(smtp!.mails[0]!.text).toContain('Bitte melden Sie sich bei Ankunft an der Werkstor-Anmeldung.');
  });
});

describe('shortage alerts', () => {
  beforeEach(() => loadCoveragePlant(ctx));

  it('alerts the supplier of the part once per predicted stoppage, again only when it gets much worse', async () => {
    await webhookFor('S1');
    const notices = dispatcher();
    expect(await notices.runOnce({ shortages: true })).toMatchObject({ queued: 1, sent: 1 });
    const alert = JSON.parse(receiver.requests[0]!.body);
    expect(alert).toMatchObject({
      kind: 'shortage_alert',
      partnerId: 'S1',
      language: 'en',
      data: {
        partId: '4711-002',
        line: 'Linie 1',
        durationMinutes: 45,
        endingDelivery: { deliveryId: 'D-2' },
      },
    });
    expect(alert.subject).toBe('Shortage alert: part 4711-002 – Linie 1 stops from Fri 27 Nov 2026, 10:35');
    expect(await notices.runOnce({ shortages: true })).toMatchObject({ queued: 0 });

    // The truck that ends it is an hour later: 45 → 75 minutes is much worse (× 1.5 and + 30).
    await ctx.database.db
      .updateTable('inboundDelivery')
      .set({ eta: t.clock.now() + 150 * 60_000 })
      .where('id', '=', 'D-2')
      .execute();
    expect(await notices.runOnce({ shortages: true })).toMatchObject({ queued: 1, sent: 1 });
    expect(JSON.parse(receiver.requests[1]!.body).data).toMatchObject({
      stoppageId: alert.data.stoppageId,
      durationMinutes: 75,
    });
    // Ten minutes more (85) is not.
    await ctx.database.db
      .updateTable('inboundDelivery')
      .set({ eta: t.clock.now() + 160 * 60_000 })
      .where('id', '=', 'D-2')
      .execute();
    expect(await notices.runOnce({ shortages: true })).toMatchObject({ queued: 0 });
    expect(receiver.requests).toHaveLength(2);
  });

  it('previews each template for a delivery, in either language', async () => {
    for (const kind of ['slot_confirmation', 'slot_change', 'delay_ack', 'shortage_alert']) {
      const de = await value<{ subject: string; body: string }>('partnerNotices.preview', {
        kind,
        deliveryId: 'D-2',
        language: 'de',
      });
      const en = await value<{ subject: string; body: string }>('partnerNotices.preview', {
        kind,
        deliveryId: 'D-2',
        language: 'en',
      });
      expect(de.body).toContain('Ortszeit des Werks');
      expect(en.body).toContain('plant-local');
    }
    const none = await call('partnerNotices.preview', {
      kind: 'shortage_alert',
      deliveryId: 'D-1',
      language: 'de',
    });
    expect(!none.ok && none.error.code).toBe('NOT_FOUND');
  });
});

describe('notices from the dock', () => {
  beforeEach(() => loadCoveragePlant(ctx));

  it('tells supplier and carrier, each in its language, when the dock moves a slot', async () => {
    await webhookFor('C1');
    await webhookFor('S1');
    const notices = dispatcher();
    await notices.runOnce();
    await moveSlot(ctx, { deliveryId: 'D-1', doorId: 'T1', slotStart: t.clock.now() + 90 * 60_000 });
    expect(await notices.runOnce()).toMatchObject({ queued: 2, sent: 2 });
    const bodies = receiver.requests
      .map((r) => JSON.parse(r.body))
      .filter((b) => b.kind !== 'shortage_alert') // the plant's stoppage was told in the first round
      .sort((a, b) => a.partnerId.localeCompare(b.partnerId));
    expect(bodies.map((b) => [b.partnerId, b.kind, b.language])).toEqual([
      ['C1', 'slot_change', 'de'],
      ['S1', 'slot_change', 'en'],
    ]);
    expect(bodies[0].text).toContain('Neu: Fr 27.11.2026, 10:30–11:00 Uhr, Tor 1');
    expect(bodies[0].text).toContain('Bisher: Fr 27.11.2026, 10:00 Uhr, Tor 1');
    expect(bodies[1].subject).toBe(
      'Slot change: delivery ASN-D-1 now on Fri 27 Nov 2026, 10:30–11:00, Tor 1',
    );
  });
});

describe('edited channels', () => {
  beforeEach(() => loadFixturePlant(ctx));

  it('sends what is still queued to the edited address, and fails it at once on a switched-off channel', async () => {
    const other = await startWebhookReceiver(SECRET, () => t.clock.now());
    try {
      const channel = await webhookFor('C1');
      const notices = dispatcher();
      await notices.runOnce();
      receiver.answer(500);
      await logEvent('slot.booked', 'D-1', {});
      expect(await notices.runOnce()).toMatchObject({ retrying: 1 });
      await value('partnerNotices.setChannel', {
        partnerId: 'C1',
        id: channel.id,
        kind: 'webhook',
        address: other.url,
      });
      t.clock.set(t.clock.now() + 60 * SECOND);
      expect(await notices.runOnce()).toMatchObject({ sent: 1 });
      expect(other.requests).toHaveLength(1);
      expect((await messages())[0]).toMatchObject({ address: other.url, status: 'sent' });

      other.answer(500);
      await logEvent('slot.booked', 'D-2', {});
      expect(await notices.runOnce()).toMatchObject({ retrying: 1 });
      await value('partnerNotices.setChannel', {
        partnerId: 'C1',
        id: channel.id,
        kind: 'webhook',
        address: other.url,
        enabled: false,
      });
      t.clock.set(t.clock.now() + 60 * SECOND);
      expect(await notices.runOnce()).toMatchObject({ failed: 1 });
      const [failed] = (await messages()).filter((row) => row.deliveryId === 'D-2');
      expect(failed).toMatchObject({
        status: 'failed',
        attempts: 2,
        lastError: 'The channel is switched off; switch it on and send the notice again.',
      });
      expect(other.requests).toHaveLength(2);
    } finally {
      await other.close();
    }
  });
});
