import { randomUUID } from 'node:crypto';
import { statSync, watch } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../src-main/api/events';
import type { AppContext } from '../../src-main/app/context';
import { openDatabase } from '../../src-main/db/connection';
import { loadFixturePlant } from '../support/fixturePlant';
import { tempFolder } from '../support/tempDatabase';
import { manualClock } from '../support/testContext';
import {
  agent,
  followEvents,
  httpRequest,
  type RunningServe,
  requireServeBundle,
  startServe,
} from './durability-harness';

// kill -9 of the running server (the built out/main/serve.js), then the file is opened again as a
// start would: it must be whole, hold every write that was acknowledged, and no half import.

let folder: ReturnType<typeof tempFolder>;
let serve: RunningServe | null = null;
beforeAll(() => requireServeBundle());
beforeEach(() => {
  folder = tempFolder('leitstand-kill-');
  return async () => {
    await serve?.kill9();
    serve = null;
    folder.remove();
  };
});
afterAll(() => agent.destroy());

/** The small fixture plant in a file, delivery D-1 driven by the carrier C1's device DEV-1. */
async function fixturePlantFile(path: string) {
  const database = await openDatabase({ path });
  const ctx: AppContext = { database, bus: new EventBus(), clock: manualClock(Date.now()) };
  await loadFixturePlant(ctx);
  database.sqlite.prepare("UPDATE inbound_delivery SET device_id = 'DEV-1' WHERE id = 'D-1'").run();
  await database.close();
}

async function reopenedCheck(path: string) {
  const database = await openDatabase({ path });
  expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  return database;
}

describe('kill -9', () => {
  it('during sustained ingest loses no acknowledged position', async () => {
    const path = folder.file('plant.db');
    await fixturePlantFile(path);
    serve = await startServe(path);
    // A token per sender: each has its own rate bucket (burst 200), as separate trucks' phones would.
    const tokens: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const created = await serve.call('partnerTokens.create', { partnerId: 'C1', label: `kill -9 ${i}` });
      expect(created.ok).toBe(true);
      tokens.push((created.value as { token: string }).token);
    }
    const settings = await serve.call('settings.get', {});
    const ingestUrl = (settings.value as { ingestStatus: { url: string } }).ingestStatus.url.replace(
      /\/$/,
      '',
    );

    const base = Date.now() - 3_600_000;
    const acknowledged = new Set<number>();
    let next = 0;
    let stop = false;
    let killed: Promise<void> | null = null;
    const sender = async (token: string) => {
      while (!stop) {
        const at = base + next++ * 1000;
        const lat = 49.2 + (at - base) / 1e9;
        try {
          const answer = await httpRequest(
            `${ingestUrl}/osmand/${token}?id=DEV-1&lat=${lat}&lon=12.5&speed=40&timestamp=${at}`,
            { method: 'GET' },
          );
          if (answer.status !== 200) throw new Error(`ingest answered ${answer.status}: ${answer.body}`);
          acknowledged.add(at);
        } catch (error) {
          if (killed) return;
          throw error;
        }
        // Enough acknowledged: kill the server while the other senders' requests are in flight.
        if (acknowledged.size >= 300 && !killed) killed = serve!.kill9();
      }
    };
    const senders = tokens.map(sender);
    await Promise.race([Promise.all(senders), new Promise((resolve) => serve!.child.once('exit', resolve))]);
    stop = true;
    await Promise.allSettled(senders);
    await serve.kill9();
    expect(serve.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(300);

    const database = await reopenedCheck(path);
    const stored = new Set(
      database.sqlite.prepare("SELECT at FROM position WHERE delivery_id = 'D-1'").pluck().all() as number[],
    );
    const lost = [...acknowledged].filter((at) => !stored.has(at));
    expect(lost).toEqual([]);
    await database.close();
  }, 60_000);

  it('during a large plant import leaves it entirely absent or entirely present', async () => {
    const path = folder.file('plant.db');
    await fixturePlantFile(path);
    const parts = 80_000;
    const lines = ['id;description;unit;safety_stock;put_away_minutes;supplier_id'];
    for (let i = 0; i < parts; i += 1) lines.push(`KP-${String(i).padStart(6, '0')};Kleinteil ${i};pcs;0;5;`);
    const content = Buffer.from(`${lines.join('\n')}\n`, 'utf8');

    serve = await startServe(path);
    const uploadId = randomUUID();
    const chunk = 512 * 1024;
    const count = Math.ceil(content.length / chunk);
    for (let index = 0; index < count; index += 1) {
      const staged = await serve.call('plantData.upload', {
        uploadId,
        index,
        count,
        chunkBase64: content.subarray(index * chunk, (index + 1) * chunk).toString('base64'),
      });
      expect(staged.ok, JSON.stringify(staged.error)).toBe(true);
    }

    // Kill in the middle of the commit: the import's one transaction is far larger than SQLite's
    // page cache, so its pages spill into the -wal file before the commit frame is written. The
    // kill comes once the log has grown by a megabyte (the checks before the commit only read).
    // Its import.progress events are followed too, but they reach the stream only after the
    // commit: the server's event loop is busy with the one transaction until then.
    const jobId = randomUUID();
    const phases: string[] = [];
    const running = serve;
    const { opened, ended: events } = followEvents(running.base, (name, payload) => {
      const p = payload as { jobId: string; phase: string };
      if (name === 'import.progress' && p.jobId === jobId) phases.push(p.phase);
    });
    await opened;
    const wal = `${path}-wal`;
    const walAtStart = statSync(wal).size;
    let killedAtWal = 0;
    const watcher = watch(wal, () => {
      const size = statSync(wal, { throwIfNoEntry: false })?.size ?? 0;
      if (!killedAtWal && size > walAtStart + 1024 * 1024) {
        killedAtWal = size;
        void running.kill9();
      }
    });
    const exited = new Promise<'killed'>((resolve) => running.child.once('exit', () => resolve('killed')));
    const answer = running
      .call('plantData.import', { files: [{ name: 'parts.csv', uploadId }], mode: 'merge', jobId })
      .then(
        () => 'answered' as const,
        () => 'killed' as const,
      );
    const first = await Promise.race([exited, answer]);
    watcher.close();
    // After an answer the kill comes now; after a kill, this waits for the process to be gone.
    await running.kill9();
    await events;
    expect(running.child.signalCode, `${first} ${running.child.exitCode}: ${running.output()}`).toBe(
      'SIGKILL',
    );

    const database = await reopenedCheck(path);
    const imported = database.sqlite
      .prepare("SELECT count(*) FROM part WHERE id LIKE 'KP-%'")
      .pluck()
      .get() as number;
    expect([0, parts]).toContain(imported);
    console.info(
      `[durability] import ${first === 'answered' ? 'answered before the kill' : `killed with the -wal at ${killedAtWal} bytes`}; progress seen: ${phases.join(',') || 'none'}; after restart: ${imported === 0 ? 'absent' : 'present'}`,
    );
    // Killed before its answer: the commit never completed, so nothing of it may be there.
    // Answered first: the commit completed before the kill, so all of it must be there.
    expect(imported).toBe(first === 'killed' ? 0 : parts);
    await database.close();
  }, 60_000);
});
