import { readFileSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from '../../src-main/db/connection';
import { LATEST_SCHEMA_VERSION, migrations } from '../../src-main/db/migrations/index';
import { tempFolder } from '../support/tempDatabase';

const folders: ReturnType<typeof tempFolder>[] = [];
const folder = () => {
  const f = tempFolder();
  folders.push(f);
  return f;
};
afterEach(() => {
  for (const f of folders.splice(0)) f.remove();
});

describe('opening the plant database', () => {
  it('creates a new file with the whole schema, STRICT tables, WAL and foreign keys', async () => {
    const path = folder().file('plant.db');
    const database = await openDatabase({ path });
    const { sqlite } = database;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const tables = sqlite
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'",
      )
      .all() as { name: string; strict: number }[];
    expect(tables.map((t) => t.name).sort()).toEqual(
      [
        'access_token',
        'bom_item',
        'delivery_item',
        'delivery_route',
        'dock_door',
        'event_log',
        'inbound_delivery',
        'line_rate',
        'line_setup',
        'line_shift',
        'notice_message',
        'order_eligible_line',
        'part',
        'partner',
        'partner_channel',
        'partner_device',
        'partner_message',
        'position',
        'product',
        'production_line',
        'production_order',
        'recommendation',
        'setting',
        'shift',
        'site',
        'stock',
        'stock_movement',
        'supplier_part',
      ].sort(),
    );
    expect(tables.every((t) => t.strict === 1)).toBe(true);
    await database.close();
  });

  it('names every migration NNNN_name and numbers them without gaps', () => {
    const names = Object.keys(migrations).sort();
    expect(names.length).toBeGreaterThan(0);
    names.forEach((name, index) => {
      expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
      expect(Number.parseInt(name.slice(0, 4), 10)).toBe(index + 1);
    });
  });

  it('reopens an existing database without migrating it twice', async () => {
    const path = folder().file('plant.db');
    const first = await openDatabase({ path });
    await first.db.insertInto('product').values({ id: 'A', name: 'Türmodul' }).execute();
    await first.close();
    const second = await openDatabase({ path });
    const products = await second.db.selectFrom('product').selectAll().execute();
    expect(products).toEqual([{ id: 'A', name: 'Türmodul' }]);
    await second.close();
  });

  it('enforces foreign keys and STRICT types', async () => {
    const database = await openDatabase({ path: folder().file('plant.db') });
    expect(() =>
      database.sqlite
        .prepare("INSERT INTO bom_item (product_id, part_id, quantity) VALUES ('X', 'Y', 1)")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      database.sqlite
        .prepare("INSERT INTO setting (key, value, updated_at) VALUES ('a', '1', 'gestern')")
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    await database.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const path = folder().file('newer.db');
    const database = await openDatabase({ path });
    await database.close();
    const raw = new BetterSqlite3(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = readFileSync(path);
    const error = await openDatabase({ path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe('newer-version');
    expect((error as Error).message).toMatch(/written by a newer Leitstand/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('reports a file that is not a database and never overwrites it', async () => {
    const path = folder().file('notes.db');
    const content = 'Schichtübergabe: Tor 4 defekt\n'.repeat(200);
    writeFileSync(path, content);
    const error = await openDatabase({ path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe('corrupt');
    expect((error as Error).message).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('reports a damaged database page and never overwrites it', async () => {
    const path = folder().file('damaged.db');
    const database = await openDatabase({ path });
    const insert = database.sqlite.prepare(
      'INSERT INTO event_log (at, actor, kind, entity_type, entity_id, payload) VALUES (?, ?, ?, ?, ?, ?)',
    );
    database.sqlite.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run(i, 'test', 'note', 'plant', String(i), 'x'.repeat(200));
    })();
    await database.close();
    const bytes = readFileSync(path);
    // Scribble over a page in the middle of the file (past the header and the schema).
    bytes.fill(0xa5, 40 * 4096, 41 * 4096);
    writeFileSync(path, bytes);
    const error = await openDatabase({ path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe('corrupt');
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('reports a path it cannot open', async () => {
    const error = await openDatabase({ path: folder().file('missing-folder/plant.db') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe('unreadable');
  });
});
