import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError, fail, type Result } from '../api/result';
import type { Leitstand } from '../app/createLeitstand';
import { resolveCaller, sameOrigin } from './access';
import { readJsonBody } from './body';
import { STATUS_OF, sendJson } from './jsonAnswers';
import { FailureLockout, type LockoutPolicy } from './lockout';
import { openEventStream } from './sse';
import { serveStatic } from './staticFiles';

export interface HttpServerOptions {
  leitstand: Leitstand;
  /** The built renderer (out/renderer); without it only the API is served. */
  staticDir?: string;
  host?: string;
  port?: number;
  logger?: Pick<Console, 'error' | 'info'>;
  /** How many bad tokens lock an address out, and for how long (tests shorten it). */
  lockout?: LockoutPolicy;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

const PROCEDURE_PATH = /^\/api\/call\/([A-Za-z0-9_.-]{1,100})$/;

function sendResult(response: ServerResponse, result: Result<unknown>) {
  if (!result.ok && result.error.code === 'RATE_LIMITED') {
    const details = result.error.details as { retryAfterSeconds?: number } | undefined;
    if (details?.retryAfterSeconds) response.setHeader('Retry-After', String(details.retryAfterSeconds));
  }
  sendJson(response, result.ok ? 200 : STATUS_OF[result.error.code], result);
}

/** The HTTP transport of the one registry: the same procedures and events the IPC adapter serves. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const { leitstand, staticDir } = options;
  const logger = options.logger ?? console;
  const host = options.host ?? '127.0.0.1';
  const startedAt = Date.now();
  const streams = new Set<() => void>();
  const lockout = new FailureLockout(options.lockout);
  let port = 0;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!sameOrigin(request, host, port)) {
      sendResult(response, fail('FORBIDDEN', 'Requests must come from this server’s own address.'));
      return;
    }
    // The page itself holds no data: static files need no token, so a wall PC can load the page
    // that then calls the API with the token from its address.
    if (!url.pathname.startsWith('/api/')) {
      if (staticDir && (request.method === 'GET' || request.method === 'HEAD')) {
        await serveStatic(staticDir, request, response);
        return;
      }
      sendJson(response, 404, fail('NOT_FOUND', 'Not found.'));
      return;
    }
    const who = await resolveCaller(request, url, { ctx: leitstand.ctx, lockout });
    if (!who.ok) {
      sendResult(response, who);
      return;
    }
    const caller = who.value;

    if (url.pathname === '/api/health' && request.method === 'GET') {
      sendJson(response, 200, {
        ok: true,
        value: {
          status: 'ok',
          schemaVersion: leitstand.database.schemaVersion,
          plantTime: leitstand.ctx.clock.now(),
          uptimeMs: Date.now() - startedAt,
        },
      });
      return;
    }
    if (url.pathname === '/api/events' && request.method === 'GET') {
      streams.add(openEventStream(leitstand.bus, request, response, streams));
      return;
    }
    const call = PROCEDURE_PATH.exec(url.pathname);
    if (call) {
      if (request.method !== 'POST') {
        response.setHeader('Allow', 'POST');
        sendJson(response, 405, fail('INVALID_INPUT', 'Call procedures with POST.'));
        return;
      }
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        sendResult(response, fail('INVALID_INPUT', 'Send the input as application/json.'));
        return;
      }
      const input = await readJsonBody(request);
      sendResult(response, await leitstand.call(call[1]!, input, caller));
      return;
    }
    sendResult(response, fail('UNKNOWN_PROCEDURE', `There is no API route ${url.pathname}.`));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof DomainError) {
        sendResult(response, fail(error.code, error.message, error.details));
        return;
      }
      logger.error('[http] request failed', error);
      if (!response.headersSent)
        sendResult(response, fail('INTERNAL', 'The request failed; the error was logged.'));
      else response.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shownHost}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const end of streams) end();
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
