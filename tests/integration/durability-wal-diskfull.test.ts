import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { procedures } from '../../src-main/api/procedures/index';
import { type Caller, callProcedure } from '../../src-main/api/registry';
import { keepWalInCheck } from '../../src-main/db/walCheckpoint';
import { loadFixturePlant } from '../support/fixturePlant';
import { testContext } from '../support/testContext';

const desk: Caller = { transport: 'internal', access: 'write' };

let t: Awaited<ReturnType<typeof testContext>>;
beforeEach(async () => {
  t = await testContext();
  await loadFixturePlant(t.ctx);
});
afterEach(() => t.dispose());

const walBytes = () => statSync(`${t.ctx.database.path}-wal`, { throwIfNoEntry: false })?.size ?? 0;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the write-ahead log', () => {
  it('stays below its bound under sustained writes', async () => {
    const { sqlite } = t.ctx.database;
    sqlite.exec('CREATE TABLE wal_probe (id INTEGER PRIMARY KEY, payload BLOB) STRICT');
    const insert = sqlite.prepare('INSERT INTO wal_probe (payload) VALUES (randomblob(4000))');
    const bound = 1024 * 1024;
    const keeper = keepWalInCheck(sqlite, t.ctx.database.path, { boundBytes: bound, everyMs: 5 });
    // A batch (one transaction) adds at most ~50 pages to the log; between batches the event
    // loop turns, as it does between requests in the running app.
    const batch = sqlite.transaction(() => {
      for (let i = 0; i < 40; i += 1) insert.run();
    });
    let largest = 0;
    try {
      for (let round = 0; round < 400; round += 1) {
        batch();
        largest = Math.max(largest, walBytes());
        await nextTurn();
        if (round % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 6));
      }
      // ~64 MB went through the log, which never held more than the bound plus one batch.
      const written = (sqlite.prepare('SELECT count(*) AS n FROM wal_probe').get() as { n: number }).n;
      expect(written).toBe(16_000);
      expect(largest).toBeLessThan(bound + 60 * 4096 * 2);
      expect(keeper.checkNow()).toBeLessThanOrEqual(bound);
    } finally {
      keeper.stop();
    }
  });
});

describe('a full disk', () => {
  it('answers a clear error, writes nothing, keeps the file whole, and works again with space', async () => {
    const { sqlite } = t.ctx.database;
    const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
    const note = (text: string) =>
      callProcedure(t.ctx, procedures, 'deliveries.addNote', { id: 'D-1', note: text }, desk, logger);
    const notes = () =>
      (
        sqlite.prepare("SELECT notes FROM inbound_delivery WHERE id = 'D-1'").get() as {
          notes: string | null;
        }
      ).notes;
    const eventCount = () => (sqlite.prepare('SELECT count(*) AS n FROM event_log').get() as { n: number }).n;
    // The file may not grow by a single page: the disk is full (SQLITE_FULL).
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages}`);
    let refused: Awaited<ReturnType<typeof note>> | null = null;
    let before = { notes: notes(), events: eventCount() };
    for (let i = 0; i < 200 && !refused; i += 1) {
      before = { notes: notes(), events: eventCount() };
      const result = await note(`Notiz ${i} ${'x'.repeat(480)}`);
      if (!result.ok) refused = result;
    }
    expect(refused).not.toBeNull();
    expect(!refused!.ok && refused!.error).toEqual({
      code: 'DISK_FULL',
      message: expect.stringMatching(
        /^The disk is full: "deliveries\.addNote" could not be saved and nothing was written/,
      ),
    });
    // Nothing of the refused call was written, and the file is whole.
    expect({ notes: notes(), events: eventCount() }).toEqual(before);
    expect(sqlite.inTransaction).toBe(false);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // Space returns: the same write goes through.
    sqlite.pragma(`max_page_count = ${pages * 100}`);
    const again = await note('wieder Platz');
    expect(again.ok).toBe(true);
    expect(notes()).toContain('wieder Platz');
  });
});
