import type { IncomingMessage } from 'node:http';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src-main/api/registry';
import { assembleLeitstand } from '../../src-main/app/createLeitstand';
import { isLoopbackPeer, resolveCaller, sameOrigin } from '../../src-main/server/access';
import { type RunningServer, startHttpServer } from '../../src-main/server/http';
import { FailureLockout } from '../../src-main/server/lockout';
import { LAST_USED_RESOLUTION_MS } from '../../src-main/services/accessTokens/verify';
import { loadFixturePlant } from '../support/fixturePlant';
import { testContext } from '../support/testContext';

// Item 3 of issue 4: the viewer link. A wall PC's browser holds a read-only token; the desk
// (this machine, loopback, no token) keeps write access.

let t: Awaited<ReturnType<typeof testContext>>;
let server: RunningServer;
const silent = { error: () => {}, warn: () => {}, info: () => {} };
const desk: Caller = { transport: 'internal', access: 'write' };

beforeEach(async () => {
  t = await testContext();
  await loadFixturePlant(t.ctx);
  server = await startHttpServer({
    leitstand: assembleLeitstand(t.ctx, null, silent),
    port: 0,
    logger: silent,
  });
});
afterEach(async () => {
  await server.close();
  await t.dispose();
});

const leitstand = () => assembleLeitstand(t.ctx, null, silent);

async function createLink(label = 'Wand Leitstand') {
  const result = await leitstand().call('viewerLinks.create', { label }, desk);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { id: string; label: string; token: string; createdAt: number };
}

const post = (name: string, body: unknown, token?: string) =>
  fetch(new URL(`api/call/${name}`, server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe('viewer links as procedures', () => {
  it('creates, lists and revokes links, with audit entries', async () => {
    const link = await createLink('  Halle 2 Wand ');
    expect(link.label).toBe('Halle 2 Wand');
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const listed = await leitstand().call('viewerLinks.list', {}, desk);
    expect(listed.ok && listed.value).toEqual([
      { id: link.id, label: 'Halle 2 Wand', createdAt: link.createdAt, lastUsedAt: null, revokedAt: null },
    ]);
    expect(JSON.stringify(listed)).not.toContain(link.token);

    const revoked = await leitstand().call('viewerLinks.revoke', { id: link.id }, desk);
    expect(revoked.ok && (revoked.value as { revokedAt: number }).revokedAt).toBe(t.clock.now());
    const missing = await leitstand().call('viewerLinks.revoke', { id: 'VL-nope' }, desk);
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');

    const log = await t.ctx.database.db
      .selectFrom('eventLog')
      .select(['kind', 'entityId'])
      .where('entityType', '=', 'accessToken')
      .orderBy('id')
      .execute();
    expect(log).toEqual([
      { kind: 'viewerLink.created', entityId: link.id },
      { kind: 'viewerLink.revoked', entityId: link.id },
    ]);
  });

  it('refuses empty and overlong labels, and every viewer-link procedure to a reader', async () => {
    for (const label of ['', '   ', 'x'.repeat(81)]) {
      const result = await leitstand().call('viewerLinks.create', { label }, desk);
      expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
    }
    const reader: Caller = { transport: 'http', access: 'read' };
    for (const name of ['viewerLinks.create', 'viewerLinks.list', 'viewerLinks.revoke']) {
      const result = await leitstand().call(name, { label: 'x', id: 'x' }, reader);
      expect(!result.ok && result.error.code).toBe('FORBIDDEN');
    }
  });

  it('stores only the hash: the token appears nowhere in the database file', async () => {
    const link = await createLink();
    const rows = await t.ctx.database.db.selectFrom('accessToken').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ scope: 'viewer', partnerId: null });
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // Every table, every column, through a second connection to the same file.
    const raw = new BetterSqlite3(t.folder.file('plant.db'), { readonly: true });
    try {
      const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[];
      for (const { name } of tables) {
        const dump = JSON.stringify(raw.prepare(`SELECT * FROM "${name}"`).all());
        expect(dump, name).not.toContain(link.token);
      }
    } finally {
      raw.close();
    }
  });
});

describe('the HTTP server with viewer tokens', () => {
  it('gives a viewer token read access and refuses writes with 403', async () => {
    const { token } = await createLink();
    const read = await post('deliveries.get', { id: 'D-1' }, token);
    expect(read.status).toBe(200);
    const write = await post('deliveries.addNote', { id: 'D-1', note: 'von der Wand' }, token);
    expect(write.status).toBe(403);
    expect((await write.json()).error).toMatchObject({ code: 'FORBIDDEN', message: /may only read/ });
    const admin = await post('viewerLinks.list', {}, token);
    expect(admin.status).toBe(403);
    // The same token in the query string works as well (first page load, EventSource).
    const query = await fetch(new URL(`api/call/deliveries.get?token=${token}`, server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"id":"D-1"}',
    });
    expect(query.status).toBe(200);
  });

  it('keeps write access for this machine without a token', async () => {
    const response = await post('deliveries.addNote', { id: 'D-1', note: 'am Schreibtisch' });
    expect(response.status).toBe(200);
  });

  it('refuses forged and revoked tokens with the same 401', async () => {
    const link = await createLink();
    await leitstand().call('viewerLinks.revoke', { id: link.id }, desk);
    const forged = await post('deliveries.get', { id: 'D-1' }, 'A'.repeat(43));
    const revoked = await post('deliveries.get', { id: 'D-1' }, link.token);
    const garbage = await post('deliveries.get', { id: 'D-1' }, 'not a token at all');
    expect([forged.status, revoked.status, garbage.status]).toEqual([401, 401, 401]);
    const bodies = [await forged.json(), await revoked.json()];
    expect(bodies[0]).toEqual(bodies[1]);
    expect(bodies[0].error.code).toBe('UNAUTHORIZED');
  });

  it('records last use at most once a minute', async () => {
    const link = await createLink();
    const lastUsed = async () =>
      (
        await t.ctx.database.db
          .selectFrom('accessToken')
          .select('lastUsedAt')
          .where('id', '=', link.id)
          .executeTakeFirstOrThrow()
      ).lastUsedAt;
    const start = t.clock.now();
    await post('plant.overview', {}, link.token);
    expect(await lastUsed()).toBe(start);
    t.clock.set(start + LAST_USED_RESOLUTION_MS - 1);
    await post('plant.overview', {}, link.token);
    expect(await lastUsed()).toBe(start);
    t.clock.set(start + LAST_USED_RESOLUTION_MS);
    await post('plant.overview', {}, link.token);
    expect(await lastUsed()).toBe(start + LAST_USED_RESOLUTION_MS);
  });

  it('locks an address out after 10 bad tokens, even for a good one, with Retry-After', async () => {
    const { token } = await createLink();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await post('plant.overview', {}, `forged-${attempt}`)).status).toBe(401);
    }
    const locked = await post('plant.overview', {}, token);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(200);
    expect((await locked.json()).error.code).toBe('RATE_LIMITED');
    // The desk at this machine, without a token, is not locked out of its own server.
    expect((await post('plant.overview', {})).status).toBe(200);
  });

  it('streams events to a viewer token given as ?token=, and not to a forged one', async () => {
    const { token } = await createLink();
    expect((await fetch(new URL('api/events?token=forged', server.url))).status).toBe(401);
    const controller = new AbortController();
    const response = await fetch(new URL(`api/events?token=${token}`, server.url), {
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('event: deliveries.changed')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
      if (text.includes('retry:')) t.ctx.bus.emit('deliveries.changed', { ids: ['D-1'] });
    }
    expect(text).toContain('event: deliveries.changed\ndata: {"ids":["D-1"]}\n\n');
    controller.abort();
  });

  it('serves the page itself without a token', async () => {
    // No static dir here: the route answers 404 from the static branch, not 401 from the API.
    expect((await fetch(new URL('index.html', server.url))).status).toBe(404);
  });
});

describe('who a request is, on a server reachable from the network', () => {
  const request = (remoteAddress: string, host: string, authorization?: string) =>
    ({
      socket: { remoteAddress },
      headers: { host, ...(authorization ? { authorization } : {}) },
    }) as unknown as IncomingMessage;
  const resolve = (req: IncomingMessage, lockout = new FailureLockout()) =>
    resolveCaller(req, new URL(`http://x${req.url ?? '/'}`), { ctx: t.ctx, lockout });

  it('refuses a LAN peer without a token, and serves it read-only with one', async () => {
    const { token } = await createLink();
    const anonymous = await resolve(request('192.168.1.20', '192.168.1.5:4870'));
    expect(!anonymous.ok && anonymous.error.code).toBe('UNAUTHORIZED');
    const viewer = await resolve(request('192.168.1.20', '192.168.1.5:4870', `Bearer ${token}`));
    expect(viewer.ok && viewer.value.access).toBe('read');
    const local = await resolve(request('::ffff:127.0.0.1', 'localhost:4870'));
    expect(local.ok && local.value.access).toBe('write');
    // A page in this machine's browser reaching 0.0.0.0 under a foreign name (DNS rebinding)
    // does not borrow the desk's write access.
    const rebound = await resolve(request('127.0.0.1', 'evil.example:4870'));
    expect(!rebound.ok && rebound.error.code).toBe('UNAUTHORIZED');
  });

  it('accepts the bound host name, and any Host when bound to all addresses', () => {
    const req = (host: string) => request('192.168.1.20', host);
    expect(sameOrigin(req('192.168.1.5:4870'), '192.168.1.5', 4870)).toBe(true);
    expect(sameOrigin(req('leitstand.plant:4870'), '192.168.1.5', 4870)).toBe(false);
    expect(sameOrigin(req('leitstand.plant:4870'), '0.0.0.0', 4870)).toBe(true);
    expect(sameOrigin(req('leitstand.plant:4871'), '0.0.0.0', 4870)).toBe(false);
    expect(sameOrigin(req('evil.example:4870'), '127.0.0.1', 4870)).toBe(false);
    expect(sameOrigin(req('[::1]:4870'), '::1', 4870)).toBe(true);
  });

  it('knows loopback peers', () => {
    expect(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].map(isLoopbackPeer)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['192.168.1.20', '::ffff:10.0.0.1', '1270::1', undefined].map(isLoopbackPeer)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('lifts a lockout when its time has run out', () => {
    let now = 0;
    const lockout = new FailureLockout({ maxFailures: 3, windowMs: 1000, lockMs: 5000 }, () => now);
    lockout.recordFailure('a');
    lockout.recordFailure('a');
    now = 1500; // the first two have left the window
    lockout.recordFailure('a');
    expect(lockout.retryAfterMs('a')).toBe(0);
    lockout.recordFailure('a');
    lockout.recordFailure('a');
    expect(lockout.retryAfterMs('a')).toBe(5000);
    expect(lockout.retryAfterMs('b')).toBe(0);
    now = 6500;
    expect(lockout.retryAfterMs('a')).toBe(0);
  });
});
