import type { Logger } from '../api/registry';
import type { AppContext } from '../app/context';
import { INGEST_ENABLED, INGEST_HOST, INGEST_PORT, INGEST_STATUS, type IngestStatus } from './ingestSettings';
import type { RunningIngestServer } from './server';
import { type IngestOverrides, type IngestStart, openConfiguredIngest } from './startConfigured';

// The partner ingest server as the settings say, while the app runs: a change of ingest.enabled,
// ingest.host or ingest.port (settings.changed) closes the listener and opens it on the new address,
// or stops or starts it. How that went is stored as the setting 'ingest.status', which the settings
// view shows; a port in use is logged and shown there, and the plant runs on without the ingest.
//
// The command line outranks the stored settings at start; once a person changes the ingest settings
// in the running app, those apply (host and port from the command line are dropped). --no-ingest
// stays in force: the person who started the app that way asked for no listener in this run.

const WATCHED = new Set([INGEST_ENABLED, INGEST_HOST, INGEST_PORT]);

export class LiveIngest {
  private running: RunningIngestServer | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;
  private closed = false;

  private constructor(
    private readonly ctx: AppContext,
    private overrides: IngestOverrides,
    private readonly logger: Logger,
  ) {
    this.unsubscribe = ctx.bus.on('settings.changed', ({ keys }) => {
      if (!keys.some((key) => WATCHED.has(key))) return;
      this.overrides = this.overrides.enabled === false ? { enabled: false } : {};
      void this.restart();
    });
  }

  /** Starts the listener as the settings and the command line say, and follows later changes. */
  static async start(
    ctx: AppContext,
    overrides: IngestOverrides = {},
    logger: Logger = console,
  ): Promise<LiveIngest> {
    const live = new LiveIngest(ctx, overrides, logger);
    await live.restart();
    return live;
  }

  /** The listener while it runs. */
  get server(): RunningIngestServer | null {
    return this.running;
  }

  /** Resolves when every change announced so far has been applied (tests wait on it). */
  settled(): Promise<void> {
    return this.queue;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    await this.queue;
    await this.running?.close();
    this.running = null;
  }

  /** Closes the current listener and opens one as configured now; changes never overlap. */
  private restart(): Promise<void> {
    this.queue = this.queue
      .then(async () => {
        if (this.closed) return;
        const previous = this.running;
        this.running = null;
        await previous?.close();
        const started = await openConfiguredIngest(this.ctx, this.overrides, this.logger);
        if (started.state === 'listening') this.running = started.server;
        this.report(started);
      })
      .catch((error: unknown) => this.logger.error('[ingest] could not apply the ingest settings:', error));
    return this.queue;
  }

  private report(started: IngestStart): void {
    const status: IngestStatus = {
      state: started.state,
      url: started.state === 'listening' ? started.server.url : null,
      error: started.state === 'failed' ? `${started.host}:${started.port}: ${started.reason}` : null,
      offByCommandLine: this.overrides.enabled === false,
      at: this.ctx.clock.now(),
    };
    this.ctx.database.sqlite
      .prepare(
        `INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(INGEST_STATUS, JSON.stringify(status), status.at);
    this.ctx.bus.emit('settings.changed', { keys: [INGEST_STATUS] });
  }
}
