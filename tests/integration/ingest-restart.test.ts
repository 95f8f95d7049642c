import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readIngestStatus } from '../../src-main/ingest/ingestSettings';
import { LiveIngest } from '../../src-main/ingest/liveIngest';
import { readSettings } from '../../src-main/services/settings/readSettings';
import { updateSettings } from '../../src-main/services/settings/updateSettings';
import { testContext } from '../support/testContext';

// The ingest listener follows its settings while the app runs: a new port, another host, turned
// off and on, each through settings.update and without a restart. A port in use is logged and
// shown in the settings; the listener (and the app) carry on.

let t: Awaited<ReturnType<typeof testContext>>;
let live: LiveIngest | null = null;
const blockers: Server[] = [];
const log: { level: string; text: string }[] = [];
const logger = {
  error: (text: string) => log.push({ level: 'error', text }),
  warn: (text: string) => log.push({ level: 'warn', text }),
  info: (text: string) => log.push({ level: 'info', text }),
};

/** A port that is listened on (by the returned blocker) on loopback. */
async function occupiedPort(): Promise<number> {
  const blocker = createServer();
  blockers.push(blocker);
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return (blocker.address() as { port: number }).port;
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The HTTP status the listener on `port` answers with, or 'refused' when nobody listens. */
async function answerOn(port: number): Promise<number | 'refused'> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/partner/v1/deliveries`);
    await response.body?.cancel();
    return response.status;
  } catch {
    return 'refused';
  }
}

async function change(update: Parameters<typeof updateSettings>[1]) {
  updateSettings(t.ctx, update);
  await live?.settled();
}

beforeEach(async () => {
  t = await testContext();
  log.length = 0;
});
afterEach(async () => {
  await live?.close();
  live = null;
  for (const blocker of blockers.splice(0)) blocker.close();
  await t.dispose();
});

describe('the ingest listener follows its settings', () => {
  it('moves to a new port without a restart and says where it listens', async () => {
    const first = await freePort();
    updateSettings(t.ctx, { ingest: { port: first } });
    live = await LiveIngest.start(t.ctx, {}, logger);
    expect(await answerOn(first)).toBe(401);
    expect(readSettings(t.ctx.database.sqlite).ingestStatus).toMatchObject({
      state: 'listening',
      url: `http://127.0.0.1:${first}/`,
      error: null,
    });

    const second = await freePort();
    const announced: string[][] = [];
    t.ctx.bus.on('settings.changed', ({ keys }) => announced.push(keys));
    await change({ ingest: { port: second } });
    expect(await answerOn(second)).toBe(401);
    expect(await answerOn(first)).toBe('refused');
    expect(live.server?.url).toBe(`http://127.0.0.1:${second}/`);
    expect(readIngestStatus(t.ctx.database.sqlite)?.url).toBe(`http://127.0.0.1:${second}/`);
    // The views hear of the new status as a settings change of its own.
    expect(announced).toContainEqual(['ingest.status']);
  });

  it('stops when turned off and listens again when turned on', async () => {
    const port = await freePort();
    updateSettings(t.ctx, { ingest: { port } });
    live = await LiveIngest.start(t.ctx, {}, logger);
    await change({ ingest: { enabled: false } });
    expect(await answerOn(port)).toBe('refused');
    expect(live.server).toBeNull();
    expect(readIngestStatus(t.ctx.database.sqlite)).toMatchObject({ state: 'off', url: null });
    await change({ ingest: { enabled: true } });
    expect(await answerOn(port)).toBe(401);
    expect(readIngestStatus(t.ctx.database.sqlite)?.state).toBe('listening');
  });

  it('reports a port in use in the log and the settings, and recovers on the next change', async () => {
    const start = await freePort();
    updateSettings(t.ctx, { ingest: { port: start } });
    live = await LiveIngest.start(t.ctx, {}, logger);
    const taken = await occupiedPort();
    await change({ ingest: { port: taken } });
    expect(live.server).toBeNull();
    expect(log).toContainEqual({ level: 'error', text: expect.stringMatching(`127.0.0.1:${taken}`) });
    const status = readSettings(t.ctx.database.sqlite).ingestStatus;
    expect(status).toMatchObject({ state: 'failed', url: null });
    expect(status?.error).toMatch(new RegExp(`127\\.0\\.0\\.1:${taken}: .*EADDRINUSE`));

    const free = await freePort();
    await change({ ingest: { port: free } });
    expect(await answerOn(free)).toBe(401);
    expect(readIngestStatus(t.ctx.database.sqlite)).toMatchObject({ state: 'listening', error: null });
  });

  it('warns in the log when a change binds a network address', async () => {
    const port = await freePort();
    updateSettings(t.ctx, { ingest: { port } });
    live = await LiveIngest.start(t.ctx, {}, logger);
    expect(log.filter((entry) => entry.level === 'warn')).toEqual([]);
    await change({ ingest: { host: '0.0.0.0' } });
    expect(log).toContainEqual({ level: 'warn', text: expect.stringMatching(/WARNING.*0\.0\.0\.0/) });
    expect(live.server?.url).toBe(`http://0.0.0.0:${port}/`);
  });

  it('ignores other settings, and stays off for this run under --no-ingest', async () => {
    live = await LiveIngest.start(t.ctx, { enabled: false }, logger);
    expect(readIngestStatus(t.ctx.database.sqlite)).toMatchObject({ state: 'off', offByCommandLine: true });
    const port = await freePort();
    await change({ ingest: { port, enabled: true } });
    expect(live.server).toBeNull();
    expect(await answerOn(port)).toBe('refused');
  });

  it('applies command-line host and port at start, then the settings a person changes', async () => {
    const fromCommandLine = await freePort();
    live = await LiveIngest.start(t.ctx, { port: fromCommandLine }, logger);
    expect(await answerOn(fromCommandLine)).toBe(401);
    const chosen = await freePort();
    await change({ ingest: { port: chosen } });
    expect(await answerOn(chosen)).toBe(401);
    expect(await answerOn(fromCommandLine)).toBe('refused');
    // A change of something else leaves the listener alone.
    const before = live.server;
    await change({ putAwayMinutes: 15 });
    expect(live.server).toBe(before);
  });
});
