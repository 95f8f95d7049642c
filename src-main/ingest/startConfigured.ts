import type { Logger } from '../api/registry';
import type { AppContext } from '../app/context';
import { isLoopbackAddress, readIngestSettings } from './ingestSettings';
import { type RunningIngestServer, startIngestServer } from './server';

// Starts the partner ingest server as the stored settings and the command line say: the desktop
// app and `npm run serve` both call this. Loopback unless a person chose another address, and then
// with a warning in the log. A port in use is reported; the plant runs on without the ingest.

export interface IngestOverrides {
  /** false: off whatever the settings say (--no-ingest). */
  enabled?: boolean;
  host?: string;
  port?: number;
}

/** How a start went: listening, turned off, or refused (a port in use …) with the reason. */
export type IngestStart =
  | { state: 'listening'; server: RunningIngestServer }
  | { state: 'off' }
  | { state: 'failed'; host: string; port: number; reason: string };

export async function openConfiguredIngest(
  ctx: AppContext,
  overrides: IngestOverrides = {},
  logger: Logger = console,
): Promise<IngestStart> {
  const settings = readIngestSettings(ctx.database.sqlite);
  if (overrides.enabled === false) return { state: 'off' };
  // A port given on the command line is a request to listen, whatever the stored switch says.
  if (!settings.enabled && overrides.port === undefined) {
    logger.info('[ingest] the partner ingest server is turned off (setting ingest.enabled)');
    return { state: 'off' };
  }
  const host = overrides.host ?? settings.host;
  const port = overrides.port ?? settings.port;
  if (!isLoopbackAddress(host)) {
    logger.warn(
      `[ingest] WARNING: the partner ingest server listens on ${host}: partners (and anyone else) on that network can reach it; only a valid partner token is let in.`,
    );
  }
  try {
    const server = await startIngestServer({ ctx, host, port, logger });
    logger.info(`[ingest] partner ingest server at ${server.url} (OsmAnd: ${server.url}osmand/<token>)`);
    return { state: 'listening', server };
  } catch (error) {
    // A port in use is a plain fact for the log, not a stack trace.
    const reason = error instanceof Error ? error.message : String(error);
    logger.error(`[ingest] could not start the partner ingest server on ${host}:${port}: ${reason}`);
    return { state: 'failed', host, port, reason };
  }
}

export async function startConfiguredIngest(
  ctx: AppContext,
  overrides: IngestOverrides = {},
  logger: Logger = console,
): Promise<RunningIngestServer | null> {
  const started = await openConfiguredIngest(ctx, overrides, logger);
  return started.state === 'listening' ? started.server : null;
}
