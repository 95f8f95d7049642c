import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus } from '../api/events';
import { SECURITY_HEADERS } from './securityHeaders';

const HEARTBEAT_MS = 15_000;

/**
 * Forwards every bus event to one browser as server-sent events. A comment line every 15 s keeps
 * proxies and the browser from closing an idle stream; EventSource reconnects by itself.
 * Returns the function that ends the stream.
 */
export function openEventStream(
  bus: EventBus,
  request: IncomingMessage,
  response: ServerResponse,
  registry: Set<() => void>,
): () => void {
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write('retry: 2000\n\n');
  const off = bus.onAny((event, payload) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const end = () => {
    off();
    clearInterval(heartbeat);
    registry.delete(end);
    response.end();
  };
  request.on('close', end);
  return end;
}
