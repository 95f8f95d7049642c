import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningIngestServer } from '../../src-main/ingest/server';
import { startConfiguredIngest } from '../../src-main/ingest/startConfigured';
import { parseServeArgs } from '../../src-main/server/args';
import { testContext } from '../support/testContext';

// Where the ingest server listens: the stored settings, the command line, and the warnings.

let t: Awaited<ReturnType<typeof testContext>>;
let running: RunningIngestServer | null = null;
const log: { level: string; text: string }[] = [];
const logger = {
  error: (text: string) => log.push({ level: 'error', text }),
  warn: (text: string) => log.push({ level: 'warn', text }),
  info: (text: string) => log.push({ level: 'info', text }),
};

beforeEach(async () => {
  t = await testContext();
  log.length = 0;
});
afterEach(async () => {
  await running?.close();
  running = null;
  await t.dispose();
});

const setting = (key: string, value: string) =>
  t.ctx.database.sqlite
    .prepare('INSERT INTO setting (key, value, updated_at) VALUES (?, ?, 0)')
    .run(key, value);

describe('starting the ingest server', () => {
  it('listens on loopback by default, without a warning', async () => {
    running = await startConfiguredIngest(t.ctx, { port: 0 }, logger);
    expect(running?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(log.filter((entry) => entry.level !== 'info')).toEqual([]);
  });

  it('stays off when the setting or --no-ingest says so; a port on the command line turns it on', async () => {
    expect(await startConfiguredIngest(t.ctx, { enabled: false, port: 0 }, logger)).toBeNull();
    setting('ingest.enabled', 'false');
    expect(await startConfiguredIngest(t.ctx, {}, logger)).toBeNull();
    expect(log.map((entry) => entry.text)).toContainEqual(expect.stringMatching(/turned off/));
    running = await startConfiguredIngest(t.ctx, { port: 0 }, logger);
    expect(running).not.toBeNull();
  });

  it('binds another address only when the settings say so, and warns in the log', async () => {
    setting('ingest.host', '"0.0.0.0"');
    setting('ingest.port', '0');
    running = await startConfiguredIngest(t.ctx, {}, logger);
    expect(running?.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/);
    expect(log).toContainEqual({ level: 'warn', text: expect.stringMatching(/WARNING.*0\.0\.0\.0/) });
  });

  it('reports a port in use and lets the plant run on without the ingest', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      expect(await startConfiguredIngest(t.ctx, { port }, logger)).toBeNull();
      expect(log).toContainEqual({ level: 'error', text: expect.stringMatching(`127.0.0.1:${port}`) });
    } finally {
      blocker.close();
    }
  });
});

describe('serve switches', () => {
  it('parses --ingest-port, --ingest-host and --no-ingest', () => {
    expect(parseServeArgs([], {})).toMatchObject({ ingest: true });
    expect(parseServeArgs([], {}).ingestPort).toBeUndefined();
    expect(parseServeArgs(['--ingest-port', '5055', '--ingest-host=0.0.0.0'], {})).toMatchObject({
      ingest: true,
      ingestPort: 5055,
      ingestHost: '0.0.0.0',
    });
    expect(parseServeArgs(['--no-ingest'], {})).toMatchObject({ ingest: false });
    expect(() => parseServeArgs(['--ingest-port', 'x'], {})).toThrow(/--ingest-port needs a number/);
    expect(() => parseServeArgs(['--ingest-port', '70000'], {})).toThrow(/at most 65535/);
  });
});
