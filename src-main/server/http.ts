import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Caller } from '../api/registry';
import { type ApiErrorCode, DomainError, fail, type Result } from '../api/result';
import type { Leitstand } from '../app/createLeitstand';
import { readJsonBody } from './body';
import { SECURITY_HEADERS } from './securityHeaders';
import { openEventStream } from './sse';
import { serveStatic } from './staticFiles';

export interface HttpServerOptions {
  leitstand: Leitstand;
  /** The built renderer (out/renderer); without it only the API is served. */
  staticDir?: string;
  host?: string;
  port?: number;
  logger?: Pick<Console, 'error' | 'info'>;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

const STATUS_OF: Record<ApiErrorCode, number> = {
  UNKNOWN_PROCEDURE: 404,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
};

const PROCEDURE_PATH = /^\/api\/call\/([A-Za-z0-9_.-]{1,100})$/;

function sendJson(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

function sendResult(response: ServerResponse, result: Result<unknown>) {
  sendJson(response, result.ok ? 200 : STATUS_OF[result.error.code], result);
}

/**
 * Refuses requests whose Host is not this server's own name, so a web page on another origin
 * cannot reach the API through DNS rebinding, and cross-site posts cannot call procedures.
 */
function sameOrigin(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host ?? '';
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  if (!allowedHosts.includes(host)) return false;
  const origin = request.headers.origin;
  return origin === undefined || origin === `http://${host}`;
}

/** The HTTP transport of the one registry: the same procedures and events the IPC adapter serves. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const { leitstand, staticDir } = options;
  const logger = options.logger ?? console;
  const host = options.host ?? '127.0.0.1';
  const startedAt = Date.now();
  const streams = new Set<() => void>();
  let port = 0;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!sameOrigin(request, port)) {
      sendResult(response, fail('FORBIDDEN', 'Requests must come from this server’s own address.'));
      return;
    }
    // A first cut: the loopback server belongs to the person at this machine. Tokens come with
    // the viewer link and the partner ingest.
    const caller: Caller = { transport: 'http', access: 'write' };

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
    if (url.pathname.startsWith('/api/')) {
      sendResult(response, fail('UNKNOWN_PROCEDURE', `There is no API route ${url.pathname}.`));
      return;
    }
    if (staticDir && (request.method === 'GET' || request.method === 'HEAD')) {
      await serveStatic(staticDir, request, response);
      return;
    }
    sendJson(response, 404, fail('NOT_FOUND', 'Not found.'));
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
