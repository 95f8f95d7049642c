import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../api/registry';
import { DomainError } from '../api/result';
import type { AppContext } from '../app/context';
import { isDiskFull } from '../db/diskFull';
import { sendJson } from '../server/jsonAnswers';
import { FailureLockout, type LockoutPolicy } from '../server/lockout';
import {
  forgetVerifiedTokens,
  type VerifiedPartnerToken,
  verifyPartnerToken,
} from '../services/accessTokens/partnerTokens';
import { sendRefusal } from './answers';
import { IngestChangeFeed } from './changeFeed';
import { type IngestCollaborators, ingestCollaborators } from './collaborators';
import { DeviceDeliveries } from './deviceDeliveries';
import { PositionBatcher } from './positionBatcher';
import { PositionStore } from './positionStore';
import { DEFAULT_RATE_LIMIT, type RateLimitPolicy, TokenBucketLimiter } from './rateLimit';
import {
  handleDeliveries,
  handleNotice,
  handleOsmand,
  handleStatus,
  type IngestRoutes,
  type RouteHandler,
} from './routes';

// The partner-facing listener: positions in the OsmAnd protocol and the partner JSON endpoints.
// A listener of its own, apart from the app's API server: partners reach this one, never the
// plant's procedures. Every request is authorized by a partner token, rate-limited per token,
// size-capped and parsed by a schema before anything is read or written.

export interface IngestServerOptions {
  ctx: AppContext;
  host?: string;
  port?: number;
  logger?: Logger;
  lockout?: LockoutPolicy;
  rateLimit?: RateLimitPolicy;
  /** How often the views are told of what came in, at most (default 250 ms). */
  feedIntervalMs?: number;
  collaborators?: IngestCollaborators;
}

export interface RunningIngestServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

const OSMAND_PATH = /^\/osmand(?:\/([^/]*))?\/?$/;

const CLOSE_GRACE_MS = 500;

interface Route {
  methods: readonly string[];
  handler: RouteHandler;
}

const OSMAND_ROUTE: Route = { methods: ['GET', 'POST'], handler: handleOsmand };
const PARTNER_ROUTES = new Map<string, Route>([
  ['/partner/v1/status', { methods: ['POST'], handler: handleStatus }],
  ['/partner/v1/notices', { methods: ['POST'], handler: handleNotice }],
  ['/partner/v1/deliveries', { methods: ['GET'], handler: handleDeliveries }],
]);

/** The request target as a URL; a target no URL can be made of ('//', absolute forms) is '/'. */
function requestUrl(target: string | undefined): URL {
  const raw = target ?? '/';
  try {
    return new URL(`http://ingest.invalid${raw.startsWith('/') ? raw : `/${raw}`}`);
  } catch {
    return new URL('http://ingest.invalid/');
  }
}

/** The token in the path (what a tracking app can carry), else `Authorization: Bearer`. */
function presentedToken(request: IncomingMessage, pathToken: string | undefined): string | null {
  if (pathToken) {
    try {
      return decodeURIComponent(pathToken);
    } catch {
      return pathToken;
    }
  }
  const header = request.headers.authorization;
  if (header === undefined) return null;
  return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? '';
}

export async function startIngestServer(options: IngestServerOptions): Promise<RunningIngestServer> {
  const { ctx } = options;
  const logger = options.logger ?? console;
  const host = options.host ?? '127.0.0.1';
  const lockout = new FailureLockout(options.lockout);
  const limiter = new TokenBucketLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const feed = new IngestChangeFeed(ctx.bus, options.feedIntervalMs);
  const collaborators = options.collaborators ?? ingestCollaborators;
  const devices = new DeviceDeliveries(ctx.database.sqlite);
  const batcher = new PositionBatcher(new PositionStore(ctx, devices, collaborators), feed, logger);
  const routes: IngestRoutes = { ctx, feed, batcher, devices, collaborators };
  // A plant reset (the demo reloaded) may remove deliveries and tokens: nothing cached survives it.
  const offReset = ctx.bus.on('plant.reset', () => {
    devices.forget();
    forgetVerifiedTokens(ctx.database.sqlite);
  });

  /** The caller's partner, or an answer already sent (401 or 429). */
  const authorize = (request: IncomingMessage, response: ServerResponse, pathToken?: string) => {
    const address = request.socket.remoteAddress ?? 'unknown';
    const waitMs = lockout.retryAfterMs(address);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      sendRefusal(
        response,
        'RATE_LIMITED',
        'Too many invalid tokens from this address; try again later.',
        {
          retryAfterSeconds: seconds,
        },
        { 'Retry-After': String(seconds) },
      );
      return null;
    }
    const token = presentedToken(request, pathToken);
    const verified: VerifiedPartnerToken | null = token
      ? verifyPartnerToken(ctx.database.sqlite, token, ctx.clock.now())
      : null;
    if (!verified) {
      lockout.recordFailure(address);
      sendRefusal(response, 'UNAUTHORIZED', 'A valid partner token is required.', undefined, {
        'WWW-Authenticate': 'Bearer',
      });
      return null;
    }
    const retryMs = limiter.take(verified.tokenId);
    if (retryMs > 0) {
      const seconds = Math.max(1, Math.ceil(retryMs / 1000));
      sendRefusal(
        response,
        'RATE_LIMITED',
        'Too many requests for this token; slow down.',
        {
          retryAfterSeconds: seconds,
        },
        { 'Retry-After': String(seconds) },
      );
      return null;
    }
    return verified;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = requestUrl(request.url);
    const method = request.method ?? 'GET';
    const osmand = OSMAND_PATH.exec(url.pathname);
    const route = osmand ? OSMAND_ROUTE : PARTNER_ROUTES.get(url.pathname);
    // (An unparseable request target has the path '/', which is no route.)
    if (!route) {
      request.resume();
      sendRefusal(response, 'NOT_FOUND', `There is no ingest route ${url.pathname}.`);
      return;
    }
    if (!route.methods.includes(method)) {
      request.resume();
      const allowed = route.methods.join(', ');
      sendJson(
        response,
        405,
        { ok: false, error: { code: 'INVALID_INPUT', message: `Use ${allowed} here.` } },
        { Allow: allowed },
      );
      return;
    }
    const partner = authorize(request, response, osmand?.[1]);
    if (!partner) {
      request.resume();
      return;
    }
    await route.handler(routes, request, response, url, partner);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof DomainError) {
        sendRefusal(response, error.code, error.message, error.details);
        return;
      }
      if (isDiskFull(error)) {
        // Nothing was acknowledged or kept: the partner's system retries once space is back.
        logger.error('[ingest] the disk is full', error);
        sendRefusal(
          response,
          'DISK_FULL',
          'The plant cannot store anything right now; nothing was kept. Try again later.',
        );
        return;
      }
      logger.error('[ingest] request failed', error);
      sendRefusal(response, 'INTERNAL', 'The request failed; the error was logged.');
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  // Trackers and partner systems keep their connection open between reports.
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shownHost}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        offReset();
        // A connection still busy (a body being drained after a 413) gets a moment, then goes.
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(force);
          batcher.flush();
          feed.close();
          resolve();
        });
        batcher.flush();
        server.closeIdleConnections();
      }),
  };
}
