import { statSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';

// Keeps the write-ahead log small. SQLite's automatic checkpoint (every ~1000 pages) copies the
// log back into the database but leaves the -wal file at its largest size, and it cannot finish
// while a reader holds an old snapshot; a large import can leave hundreds of MB behind. So:
//  - `journal_size_limit` = the bound: whenever the log restarts it is cut back to the bound, and
//    the automatic checkpoint runs at half the bound at most;
//  - every `everyMs`, if the -wal file is larger than the bound, a TRUNCATE checkpoint empties it
//    (PASSIVE first if a reader blocks TRUNCATE, so as much as possible is folded in).

/** The default bound of the -wal file. */
export const WAL_BOUND_BYTES = 32 * 1024 * 1024;

export interface WalCheckpointOptions {
  boundBytes?: number;
  everyMs?: number;
}

export interface WalKeeper {
  /** Checks the size now and checkpoints if it is over the bound; answers the -wal size after. */
  checkNow(): number;
  stop(): void;
}

const walSize = (path: string) => statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0;

export function keepWalInCheck(
  sqlite: BetterSqlite3.Database,
  path: string,
  options: WalCheckpointOptions = {},
): WalKeeper {
  const bound = options.boundBytes ?? WAL_BOUND_BYTES;
  sqlite.pragma(`journal_size_limit = ${bound}`);
  // SQLite's own checkpoint after each commit at half the bound (its default is ~4 MB), so the
  // log restarts, and is cut back, well before it reaches the bound.
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  sqlite.pragma(`wal_autocheckpoint = ${Math.max(16, Math.min(1000, Math.floor(bound / pageSize / 2)))}`);
  const checkNow = () => {
    if (!sqlite.open || sqlite.inTransaction || walSize(path) <= bound) return walSize(path);
    const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy) sqlite.pragma('wal_checkpoint(PASSIVE)');
    return walSize(path);
  };
  const timer = setInterval(() => {
    try {
      checkNow();
    } catch {
      // A busy or closing database: the next round tries again.
    }
  }, options.everyMs ?? 10_000);
  timer.unref();
  return { checkNow, stop: () => clearInterval(timer) };
}
