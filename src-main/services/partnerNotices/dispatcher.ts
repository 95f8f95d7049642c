import type { Logger } from '../../api/registry';
import type { AppContext } from '../../app/context';
import { consumeEventLog } from './eventFeed';
import { errorText, type NoticeTransport, type OutgoingNotice, standardTransport } from './noticeTransport';
import { alertShortages } from './shortageAlerts';

// The dispatcher works through the outbox in the app process. Per round it reads new events into
// notices, looks for new shortages when the projection changed, then sends what is due.
//
// Sending once: a notice is claimed ('queued' → 'sending', attempts + 1) in its own statement
// before it leaves, and marked 'sent' or rescheduled after. A restart finds a notice still
// 'sending' — the process stopped mid-send — and queues it again with the same id and body;
// receivers drop a notice id they already have, so the partner acts on it once.
//
// Retries back off exponentially (base × 2^(attempt−1), capped) in plant time; after the last
// attempt the notice is 'failed', shown in the partner's log, and can be retried by hand.

export interface DispatcherOptions {
  logger?: Logger;
  transport?: NoticeTransport;
  /** Real time for webhook signatures (receivers compare with their own clock). */
  wallNow?: () => number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How often the outbox is looked at without a wake-up (real time). */
  pollMs?: number;
  /** Notices sent per round at most. */
  batch?: number;
}

export interface RoundResult {
  queued: number;
  sent: number;
  retrying: number;
  failed: number;
}

/** With the default 30 s base: retries over about an hour (30 s, 1, 2, 4, 8, 16, 32 min). */
export const DEFAULT_MAX_ATTEMPTS = 8;

export function retryDelay(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

const dispatchers = new WeakMap<AppContext, PartnerNoticeDispatcher>();

/** The running dispatcher of the app, if any: a retry by hand wakes it. */
export function dispatcherOf(ctx: AppContext): PartnerNoticeDispatcher | null {
  return dispatchers.get(ctx) ?? null;
}

export class PartnerNoticeDispatcher {
  private readonly logger: Logger;
  private readonly transport: NoticeTransport;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly pollMs: number;
  private readonly batch: number;
  private readonly inFlight = new AbortController();
  private offs: (() => void)[] = [];
  private poll: ReturnType<typeof setInterval> | null = null;
  private wake: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<RoundResult> | null = null;
  private again = false;
  private shortagesWanted = true;
  private closed = false;
  /** Only a started dispatcher schedules rounds itself; one driven by hand (tests) never does. */
  private started = false;

  constructor(
    private readonly ctx: AppContext,
    options: DispatcherOptions = {},
  ) {
    this.logger = options.logger ?? console;
    this.transport = options.transport ?? standardTransport(ctx.database.db, options.wallNow);
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.baseDelayMs = options.baseDelayMs ?? 30_000;
    this.maxDelayMs = options.maxDelayMs ?? 60 * 60_000;
    this.pollMs = options.pollMs ?? 15_000;
    this.batch = options.batch ?? 20;
  }

  /**
   * Recovers interrupted sends and marks where the event log stands (a fresh outbox does not send
   * the history), then listens for changes and polls; the timers never hold the process open.
   */
  async start(): Promise<void> {
    await this.recover();
    await consumeEventLog(this.ctx.database.db, this.ctx.clock.now(), { startOnly: true });
    if (this.closed) return;
    this.started = true;
    dispatchers.set(this.ctx, this);
    this.offs.push(
      this.ctx.bus.on('deliveries.changed', () => this.request()),
      this.ctx.bus.on('coverage.changed', () => {
        this.shortagesWanted = true;
        this.request();
      }),
    );
    this.poll = setInterval(() => this.request(), this.pollMs);
    this.poll.unref?.();
    this.request();
  }

  /** Asks for a round soon (coalesced); a round already running is followed by one more. */
  request(): void {
    if (this.closed || !this.started) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.wake) return;
    this.wake = setTimeout(() => {
      this.wake = null;
      void this.runOnce().catch((error: unknown) => this.logger.error('[notices] a round failed:', error));
    }, 0);
    this.wake.unref?.();
  }

  /** Stops timers and listeners, aborts a send in progress (it stays 'sending': recovered next start). */
  async close(): Promise<void> {
    this.closed = true;
    for (const off of this.offs) off();
    this.offs = [];
    if (this.poll) clearInterval(this.poll);
    if (this.wake) clearTimeout(this.wake);
    this.poll = this.wake = null;
    this.inFlight.abort();
    await this.running?.catch(() => undefined);
    if (dispatchers.get(this.ctx) === this) dispatchers.delete(this.ctx);
  }

  /** Notices left 'sending' by a stopped process go back to the outbox; returns how many. */
  async recover(): Promise<number> {
    const now = this.ctx.clock.now();
    const result = await this.ctx.database.db
      .updateTable('partnerMessage')
      .set({
        status: 'queued',
        nextAttemptAt: now,
        lastError: 'Interrupted while sending (Leitstand stopped); sent again with the same notice id.',
      })
      .where('status', '=', 'sending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * One round: events → notices, shortages → alerts (after a projection change, or when asked),
   * then the due notices. Tests call it by hand.
   */
  runOnce(options: { shortages?: boolean } = {}): Promise<RoundResult> {
    if (options.shortages) this.shortagesWanted = true;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const round = this.round().finally(() => {
      this.running = null;
      if (this.again && !this.closed) {
        this.again = false;
        this.request();
      }
    });
    this.running = round;
    return round;
  }

  private async round(): Promise<RoundResult> {
    const result: RoundResult = { queued: 0, sent: 0, retrying: 0, failed: 0 };
    const touched = new Set<string>();
    for (;;) {
      const feed = await consumeEventLog(this.ctx.database.db, this.ctx.clock.now());
      result.queued += feed.queued;
      for (const partnerId of feed.partnerIds) touched.add(partnerId);
      if (!feed.more || this.closed) break;
    }
    if (this.shortagesWanted && !this.closed) {
      this.shortagesWanted = false;
      const alerts = await alertShortages(this.ctx);
      result.queued += alerts.queued;
      for (const partnerId of alerts.partnerIds) touched.add(partnerId);
    }
    const due = await this.ctx.database.db
      .selectFrom('partnerMessage')
      .select(['id', 'partnerId'])
      .where('status', '=', 'queued')
      .where('nextAttemptAt', '<=', this.ctx.clock.now())
      .orderBy('nextAttemptAt')
      .orderBy('createdAt')
      .limit(this.batch)
      .execute();
    for (const { id, partnerId } of due) {
      if (this.closed) break;
      const outcome = await this.deliver(id);
      if (outcome) {
        result[outcome] += 1;
        touched.add(partnerId);
      }
    }
    if (due.length === this.batch) this.again = true;
    if (touched.size > 0) {
      this.ctx.bus.emit('notices.changed', { partnerIds: [...touched].sort() });
    }
    return result;
  }

  private async deliver(id: string): Promise<'sent' | 'retrying' | 'failed' | null> {
    const { db } = this.ctx.database;
    const claimed = await db
      .updateTable('partnerMessage')
      .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
    if (!claimed) return null;
    let failure: string | null = null;
    // A removed or switched-off channel will not heal by waiting: no further attempts then.
    let hopeless = false;
    try {
      const channel = claimed.channelId
        ? await db
            .selectFrom('partnerChannel')
            .select(['kind', 'address', 'secret', 'enabled'])
            .where('id', '=', claimed.channelId)
            .executeTakeFirst()
        : undefined;
      if (channel?.enabled !== 1) {
        hopeless = true;
        throw new Error(
          channel
            ? 'The channel is switched off; switch it on and send the notice again.'
            : 'The channel of this notice was removed.',
        );
      }
      // An edited channel (new URL or address) applies to what is still in the outbox.
      if (channel.address !== claimed.address || channel.kind !== claimed.channel) {
        await db
          .updateTable('partnerMessage')
          .set({ address: channel.address, channel: channel.kind })
          .where('id', '=', id)
          .execute();
      }
      const notice: OutgoingNotice = { ...claimed, address: channel.address, channel: channel.kind };
      await this.transport.send(notice, channel.secret, this.inFlight.signal);
    } catch (error) {
      // Closing mid-send leaves the notice 'sending', exactly as a crash would.
      if (this.inFlight.signal.aborted) return null;
      failure = errorText(error);
    }
    const now = this.ctx.clock.now();
    if (failure === null) {
      await db
        .updateTable('partnerMessage')
        .set({ status: 'sent', sentAt: now, nextAttemptAt: null, lastError: null })
        .where('id', '=', id)
        .execute();
      return 'sent';
    }
    const giveUp = hopeless || claimed.attempts >= this.maxAttempts;
    await db
      .updateTable('partnerMessage')
      .set({
        status: giveUp ? 'failed' : 'queued',
        nextAttemptAt: giveUp ? null : now + retryDelay(claimed.attempts, this.baseDelayMs, this.maxDelayMs),
        lastError: failure,
      })
      .where('id', '=', id)
      .execute();
    if (giveUp)
      this.logger.warn(`[notices] notice ${id} failed after ${claimed.attempts} attempts: ${failure}`);
    return giveUp ? 'failed' : 'retrying';
  }
}

/** Starts the dispatcher of a running Leitstand. */
export async function startPartnerNotices(
  ctx: AppContext,
  options: DispatcherOptions = {},
): Promise<PartnerNoticeDispatcher> {
  const dispatcher = new PartnerNoticeDispatcher(ctx, options);
  await dispatcher.start();
  return dispatcher;
}
