import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedures } from '../../src-main/api/procedures/index';
import { type AnyProcedure, type Caller, callProcedure } from '../../src-main/api/registry';
import type { Result } from '../../src-main/api/result';
import type { AppContext } from '../../src-main/app/context';
import { assembleLeitstand } from '../../src-main/app/createLeitstand';
import { type RunningServer, startHttpServer } from '../../src-main/server/http';
import { loadFixturePlant } from '../support/fixturePlant';
import { fuzzInput, inputJsonSchema, type JsonSchema } from '../support/schemaArbitrary';
import { testContext } from '../support/testContext';

// Issue 9, security: every procedure of the registry, fuzzed with input derived from its own zod
// schema (valid-looking samples and hostile mutations of them). Whatever arrives: no crash, never
// INTERNAL (HTTP 500), and a refused call changes nothing — not one row of any table, no event.
// Each procedure gets a fresh fixture plant with a manual clock and no simulator, so nothing moves
// between the snapshots but the call itself.

const desk: Caller = { transport: 'internal', access: 'write' };
const silent = { error: () => {}, warn: () => {}, info: () => {} };
/** 30 keeps the whole file near 20 s; FUZZ_RUNS and FUZZ_SEED explore further by hand. */
const RUNS_PER_PROCEDURE = Number(process.env.FUZZ_RUNS ?? 30);
/** fast-check's seed: fixed so a failure replays. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);

type TestContext = Awaited<ReturnType<typeof testContext>>;

/**
 * The one deliberate write of a refusal: a refused notice file is kept in its audit table (with
 * the reason), so the desk can see what a partner sent and why it was not taken. Everything else
 * must stay as it was, and the audit grows by that one row at most.
 */
const REFUSAL_AUDIT: Partial<Record<string, string>> = { 'notices.import': 'notice_message' };

const START = Date.UTC(2026, 10, 27, 8, 0);
const DAY = 24 * 3_600_000;

/** Inputs that pass every refinement on the fixture plant: they and their mutations reach the handlers. */
const EXAMPLES: Partial<Record<string, unknown[]>> = {
  'docks.setGridMinutes': [{ minutes: 15 }],
  'docks.timeline': [{ from: START - DAY / 2, to: START + DAY / 2 }],
  'docks.moveSlot': [{ deliveryId: 'D-1', doorId: 'T2', slotStart: START + 2 * 3_600_000 }],
  'docks.swapSlots': [{ deliveryId: 'D-1', withDeliveryId: 'D-2' }],
  'gate.assignDoor': [{ deliveryId: 'D-2', doorId: 'T1' }],
  'reports.dayOverview': [{ day: '2026-11-27' }],
  'reports.delivery': [{ day: '2026-11-27' }],
  'reports.dashboard': [{ from: '2026-11-20', to: '2026-11-27', partnerId: 'S1' }],
  'partners.scorecard': [{ id: 'S1', from: START - 7 * DAY, to: START }],
  'deliveries.addNote': [{ id: 'D-1', note: 'Palette beschädigt' }],
};

/**
 * Procedures that point the plant at a folder of this machine (backups, report export, the sync
 * folder). A valid random sample would really send files there, so these get only input their
 * schema refuses; their accepted paths have their own tests.
 */
const FOLDER_SETTINGS = new Set(['backup.setSettings', 'reports.setAutoExport', 'settings.update']);
const mayCall = (name: string, input: unknown) =>
  !FOLDER_SETTINGS.has(name) || !procedures[name as keyof typeof procedures].input.safeParse(input).success;

/** A content hash of every table of the database (the schema included) but `except`, in one read. */
function databaseHash(ctx: AppContext, except?: string): string {
  const { sqlite } = ctx.database;
  const hash = createHash('sha256');
  const tables = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IS NOT ? ORDER BY name")
    .all(except ?? null) as { name: string; sql: string }[];
  for (const { name, sql } of tables) {
    hash.update(`\u0000${name}\u0000${sql}\u0000`);
    for (const row of sqlite.prepare(`SELECT * FROM "${name}"`).raw().iterate() as Iterable<unknown[]>)
      hash.update(JSON.stringify(row, (_key, value) => (typeof value === 'bigint' ? `${value}n` : value)));
  }
  return hash.digest('hex');
}

/** Ids that exist in the plant, so valid-looking samples also reach rows and not only NOT_FOUND. */
function plantIds(ctx: AppContext): string[] {
  const { sqlite } = ctx.database;
  const ids = new Set<string>();
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
    name: string;
  }[];
  for (const { name } of tables) {
    const columns = sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[];
    for (const column of columns.filter((c) => c.name === 'id' || c.name.endsWith('_id'))) {
      const values = sqlite
        .prepare(`SELECT DISTINCT "${column.name}" AS v FROM "${name}" LIMIT 20`)
        .all() as {
        v: unknown;
      }[];
      for (const { v } of values) if (typeof v === 'string') ids.add(v);
    }
  }
  return [...ids].sort();
}

const describeInput = (input: unknown) => {
  const text = JSON.stringify(input) ?? String(input);
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text;
};

describe('every procedure, fuzzed through the registry', () => {
  const names = Object.keys(procedures) as (keyof typeof procedures)[];

  it('covers the whole registry', () => {
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) expect(() => inputJsonSchema(procedures[name].input), name).not.toThrow();
  });

  it.each(names)('%s: no INTERNAL, and a refused call changes nothing', async (name) => {
    const definition: AnyProcedure = procedures[name];
    const t: TestContext = await testContext();
    try {
      await loadFixturePlant(t.ctx);
      const schema: JsonSchema = inputJsonSchema(definition.input);
      const examples = EXAMPLES[name] ?? [];
      for (const example of examples) expect(definition.input.safeParse(example).success, name).toBe(true);
      const audit = REFUSAL_AUDIT[name];
      const auditRows = () =>
        audit === undefined
          ? 0
          : (t.ctx.database.sqlite.prepare(`SELECT count(*) AS n FROM "${audit}"`).get() as { n: number }).n;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(fuzzInput(schema, { hints: plantIds(t.ctx), examples }), async ({ kind, input }) => {
          if (!mayCall(name, input)) return;
          const before = databaseHash(t.ctx, audit);
          const auditedBefore = auditRows();
          const eventsBefore = t.events.length;
          const result = await callProcedure(t.ctx, procedures, name, input, desk, silent);
          const context = `${name} (${kind}) ${describeInput(input)}`;
          if (result.ok) return;
          refused++;
          expect(result.error.code, `${context}: ${result.error.message}`).not.toBe('INTERNAL');
          expect(result.error.message, context).toMatch(/\S/);
          expect(databaseHash(t.ctx, audit), `${context} was refused but changed the database`).toBe(before);
          expect(auditRows() - auditedBefore, `${context}: audit rows`).toBeLessThanOrEqual(1);
          expect(t.events.slice(eventsBefore), `${context} was refused but announced a change`).toEqual([]);
        }),
        { numRuns: RUNS_PER_PROCEDURE, seed: SEED, endOnFailure: true },
      );
      // Most mutations are refusals; a fuzzer that never saw one would have tested nothing.
      expect(refused).toBeGreaterThan(0);
      expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    } finally {
      await t.dispose();
    }
  });
});

describe('a sample of the same inputs over HTTP', () => {
  let t: TestContext;
  let server: RunningServer;
  beforeAll(async () => {
    t = await testContext();
    await loadFixturePlant(t.ctx);
    server = await startHttpServer({
      leitstand: assembleLeitstand(t.ctx, null, silent),
      port: 0,
      logger: silent,
    });
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  const post = (name: string, body: string) =>
    fetch(new URL(`api/call/${encodeURIComponent(name)}`, server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });

  it('answers every procedure without a 500, and a refused request changes nothing', async () => {
    const names = Object.keys(procedures) as (keyof typeof procedures)[];
    const hints = plantIds(t.ctx);
    let sent = 0;
    for (const [index, name] of names.entries()) {
      const samples = fc.sample(
        fuzzInput(inputJsonSchema(procedures[name].input), { hints, examples: EXAMPLES[name] ?? [] }),
        {
          numRuns: 3,
          seed: SEED + index,
        },
      );
      const bodies = [
        ...samples.map(({ input }) => (mayCall(name, input) ? (JSON.stringify(input) ?? 'null') : '[]')),
        // What JSON.stringify cannot produce: broken JSON and a prototype key in the raw text.
        '{"id": ',
        '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
      ];
      const audit = REFUSAL_AUDIT[name];
      for (const body of bodies) {
        const before = databaseHash(t.ctx, audit);
        const response = await post(name, body);
        const answer = (await response.json()) as Result<unknown>;
        sent++;
        const context = `${name} ${describeInput(body)}`;
        expect(response.status, `${context}: ${JSON.stringify(answer)}`).not.toBe(500);
        if (response.status >= 400) {
          expect(answer.ok, context).toBe(false);
          expect(databaseHash(t.ctx, audit), `${context} was refused but changed the database`).toBe(before);
        }
      }
    }
    expect(sent).toBe(names.length * 5);
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });
});
