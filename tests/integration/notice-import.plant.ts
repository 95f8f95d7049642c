import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../src-main/app/context';
import { loadFixturePlant } from '../support/fixturePlant';

// The fixture plant plus what shipping notices need: party ids and the supplier part
// cross-reference of three suppliers (Kabelwerk by GLN, Federnfabrik by DUNS, Gusswerk by its
// VDA supplier number), as the fixtures in tests/fixtures/desadv name them.

export const KABELWERK_GLN = '4012345000016';
export const HUBER_GLN = '4098765000010';

export const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/desadv', name), 'utf8');

export async function loadNoticePlant(ctx: AppContext) {
  await loadFixturePlant(ctx);
  const { sqlite } = ctx.database;
  const now = ctx.clock.now();
  sqlite.prepare('UPDATE partner SET party_id = ? WHERE id = ?').run(KABELWERK_GLN, 'S1');
  sqlite.prepare('UPDATE partner SET party_id = ? WHERE id = ?').run(HUBER_GLN, 'C1');
  const partner = sqlite.prepare(
    `INSERT INTO partner (id, name, role, city, country_code, lat, lon, created_at, party_id)
     VALUES (?, ?, 'supplier', ?, ?, ?, ?, ?, ?)`,
  );
  partner.run('S2', 'Federnfabrik Linz', 'Linz', 'AT', 48.31, 14.29, now, '123456789');
  partner.run('S3', 'Gusswerk Steyr', 'Steyr', 'AT', 48.04, 14.42, now, '08154711');
  const map = sqlite.prepare(
    'INSERT INTO supplier_part (supplier_id, supplier_part_number, part_id) VALUES (?, ?, ?)',
  );
  map.run('S1', 'KW-88', '4711-001');
  map.run('S1', 'KW-89', '4711-002');
  map.run('S1', '4006381333931', '4711-002');
  map.run('S2', 'F-100', '4711-001');
  map.run('S2', 'F-200', '4711-002');
  map.run('S3', 'GS-9001', '4711-002');
  map.run('S3', 'GS-9002', '4711-001');
}

/** Every plant table's content, hashed: proves a refusal wrote nothing (the audit aside). */
export function plantHash(ctx: AppContext): string {
  const { sqlite } = ctx.database;
  const tables = (
    sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all() as {
      name: string;
    }[]
  )
    .map((row) => row.name)
    .filter(
      (name) => name !== 'notice_message' && name !== 'kysely_migration' && name !== 'kysely_migration_lock',
    );
  const hash = createHash('sha256');
  for (const table of tables) {
    hash.update(table);
    hash.update(JSON.stringify(sqlite.prepare(`SELECT * FROM ${table}`).all()));
  }
  return hash.digest('hex');
}

export const noticeMessages = (ctx: AppContext) =>
  ctx.database.sqlite.prepare('SELECT * FROM notice_message ORDER BY id').all() as {
    outcome: string;
    error: string | null;
    format: string;
    source: string;
    raw: string | null;
    notice_numbers: string;
  }[];
