import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { DEFAULT_GRID_MINUTES, type GridMinutes, isGridMinutes } from '../../domain/slots/grid';

// The dock grid, in the setting table: 'dock.gridMinutes' holds a JSON number (5, 10, 15, 30 or
// 60); without it, or with anything else in it, the grid is 30 minutes.

export const DOCK_GRID_SETTING = 'dock.gridMinutes';

const stored = z.number().refine(isGridMinutes);

export function readGridMinutes(sqlite: BetterSqlite3.Database): GridMinutes {
  const row = sqlite.prepare('SELECT value FROM setting WHERE key = ?').get(DOCK_GRID_SETTING) as
    | { value: string }
    | undefined;
  if (!row) return DEFAULT_GRID_MINUTES;
  try {
    const parsed = stored.safeParse(JSON.parse(row.value));
    return parsed.success ? (parsed.data as GridMinutes) : DEFAULT_GRID_MINUTES;
  } catch {
    return DEFAULT_GRID_MINUTES;
  }
}

/** Sets the grid slots snap to; slots already booked off the new grid stay where they are. */
export function setGridMinutes(ctx: AppContext, minutes: GridMinutes): { gridMinutes: GridMinutes } {
  const { sqlite } = ctx.database;
  const now = ctx.clock.now();
  sqlite.transaction(() => {
    const before = readGridMinutes(sqlite);
    sqlite
      .prepare(
        `INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(DOCK_GRID_SETTING, JSON.stringify(minutes), now);
    sqlite
      .prepare(
        `INSERT INTO event_log (at, actor, kind, entity_type, entity_id, payload)
         VALUES (?, 'control room', 'dock.grid_set', 'setting', ?, ?)`,
      )
      .run(now, DOCK_GRID_SETTING, JSON.stringify({ from: before, to: minutes }));
  })();
  // The timeline draws the grid: every open timeline refetches on this.
  ctx.bus.emit('deliveries.changed', { ids: [] });
  return { gridMinutes: minutes };
}
