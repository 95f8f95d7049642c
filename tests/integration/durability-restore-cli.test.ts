import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { procedures } from '../../src-main/api/procedures/index';
import { callProcedure } from '../../src-main/api/registry';
import { listBackups } from '../../src-main/db/backup/backupFiles';
import { DatabaseOpenError, openDatabase } from '../../src-main/db/connection';
import { projectRoot } from '../support/bootHarness';
import { loadFixturePlant } from '../support/fixturePlant';
import { testContext } from '../support/testContext';

const restoreCli = (...args: string[]) =>
  spawnSync(process.execPath, [join(projectRoot, 'scripts', 'restore.mjs'), ...args], {
    encoding: 'utf8',
    timeout: 20_000,
  });

let t: Awaited<ReturnType<typeof testContext>>;
beforeEach(async () => {
  t = await testContext();
  await loadFixturePlant(t.ctx);
});
afterEach(() => t.dispose());

/** Overwrites pages in the middle of the file with garbage, as a failing disk would. */
function damage(path: string) {
  const fd = openSync(path, 'r+');
  try {
    const garbage = Buffer.alloc(4096 * 3, 0xa5);
    writeSync(fd, garbage, 0, garbage.length, 4096 * 2);
  } finally {
    closeSync(fd);
  }
}

describe('a damaged database and the restore command', () => {
  it('reports the damage at start and restores a backup from the command line', async () => {
    const backup = await callProcedure(
      t.ctx,
      procedures,
      'backup.now',
      {},
      { transport: 'internal', access: 'write' },
    );
    expect(backup.ok).toBe(true);
    const path = t.ctx.database.path;

    // While the plant has it open, the command refuses and changes nothing.
    const busy = restoreCli(
      join(t.folder.file('backups'), (await listBackups(t.folder.file('backups')))[0]!.name),
      '--db',
      path,
    );
    expect(busy.status).toBe(1);
    expect(busy.stderr).toMatch(/is open in another process .*Stop it first; nothing was changed/);

    await t.ctx.database.close();
    damage(path);
    const opened = openDatabase({ path });
    await expect(opened).rejects.toBeInstanceOf(DatabaseOpenError);
    await expect(opened).rejects.toThrow(
      /(is damaged|not a readable Leitstand database).*restore a backup|untouched/,
    );

    const [copy] = await listBackups(t.folder.file('backups'));
    const restored = restoreCli(join(t.folder.file('backups'), copy!.name), '--db', path);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/is intact/);
    expect(restored.stdout).toMatch(/Start Leitstand again/);

    const reopened = await openDatabase({ path });
    expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = reopened.sqlite.prepare('SELECT count(*) AS n FROM inbound_delivery').get() as {
      n: number;
    };
    expect(count.n).toBe(3);
    await reopened.close();
    // The damaged file is kept, not thrown away.
    expect((await listBackups(t.folder.file('backups'))).map((b) => b.kind)).toContain('before-restore');
  });

  it('refuses a missing or damaged backup and wrong arguments with clear messages', () => {
    const missing = restoreCli(t.folder.file('nope.db'), '--db', t.ctx.database.path);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/The backup .*nope\.db does not exist/);
    const noDb = restoreCli(t.folder.file('nope.db'));
    expect(noDb.status).toBe(2);
    expect(noDb.stderr).toMatch(/Which database\? Give --db PATH/);
  });
});
