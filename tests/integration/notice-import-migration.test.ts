import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testContext } from '../support/testContext';

// Migration 0003: partner party ids (unique when set) and the audit of incoming notices.

let t: Awaited<ReturnType<typeof testContext>>;
beforeEach(async () => {
  t = await testContext();
});
afterEach(() => t.dispose());

const partner = (id: string, partyId: string | null) =>
  t.ctx.database.sqlite
    .prepare(
      `INSERT INTO partner (id, name, role, city, country_code, lat, lon, created_at, party_id)
       VALUES (?, ?, 'supplier', 'Linz', 'AT', 48.3, 14.3, 0, ?)`,
    )
    .run(id, id, partyId);

describe('schema v3: shipping notices', () => {
  it('keeps party ids unique when set and lets any number of partners go without', () => {
    partner('A', '4012345000016');
    partner('B', null);
    partner('C', null);
    expect(() => partner('D', '4012345000016')).toThrow(/UNIQUE/);
  });

  it('accepts only known sources, formats and outcomes in the notice audit', () => {
    const insert = t.ctx.database.sqlite.prepare(
      `INSERT INTO notice_message (received_at, source, format, outcome, actor) VALUES (0, ?, ?, ?, 'test')`,
    );
    insert.run('file', 'desadv', 'imported');
    insert.run('partner', 'json', 'refused');
    expect(() => insert.run('mail', 'desadv', 'imported')).toThrow(/CHECK/);
    expect(() => insert.run('file', 'xml', 'imported')).toThrow(/CHECK/);
    expect(() => insert.run('file', 'csv', 'maybe')).toThrow(/CHECK/);
    expect(t.ctx.database.sqlite.prepare('SELECT notice_numbers FROM notice_message').all()).toEqual([
      { notice_numbers: '[]' },
      { notice_numbers: '[]' },
    ]);
  });
});
