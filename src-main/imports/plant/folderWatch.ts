import { type FSWatcher, watch } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Logger } from '../../api/registry';
import type { AppContext } from '../../app/context';
import { readSettings } from '../../services/settings/readSettings';
import { SETTING_KEYS } from '../../services/settings/settingKeys';
import type { DataSetName } from './dataSet';
import { describeIssue } from './issues';
import { importPlantFiles } from './plantImport';
import { recordSyncOutcome } from './syncStatus';

// Stock and order sync: the ERP drops files into a folder (setting 'sync.folder') at intervals.
// A file is taken once it stops growing (same size and time at two looks, `stableMs` apart), goes
// through the same dry run and all-or-nothing commit as a manual import (merge mode: rows are
// updated by key, nothing else is removed), and then moves to processed/ or, refused, to failed/
// with a "<name>.errors.txt" beside it. A refused file changes nothing in the plant.
// fs.watch makes it quick; the periodic scan makes it sure (network shares often do not notify).

/** Which data set a dropped file holds, from its name: "stock…" or "orders…" (German too). */
export function syncDataSetOf(fileName: string): DataSetName | null {
  const lower = fileName.toLowerCase();
  if (!['.csv', '.xlsx'].includes(extname(lower))) return null;
  if (/^(stock|bestand)/.test(lower)) return 'stock';
  if (/^(orders|auftr(ae|ä)ge|fertigungsauftr)/.test(lower)) return 'orders';
  return null;
}

export interface FolderSync {
  /** Looks at the folder now (tests; the watcher and the timer call it too). */
  scanNow(): Promise<void>;
  stop(): Promise<void>;
}

export interface FolderSyncOptions {
  logger?: Logger;
  /** How long a file must keep its size before it is taken (default 2 s). */
  stableMs?: number;
  /** Real time for the stability check; tests pass their own. */
  wallNow?: () => number;
}

interface Seen {
  size: number;
  mtimeMs: number;
  since: number;
}

async function uniqueTarget(folder: string, name: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const target = join(folder, name);
  try {
    await stat(target);
  } catch {
    return target;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return join(folder, `${stamp}_${name}`);
}

export function startFolderSync(ctx: AppContext, options: FolderSyncOptions = {}): FolderSync {
  const logger = options.logger ?? console;
  const stableMs = options.stableMs ?? 2000;
  const wallNow = options.wallNow ?? Date.now;
  const seen = new Map<string, Seen>();
  let folder: string | null = null;
  let watcher: FSWatcher | null = null;
  let timer: NodeJS.Timeout | null = null;
  let recheck: NodeJS.Timeout | null = null;
  let stopped = false;
  let work: Promise<void> = Promise.resolve();

  const take = async (name: string, dataSet: DataSetName) => {
    const dir = folder!;
    const path = join(dir, name);
    const content = await readFile(path);
    const outcome = await importPlantFiles(ctx, [{ name, content, dataSet }], {
      mode: 'merge',
      origin: `sync ${name}`,
      only: [dataSet],
    });
    const at = ctx.clock.now();
    const issues = outcome.committed ? null : outcome.issues.map(describeIssue);
    recordSyncOutcome(ctx.database.sqlite, dataSet, { file: name, at, issues });
    const target = await uniqueTarget(join(dir, outcome.committed ? 'processed' : 'failed'), name);
    await rename(path, target);
    if (issues) {
      await writeFile(`${target}.errors.txt`, `${issues.join('\n')}\n`, 'utf8');
      logger.warn(`[sync] refused ${name}: ${issues[0]}`);
    } else {
      logger.info(`[sync] imported ${name}`);
    }
    ctx.bus.emit('settings.changed', { keys: [SETTING_KEYS.syncStatus] });
  };

  const scan = async () => {
    if (stopped || !folder) return;
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      logger.warn(`[sync] cannot read the sync folder ${folder}: ${(error as Error).message}`);
      return;
    }
    const now = wallNow();
    let waiting = false;
    for (const name of names.sort()) {
      const dataSet = syncDataSetOf(name);
      if (!dataSet || name.startsWith('.') || name.startsWith('~$')) continue;
      let info: Awaited<ReturnType<typeof stat>>;
      try {
        info = await stat(join(folder, name));
      } catch {
        continue; // gone between the listing and the look
      }
      if (!info.isFile()) continue;
      const before = seen.get(name);
      if (!before || before.size !== info.size || before.mtimeMs !== info.mtimeMs) {
        seen.set(name, { size: info.size, mtimeMs: info.mtimeMs, since: now });
        waiting = true;
        continue;
      }
      if (now - before.since < stableMs) {
        waiting = true;
        continue;
      }
      seen.delete(name);
      try {
        await take(name, dataSet);
      } catch (error) {
        logger.error(`[sync] could not process ${name}`, error);
      }
    }
    // A file still settling is looked at again soon, not only at the next periodic scan.
    if (waiting && !stopped && !recheck) {
      recheck = setTimeout(
        () => {
          recheck = null;
          void scanNow();
        },
        Math.max(stableMs, 50),
      );
    }
  };

  const scanNow = () => {
    work = work.then(scan, scan);
    return work;
  };

  const configure = () => {
    watcher?.close();
    watcher = null;
    if (timer) clearInterval(timer);
    timer = null;
    seen.clear();
    const settings = readSettings(ctx.database.sqlite).sync;
    folder = settings.folder;
    if (!folder || stopped) return;
    try {
      watcher = watch(folder, () => void scanNow());
      watcher.on('error', () => undefined);
    } catch (error) {
      logger.warn(
        `[sync] cannot watch ${folder} (${(error as Error).message}); scanning every ${settings.scanSeconds} s`,
      );
    }
    timer = setInterval(() => void scanNow(), settings.scanSeconds * 1000);
    timer.unref?.();
    void scanNow();
  };

  const off = ctx.bus.on('settings.changed', ({ keys }) => {
    if (keys.some((key) => key === SETTING_KEYS.syncFolder || key === SETTING_KEYS.syncScanSeconds))
      configure();
  });
  configure();

  return {
    scanNow,
    async stop() {
      stopped = true;
      off();
      watcher?.close();
      if (timer) clearInterval(timer);
      if (recheck) clearTimeout(recheck);
      await work;
    },
  };
}
