import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';

// Removing the demo plant: every row of the plant's tables goes in one transaction (foreign keys
// checked at commit), leaving an empty plant. Settings a person chose (language, ingest, sync …)
// stay; the demo's own state (demo.*) goes. The setting 'plant.demoRemoved' keeps the next start
// from loading the demo into the now empty database again.

export const DEMO_REMOVED_SETTING = 'plant.demoRemoved';

/** Whether a person removed the demo (or chose an own plant) in this database. */
export function demoWasRemoved(sqlite: AppContext['database']['sqlite']): boolean {
  return sqlite.prepare('SELECT 1 FROM setting WHERE key = ?').get(DEMO_REMOVED_SETTING) !== undefined;
}

interface Stoppable {
  stop?: () => Promise<void>;
}

export async function removeDemoPlant(ctx: AppContext): Promise<{ removedRows: number }> {
  const { sqlite } = ctx.database;
  if (!sqlite.prepare('SELECT 1 FROM site WHERE is_demo = 1').get()) {
    throw new DomainError('CONFLICT', 'The plant is not the demo plant: there is no demo to remove.');
  }
  // The simulator writes into the demo's tables on every step: it stops first.
  await (ctx.simulator as Stoppable | undefined)?.stop?.();
  delete ctx.simulator;
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE 'kysely_%' AND name <> 'setting' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const removedRows = sqlite.transaction(() => {
    sqlite.pragma('defer_foreign_keys = ON');
    let removed = 0;
    for (const table of tables) removed += sqlite.prepare(`DELETE FROM "${table}"`).run().changes;
    removed += sqlite
      .prepare("DELETE FROM setting WHERE key LIKE 'demo.%' OR key = 'sync.status'")
      .run().changes;
    sqlite
      .prepare(
        `INSERT INTO setting (key, value, updated_at) VALUES (?, 'true', ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(DEMO_REMOVED_SETTING, ctx.clock.now());
    return removed;
  })();
  ctx.bus.emit('plant.reset', { demo: false });
  ctx.bus.emit('deliveries.changed', { ids: [] });
  ctx.bus.emit('orders.changed', { lineIds: [] });
  ctx.bus.emit('stock.changed', { partIds: [] });
  return { removedRows };
}
