import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assembleLeitstand } from '../../src-main/app/createLeitstand';
import { LATEST_SCHEMA_VERSION } from '../../src-main/db/migrations/index';
import { MAX_BODY_BYTES } from '../../src-main/server/body';
import { type RunningServer, startHttpServer } from '../../src-main/server/http';
import { loadFixturePlant } from '../support/fixturePlant';
import { testContext } from '../support/testContext';

let t: Awaited<ReturnType<typeof testContext>>;
let server: RunningServer;
const silent = { error: () => {}, warn: () => {}, info: () => {} };

beforeEach(async () => {
  t = await testContext();
  await loadFixturePlant(t.ctx);
  const staticDir = t.folder.file('renderer');
  mkdirSync(`${staticDir}/assets`, { recursive: true });
  writeFileSync(`${staticDir}/index.html`, '<!doctype html><title>Leitstand</title>');
  writeFileSync(`${staticDir}/assets/app-abc123.js`, 'console.log(1)');
  server = await startHttpServer({
    leitstand: assembleLeitstand(t.ctx, null, silent),
    staticDir,
    port: 0,
    logger: silent,
  });
});
afterEach(async () => {
  await server.close();
  await t.dispose();
});

const post = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(new URL(`api/call/${name}`, server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** A raw request, for headers fetch() will not let a test forge (Host). */
function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the HTTP transport', () => {
  it('listens on loopback only and answers the health check', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(new URL('api/health', server.url));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ ok: true, value: { status: 'ok', schemaVersion: LATEST_SCHEMA_VERSION } });
  });

  it('calls a procedure of the registry with JSON', async () => {
    const response = await post('deliveries.get', { id: 'D-1' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.ok).toBe(true);
    expect(body.value.delivery.id).toBe('D-1');
  });

  it('maps refusals to HTTP status codes with the same error body', async () => {
    const unknown = await post('nope.nothing', {});
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('UNKNOWN_PROCEDURE');
    const invalid = await post('deliveries.get', { id: 7 });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.message).toMatch(/^deliveries\.get: id: /);
    const missing = await post('deliveries.get', { id: 'D-999' });
    expect(missing.status).toBe(404);
  });

  it('refuses malformed JSON, other content types and GET on procedures', async () => {
    const malformed = await post('deliveries.get', '{"id": ');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.message).toMatch(/not valid JSON/);
    const form = await post('deliveries.get', 'id=D-1', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(400);
    const get = await fetch(new URL('api/call/deliveries.get', server.url));
    expect(get.status).toBe(405);
  });

  it('refuses a body over the limit before reading it whole', async () => {
    const response = await post('deliveries.addNote', { id: 'D-1', note: 'x'.repeat(MAX_BODY_BYTES + 10) });
    expect(response.status).toBe(413);
    const row = await t.ctx.database.db
      .selectFrom('inboundDelivery')
      .select('notes')
      .where('id', '=', 'D-1')
      .executeTakeFirstOrThrow();
    expect(row.notes).toBeNull();
  });

  it('refuses foreign Host and Origin headers (DNS rebinding, cross-site posts)', async () => {
    expect(await rawGet('/api/health', { Host: 'evil.example' })).toBe(403);
    const crossSite = await post(
      'deliveries.addNote',
      { id: 'D-1', note: 'x' },
      { Origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
  });

  it('streams bus events as server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(new URL('api/events', server.url), { signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const received = (async () => {
      while (!text.includes('event: deliveries.changed')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
        // The first chunk is the retry line: the stream is open, so emit now.
        if (text.includes('retry:')) t.ctx.bus.emit('deliveries.changed', { ids: ['D-1'] });
      }
    })();
    await received;
    expect(text).toContain('event: deliveries.changed\ndata: {"ids":["D-1"]}\n\n');
    controller.abort();
  });

  it('serves the renderer with a CSP, falls back to index.html, and refuses escaping paths', async () => {
    const index = await fetch(new URL('deliveries', server.url));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-security-policy')).toContain("img-src 'self' data: blob: https:;");
    expect(await index.text()).toContain('<title>Leitstand</title>');
    const asset = await fetch(new URL('assets/app-abc123.js', server.url));
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // plant.db lies in the folder above the renderer: no encoded path may reach it.
    for (const path of [
      '/..%2fplant.db',
      '/%2e%2e/plant.db',
      '/assets/..%2f..%2fplant.db',
      '/..\\plant.db',
    ]) {
      expect(await rawGet(path, { Host: new URL(server.url).host })).toBe(404);
    }
    expect((await fetch(new URL('missing.js', server.url))).status).toBe(404);
  });
});
