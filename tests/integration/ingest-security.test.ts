import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { revokePartnerToken } from '../../src-main/services/accessTokens/partnerTokens';
import { LAST_USED_RESOLUTION_MS } from '../../src-main/services/accessTokens/verify';
import { type IngestHarness, ingestHarness, jsonPost } from './ingest-harness';

// The ingest's refusals: who may send, how much, how often, and what an answer gives away.

let h: IngestHarness;
afterEach(() => h.dispose());

const fix = (at: number, extra = '') => `id=PHONE-1&lat=49.1&lon=12.4&timestamp=${at}${extra}`;

async function answer(response: Response) {
  return { status: response.status, body: await response.text() };
}

describe('tokens', () => {
  it('answers a missing, a forged and a revoked token alike with 401, and stores nothing', async () => {
    h = await ingestHarness();
    const at = h.t.clock.now();
    const missing = await answer(await h.send(`/osmand?${fix(at)}`));
    const forged = await answer(await h.send(`/osmand/${randomBytes(32).toString('base64url')}?${fix(at)}`));
    const garbage = await answer(await h.send(`/osmand/not-a-token?${fix(at)}`));
    await revokePartnerToken(h.t.ctx, h.tokenIds.C1, 'test');
    const revoked = await answer(await h.send(`/osmand/${h.tokens.C1}?${fix(at)}`));
    const revokedBearer = await answer(
      await h.send('/partner/v1/deliveries', {
        headers: { Authorization: `Bearer ${h.tokens.C1}` },
      }),
    );
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toEqual({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: 'A valid partner token is required.' },
    });
    for (const other of [forged, garbage, revoked, revokedBearer]) expect(other).toEqual(missing);
    expect(h.positions()).toEqual([]);
  });

  it('updates last_used_at, at most once a minute', async () => {
    h = await ingestHarness();
    const lastUsed = () =>
      (
        h.t.ctx.database.sqlite
          .prepare('SELECT last_used_at AS at FROM access_token WHERE id = ?')
          .get(h.tokenIds.C1) as {
          at: number | null;
        }
      ).at;
    expect(lastUsed()).toBeNull();
    const start = h.t.clock.now();
    expect((await h.send(`/osmand/${h.tokens.C1}?${fix(start / 1000)}`)).status).toBe(200);
    expect(lastUsed()).toBe(start);
    h.t.clock.set(start + 10_000);
    expect((await h.send(`/osmand/${h.tokens.C1}?${fix(start / 1000 + 10)}`)).status).toBe(200);
    expect(lastUsed()).toBe(start);
    h.t.clock.set(start + LAST_USED_RESOLUTION_MS);
    expect((await h.send(`/osmand/${h.tokens.C1}?${fix(start / 1000 + 60)}`)).status).toBe(200);
    expect(lastUsed()).toBe(start + LAST_USED_RESOLUTION_MS);
  });
});

describe('partners see only their own deliveries', () => {
  it("answers another partner's device exactly like an unknown one", async () => {
    h = await ingestHarness();
    const at = h.t.clock.now() / 1000;
    // PHONE-1 drives D-1 for S1 and C1; S2 has nothing to do with it.
    const foreign = await answer(await h.send(`/osmand/${h.tokens.S2}?${fix(at)}`));
    const unknown = await answer(
      await h.send(`/osmand/${h.tokens.S2}?${fix(at).replace('PHONE-1', 'PHONE-X')}`),
    );
    expect(foreign.status).toBe(404);
    expect(foreign).toEqual(unknown);
    expect(JSON.parse(foreign.body).error.message).toBe('There is no delivery for this device.');
    expect(h.positions()).toEqual([]);
  });

  it("answers a status event for another partner's delivery exactly like one for a missing delivery", async () => {
    h = await ingestHarness();
    const at = new Date(h.t.clock.now()).toISOString();
    for (const key of ['noticeNumber', 'deliveryId'] as const) {
      const foreign = await answer(
        await h.send(
          '/partner/v1/status',
          jsonPost(h.tokens.S2, { [key]: key === 'noticeNumber' ? 'ASN-D-1' : 'D-1', event: 'departed', at }),
        ),
      );
      const missing = await answer(
        await h.send(
          '/partner/v1/status',
          jsonPost(h.tokens.S2, {
            [key]: key === 'noticeNumber' ? 'ASN-NOPE' : 'D-NOPE',
            event: 'departed',
            at,
          }),
        ),
      );
      expect(foreign.status).toBe(404);
      expect(foreign).toEqual(missing);
    }
    const d1 = h.t.ctx.database.sqlite.prepare("SELECT status FROM inbound_delivery WHERE id = 'D-1'").get();
    expect(d1).toEqual({ status: 'in_transit' });
  });
});

describe('what a request may hold', () => {
  it('refuses an oversized body with 413 and stores nothing', async () => {
    h = await ingestHarness();
    const form = `${fix(h.t.clock.now())}&pad=${'x'.repeat(70 * 1024)}`;
    const response = await h.send(`/osmand/${h.tokens.C1}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    const notice = await h.send(
      '/partner/v1/notices',
      jsonPost(h.tokens.S1, { noticeNumber: 'X', items: [], pad: 'y'.repeat(1024 * 1024) }),
    );
    expect(notice.status).toBe(413);
    expect(h.positions()).toEqual([]);
  });

  it('refuses malformed values with 400, saying what and where, and stores nothing', async () => {
    h = await ingestHarness();
    const at = h.t.clock.now() / 1000;
    const cases: [string, RequestInit | undefined, { field: string; where: string; message: RegExp }][] = [
      [
        `id=PHONE-1&lat=91&lon=12&timestamp=${at}`,
        undefined,
        { field: 'lat', where: 'query', message: /at most 90/ },
      ],
      [
        `id=PHONE-1&lat=49&lon=12&timestamp=yesterday`,
        undefined,
        { field: 'timestamp', where: 'query', message: /ISO 8601/ },
      ],
      [
        `id=PHONE-1&lat=49&lon=12&timestamp=2026-02-31%2010:00:00`,
        undefined,
        { field: 'timestamp', where: 'query', message: /ISO 8601/ },
      ],
      [
        `id=PHONE-1&lat=49&lon=12&timestamp=${at}&speed=NaN`,
        undefined,
        { field: 'speed', where: 'query', message: /number/ },
      ],
      [`id=PHONE-1&location=49;12`, undefined, { field: 'location', where: 'query', message: /lat,lon/ }],
      [`lat=49&lon=12`, undefined, { field: 'id', where: 'query', message: /required/ }],
      [
        `id=PHONE-1&timestamp=${at + 3 * 86_400}&lat=49&lon=12`,
        undefined,
        { field: 'timestamp', where: 'query', message: /future/ },
      ],
      [
        '',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: `id=PHONE-1&lat=49&lon=181`,
        },
        { field: 'lon', where: 'form body', message: /at most 180/ },
      ],
      [
        '',
        jsonPost(null, {
          device_id: 'PHONE-1',
          location: { timestamp: 'now', coords: { latitude: 49, longitude: 12 } },
        }),
        { field: 'location.timestamp', where: 'JSON body', message: /ISO 8601/ },
      ],
      [
        '',
        jsonPost(null, {
          device_id: 'PHONE-1',
          location: { timestamp: at, coords: { latitude: 95, longitude: 12 } },
        }),
        { field: 'location.coords.latitude', where: 'JSON body', message: /90/ },
      ],
      [
        '',
        jsonPost(null, '{"device_id": "PHONE-1", "location": '),
        { field: '(body)', where: 'JSON body', message: /JSON/ },
      ],
    ];
    for (const [query, init, expected] of cases) {
      const response = await h.send(`/osmand/${h.tokens.C1}?${query}`, init);
      const body = await response.json();
      expect(response.status, query || String(init?.body)).toBe(400);
      expect(body.error.code).toBe('INVALID_INPUT');
      expect(body.error.details.issues[0]).toMatchObject({
        ...expected,
        message: expect.stringMatching(expected.message),
      });
      if (expected.field !== '(body)')
        expect(body.error.message).toContain(`${expected.field} (${expected.where})`);
    }
    expect(h.positions()).toEqual([]);
  });

  it('acknowledges a duplicate position (same delivery, same time) and ignores it', async () => {
    h = await ingestHarness();
    const at = h.t.clock.now() / 1000 + 5;
    expect((await h.send(`/osmand/${h.tokens.C1}?${fix(at)}`)).status).toBe(200);
    const again = await h.send(`/osmand/${h.tokens.C1}?${fix(at, '&speed=10')}`);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('');
    expect(h.positions()).toHaveLength(1);
    expect(h.positions()[0]!.speedKmh).toBeNull();
  });

  it('answers request targets no URL can be made of without a 500', async () => {
    h = await ingestHarness();
    const { port } = new URL(h.server.url);
    const raw = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    for (const path of [
      '//',
      '///osmand',
      'http://evil.example/osmand/x',
      '/osmand/%E0%A4%A',
      '/osmand/../partner/v1/deliveries',
    ]) {
      expect([401, 404], path).toContain(await raw(path));
    }
  });

  it('refuses unknown routes and wrong methods without a token check', async () => {
    h = await ingestHarness();
    expect((await h.send('/api/call/deliveries.list', jsonPost(null, {}))).status).toBe(404);
    const wrong = await h.send('/partner/v1/status', { headers: { Authorization: `Bearer ${h.tokens.C1}` } });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });
});

describe('rate limit and lockout', () => {
  it('limits each token to its rate with 429 and Retry-After, other tokens unaffected', async () => {
    h = await ingestHarness({ rateLimit: { perSecond: 0.5, burst: 3 } });
    const at = h.t.clock.now() / 1000;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await h.send(`/osmand/${h.tokens.C1}?${fix(at + i)}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await h.send(`/osmand/${h.tokens.C1}?${fix(at + 10)}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
    expect(h.positions()).toHaveLength(3);
    expect(
      (await h.send('/partner/v1/deliveries', { headers: { Authorization: `Bearer ${h.tokens.S2}` } }))
        .status,
    ).toBe(200);
  });

  it('locks an address out after repeated bad tokens, even for a valid token then', async () => {
    h = await ingestHarness({ lockout: { maxFailures: 3, windowMs: 60_000, lockMs: 60_000 } });
    for (let i = 0; i < 3; i++) {
      expect((await h.send(`/osmand/${randomBytes(32).toString('base64url')}?${fix(1)}`)).status).toBe(401);
    }
    const locked = await h.send(`/osmand/${h.tokens.C1}?${fix(h.t.clock.now() / 1000)}`);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('60');
    expect((await locked.json()).error.message).toMatch(/invalid tokens/);
    expect(h.positions()).toEqual([]);
  });
});
