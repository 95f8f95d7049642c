import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { Caller } from '../api/registry';
import { fail, type Result } from '../api/result';
import type { AppContext } from '../app/context';
import { verifyViewerToken } from '../services/accessTokens/verify';
import type { FailureLockout } from './lockout';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const ANY_ADDRESS = new Set(['0.0.0.0', '::', '[::]']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase());
}

/** The peer's address as the socket reports it: 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopbackPeer(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (plain === '::1') return true;
  return isIP(plain) === 4 && plain.startsWith('127.');
}

/** Host header → host name without the port (IPv6 keeps its brackets). */
function hostName(hostHeader: string): string {
  const bracketed = /^(\[[^\]]+\])(?::\d+)?$/.exec(hostHeader);
  if (bracketed) return bracketed[1]!.toLowerCase();
  return hostHeader.replace(/:\d+$/, '').toLowerCase();
}

/**
 * Refuses requests whose Host is not a name of this server, so a web page on another origin cannot
 * reach the API through DNS rebinding, and cross-site posts cannot call procedures. A server bound
 * to all addresses (0.0.0.0) is reached by names it cannot know, so it accepts any Host — and then
 * relies on tokens: see resolveCaller.
 */
export function sameOrigin(request: IncomingMessage, boundHost: string, port: number): boolean {
  const host = request.headers.host ?? '';
  const portOf = /:(\d+)$/.exec(host)?.[1];
  if (portOf !== String(port)) return false;
  const name = hostName(host);
  const bound = boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost;
  const allowed = ANY_ADDRESS.has(bound) || LOOPBACK_NAMES.has(name) || name === bound.toLowerCase();
  if (!allowed) return false;
  const origin = request.headers.origin;
  return origin === undefined || origin === `http://${host}`;
}

/** `Authorization: Bearer <token>`, else `?token=` (EventSource cannot send headers). */
export function presentedToken(request: IncomingMessage, url: URL): string | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match ? match[1]! : header;
  }
  return url.searchParams.get('token');
}

export interface AccessCheck {
  ctx: AppContext;
  lockout: FailureLockout;
}

/**
 * Who a request is:
 * - a valid viewer token → read access (wall screens), whichever address it comes from;
 * - no token from this machine (loopback peer, loopback Host) → write: the person at this desk;
 * - no token from elsewhere → 401; an unknown or revoked token → 401, without saying which;
 * - an address with too many recent failures → 429 until its lock runs out.
 * The Host must be a loopback name for the write path even on a server bound to 0.0.0.0, so a
 * rebinding page in this machine's browser cannot borrow the desk's access.
 */
export async function resolveCaller(
  request: IncomingMessage,
  url: URL,
  check: AccessCheck,
): Promise<Result<Caller>> {
  const address = request.socket.remoteAddress ?? 'unknown';
  const token = presentedToken(request, url);
  if (token === null) {
    const hostHeader = request.headers.host ?? '';
    if (isLoopbackPeer(address) && isLoopbackHost(hostName(hostHeader))) {
      return { ok: true, value: { transport: 'http', access: 'write' } };
    }
    return fail('UNAUTHORIZED', 'This server needs a viewer link: open the address with its token.');
  }
  const waitMs = check.lockout.retryAfterMs(address);
  if (waitMs > 0) {
    return fail('RATE_LIMITED', 'Too many invalid tokens from this address; try again later.', {
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    });
  }
  if (await verifyViewerToken(check.ctx, token)) {
    return { ok: true, value: { transport: 'http', access: 'read' } };
  }
  check.lockout.recordFailure(address);
  return fail('UNAUTHORIZED', 'This token is not valid. Ask for a new viewer link.');
}
