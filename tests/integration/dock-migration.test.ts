import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src-main/db/migrations/index';
import { tempFolder } from '../support/tempDatabase';

// Migration 0002 on a database written by schema v1: the new columns get their defaults, and
// each delivery's required capabilities are taken from the door it was booked at.

const folder = tempFolder();
afterEach(() => folder.remove());

const v1 = (name: string) => name <= '0001_initial';

describe('migration 0002_dock_workflow', () => {
  it('adds required capabilities (from the booked door) and the dock handling to every delivery', async () => {
    const sqlite = new BetterSqlite3(folder.file('v1.db'));
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const through = (last: (name: string) => boolean) =>
      new Migrator({
        db,
        provider: {
          getMigrations: async () =>
            Object.fromEntries(Object.entries(migrations).filter(([name]) => last(name))),
        },
      });
    expect((await through(v1).migrateToLatest()).error).toBeUndefined();
    sqlite.exec(`
      INSERT INTO partner (id, name, role, city, country_code, lat, lon, created_at)
        VALUES ('S1', 'Kühlhaus Nord', 'supplier', 'Kiel', 'DE', 54.3, 10.1, 0);
      INSERT INTO dock_door (id, name, capabilities, opening_hours, unload_minutes, sort_order) VALUES
        ('T1', 'Tor 1', '["cooled","side_loading"]', '[]', 20, 1),
        ('T2', 'Tor 2', 'not json', '[]', 20, 2);
      INSERT INTO inbound_delivery (id, supplier_id, origin_name, origin_lat, origin_lon, door_id, slot_start,
          slot_end, status, created_at, updated_at) VALUES
        ('D-1', 'S1', 'Kiel', 54.3, 10.1, 'T1', 0, 1800000, 'announced', 0, 0),
        ('D-2', 'S1', 'Kiel', 54.3, 10.1, 'T2', 0, 1800000, 'announced', 0, 0),
        ('D-3', 'S1', 'Kiel', 54.3, 10.1, NULL, 0, 1800000, 'announced', 0, 0);
    `);
    expect((await through(() => true).migrateTo('0002_dock_workflow')).error).toBeUndefined();
    const rows = sqlite
      .prepare('SELECT id, required_capabilities, dock_handling FROM inbound_delivery ORDER BY id')
      .all();
    expect(rows).toEqual([
      { id: 'D-1', required_capabilities: '["cooled","side_loading"]', dock_handling: 'auto' },
      { id: 'D-2', required_capabilities: '[]', dock_handling: 'auto' },
      { id: 'D-3', required_capabilities: '[]', dock_handling: 'auto' },
    ]);
    expect(() =>
      sqlite.prepare("UPDATE inbound_delivery SET dock_handling = 'robot' WHERE id = 'D-1'").run(),
    ).toThrow(/CHECK constraint failed/);
    await db.destroy();
  });
});
