import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProcedureName, ProcedureOutput } from '../../src-main/api/contract';
import { procedures } from '../../src-main/api/procedures/index';
import { type Caller, callProcedure } from '../../src-main/api/registry';
import type { Result } from '../../src-main/api/result';
import { createLeitstand } from '../../src-main/app/createLeitstand';
import {
  type BackupFile,
  backupName,
  backupsToPrune,
  listBackups,
} from '../../src-main/db/backup/backupFiles';
import { startBackups } from '../../src-main/db/backup/backupService';
import { applyPendingRestore, markerPathOf } from '../../src-main/db/backup/pendingRestore';
import { DatabaseInUseError, restoreDatabaseFile } from '../../src-main/db/backup/restoreFile';
import { openDatabase } from '../../src-main/db/connection';
import { loadFixturePlant } from '../support/fixturePlant';
import { testContext } from '../support/testContext';

const desk: Caller = { transport: 'internal', access: 'write' };
const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };

let t: Awaited<ReturnType<typeof testContext>>;
beforeEach(async () => {
  t = await testContext();
  await loadFixturePlant(t.ctx);
});
afterEach(() => t.dispose());

const call = <N extends ProcedureName>(name: N, input: unknown) =>
  callProcedure(t.ctx, procedures, name, input, desk, silent) as Promise<Result<ProcedureOutput<N>>>;
const value = async <N extends ProcedureName>(name: N, input: unknown) => {
  const result = await call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
};

const notesOf = (path: string) => {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return (
      db.prepare("SELECT notes FROM inbound_delivery WHERE id = 'D-1'").get() as { notes: string | null }
    ).notes;
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('takes a verified online copy beside the database and lists it', async () => {
    await value('deliveries.addNote', { id: 'D-1', note: 'vor der Sicherung' });
    const taken = await value('backup.now', {});
    expect(taken.kind).toBe('manual');
    const listed = await value('backup.list', {});
    expect(listed.folder).toBe(t.folder.file('backups'));
    expect(listed.backups.map((b) => b.name)).toEqual([taken.name]);
    const copy = join(listed.folder, taken.name);
    // Proven whole and a single file: no -wal or .partial left beside it.
    const db = new BetterSqlite3(copy, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
    expect(notesOf(copy)).toContain('vor der Sicherung');
    expect(existsSync(`${copy}-wal`)).toBe(false);
  });

  it('keeps 24 hourly and one per day for 7 days, and 10 manual copies', () => {
    const hour = 3_600_000;
    const start = Date.UTC(2026, 10, 27, 12);
    const scheduled: BackupFile[] = Array.from({ length: 24 * 14 }, (_, i) => ({
      name: backupName('scheduled', start - i * hour),
      kind: 'scheduled',
      takenAt: start - i * hour,
      bytes: 1,
    }));
    const manual: BackupFile[] = Array.from({ length: 12 }, (_, i) => ({
      name: backupName('manual', start - i * hour - 1),
      kind: 'manual',
      takenAt: start - i * hour - 1,
      bytes: 1,
    }));
    const all = [...scheduled, ...manual].sort((a, b) => b.takenAt - a.takenAt);
    const pruned = new Set(backupsToPrune(all, { keepHourly: 24, keepDaily: 7 }).map((b) => b.name));
    const kept = all.filter((b) => !pruned.has(b.name));
    const keptScheduled = kept.filter((b) => b.kind === 'scheduled');
    expect(keptScheduled.slice(0, 24)).toEqual(scheduled.slice(0, 24));
    const dailies = keptScheduled.slice(24);
    expect(dailies).toHaveLength(7);
    expect(new Set(dailies.map((b) => new Date(b.takenAt).toISOString().slice(0, 10))).size).toBe(7);
    expect(kept.filter((b) => b.kind === 'manual')).toEqual(manual.slice(0, 10));
  });

  it('runs the schedule by real time and applies retention', async () => {
    const folder = t.folder.file('backups');
    await value('backup.setSettings', { intervalMinutes: 60, keepHourly: 1, keepDaily: 0 });
    // The last scheduled copy is 61 minutes old: the next one is due at once.
    const old = await value('backup.now', {});
    const seeded = join(folder, backupName('scheduled', Date.now() - 61 * 60_000));
    writeFileSync(seeded, '');
    // A copy a crash interrupted: the next backup's retention removes it.
    const stalePartial = join(folder, `.${backupName('manual', 1)}.partial`);
    writeFileSync(stalePartial, 'half');
    const service = startBackups(t.ctx, { logger: silent });
    try {
      await vi.waitFor(
        async () => {
          const scheduled = (await listBackups(folder)).filter((b) => b.kind === 'scheduled');
          expect(scheduled).toHaveLength(1);
          expect(scheduled[0]!.name).not.toBe(seeded.split('/').pop());
        },
        { timeout: 10_000, interval: 20 },
      );
      expect(existsSync(join(folder, old.name))).toBe(true);
      expect(existsSync(stalePartial)).toBe(false);
      expect(service.nextDueAt()).toBeGreaterThan(Date.now() + 59 * 60_000);
      // Turning the schedule off stops it.
      await value('backup.setSettings', { intervalMinutes: 0 });
      await vi.waitFor(() => expect(service.nextDueAt()).toBeNull());
    } finally {
      await service.stop();
    }
  });

  it('restores a backup at the next start and keeps the file before it', async () => {
    await value('deliveries.addNote', { id: 'D-1', note: 'Stand A' });
    const backup = await value('backup.now', {});
    await value('deliveries.addNote', { id: 'D-1', note: 'Stand B, nach der Sicherung' });
    const asked = await value('backup.restore', { name: backup.name });
    expect(asked).toEqual({ pendingRestore: backup.name, appliesAt: 'nextStart' });
    expect((await value('backup.list', {})).pendingRestore).toBe(backup.name);
    const path = t.ctx.database.path;
    await t.ctx.database.close();

    expect(await applyPendingRestore(path, { logger: silent, now: Date.now() })).toBe(true);
    expect(existsSync(markerPathOf(path))).toBe(false);
    const reopened = await openDatabase({ path });
    const row = reopened.sqlite.prepare("SELECT notes FROM inbound_delivery WHERE id = 'D-1'").get() as {
      notes: string;
    };
    expect(row.notes).toContain('Stand A');
    expect(row.notes).not.toContain('Stand B');
    await reopened.close();
    const safety = (await listBackups(t.folder.file('backups'))).find((b) => b.kind === 'before-restore');
    expect(safety).toBeDefined();
    expect(notesOf(join(t.folder.file('backups'), safety!.name))).toContain('Stand B');
  });

  it('applies a restore asked for in the app when the plant starts again', async () => {
    await value('deliveries.addNote', { id: 'D-1', note: 'Stand A' });
    const backup = await value('backup.now', {});
    await value('deliveries.addNote', { id: 'D-1', note: 'Stand B' });
    await value('backup.restore', { name: backup.name });
    await t.ctx.database.close();
    const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
    const leitstand = await createLeitstand({
      dbPath: t.ctx.database.path,
      empty: true,
      simulate: false,
      partnerNotices: false,
      recommender: { mode: 'inline', autoRecompute: false },
      logger,
    });
    try {
      const row = leitstand.database.sqlite
        .prepare("SELECT notes FROM inbound_delivery WHERE id = 'D-1'")
        .get() as { notes: string };
      expect(row.notes).toContain('Stand A');
      expect(row.notes).not.toContain('Stand B');
      const listed = await leitstand.call('backup.list', {}, desk);
      expect(listed.ok && listed.value).toMatchObject({
        pendingRestore: null,
        backups: expect.arrayContaining([expect.objectContaining({ kind: 'before-restore' })]),
      });
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(/^\[backup\] restored .* from leitstand-/),
      );
    } finally {
      await leitstand.close();
    }
  });

  it('refuses a damaged or unknown backup and leaves nothing pending', async () => {
    const folder = t.folder.file('backups');
    const good = await value('backup.now', {});
    const damagedName = backupName('manual', Date.now() + 1000);
    writeFileSync(join(folder, damagedName), 'SQLite format 3\0 but not really a database'.repeat(200));
    const damaged = await call('backup.restore', { name: damagedName });
    expect(!damaged.ok && damaged.error.code).toBe('CONFLICT');
    expect(!damaged.ok && damaged.error.message).toMatch(/not a readable database|damaged|cannot be opened/);
    const missing = await call('backup.restore', { name: backupName('manual', 0) });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
    const traversal = await call('backup.restore', { name: '../plant.db' });
    expect(!traversal.ok && traversal.error.code).toBe('INVALID_INPUT');
    expect(existsSync(markerPathOf(t.ctx.database.path))).toBe(false);
    expect(good.name).toBeTruthy();
  });

  it('backs up into a chosen folder only if it exists, and a pending restore can be cancelled', async () => {
    const chosen = t.folder.file('elsewhere');
    const missing = await call('backup.setSettings', { folder: chosen });
    expect(!missing.ok && missing.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/not an existing folder/),
    });
    const root = await call('backup.setSettings', { folder: '/' });
    expect(!root.ok && root.error.code).toBe('INVALID_INPUT');
    const relative = await call('backup.setSettings', { folder: 'backups' });
    expect(!relative.ok && relative.error.code).toBe('INVALID_INPUT');
    mkdirSync(chosen);
    expect((await value('backup.setSettings', { folder: chosen })).folder).toBe(chosen);
    expect(t.events.map((e) => e.event)).toContain('settings.changed');
    const taken = await value('backup.now', {});
    expect(existsSync(join(chosen, taken.name))).toBe(true);
    await value('backup.restore', { name: taken.name });
    expect((await value('backup.list', {})).pendingRestore).toBe(taken.name);
    expect(await value('backup.restore', { name: null })).toEqual({
      pendingRestore: null,
      appliesAt: 'nextStart',
    });
    expect(existsSync(markerPathOf(t.ctx.database.path))).toBe(false);
  });

  it('will not replace a database another connection has open', async () => {
    const backup = await value('backup.now', {});
    await value('deliveries.addNote', { id: 'D-1', note: 'noch offen' });
    const attempt = restoreDatabaseFile({
      dbPath: t.ctx.database.path,
      backupPath: join(t.folder.file('backups'), backup.name),
      safetyFolder: t.folder.file('backups'),
      at: Date.now(),
    });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseInUseError);
    await expect(attempt).rejects.toThrow(/open in another process.*nothing was changed/);
    const row = t.ctx.database.sqlite
      .prepare("SELECT notes FROM inbound_delivery WHERE id = 'D-1'")
      .get() as {
      notes: string;
    };
    expect(row.notes).toContain('noch offen');
  });
});
