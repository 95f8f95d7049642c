import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { procedures } from '../../src-main/api/procedures/index';
import { callProcedure } from '../../src-main/api/registry';
import { DeviceDeliveries } from '../../src-main/ingest/deviceDeliveries';
import { PositionStore } from '../../src-main/ingest/positionStore';
import { invalidateEtaCache } from '../../src-main/services/eta/etaCache';
import { testContext } from '../support/testContext';
import { writeYearOfHistory } from '../support/yearOfHistory';

// EXPLAIN QUERY PLAN for the hot queries, on a year of history at 1/25 scale (6 deliveries a
// day, 40 fixes a trip): every statement a procedure really prepares is recorded with its
// arguments and explained. None may scan a table that grows with the history (deliveries, their
// items, positions, the event log, stock movements); each must use the index it was built for.
// Checked twice: as a plant database runs (no statistics) and after ANALYZE.

const NOW = Date.UTC(2026, 10, 27, 10, 0);
const DAY_MS = 24 * 3_600_000;
const GROWING = ['inbound_delivery', 'delivery_item', 'position', 'event_log', 'stock_movement'];

interface Recorded {
  sql: string;
  args: unknown[];
}

/**
 * Records every statement run on the connection while `run` runs, with its bound arguments:
 * the statement class itself is wrapped, so statements prepared (and cached) earlier count too.
 */
async function recordStatements(sqlite: BetterSqlite3.Database, run: () => unknown): Promise<Recorded[]> {
  const seen: Recorded[] = [];
  const prototype = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<string, unknown>;
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  for (const method of ['all', 'get', 'run', 'iterate']) {
    const call = prototype[method] as (...args: unknown[]) => unknown;
    originals.set(method, call);
    prototype[method] = function (this: BetterSqlite3.Statement, ...args: unknown[]) {
      if (this.database === sqlite) seen.push({ sql: this.source, args });
      return call.apply(this, args);
    };
  }
  try {
    await run();
  } finally {
    for (const [method, call] of originals) prototype[method] = call;
  }
  return seen;
}

/** The table behind each name a statement reads from: the table itself and its aliases. */
function growingAliases(sql: string): Set<string> {
  const names = new Set<string>();
  for (const table of GROWING) {
    names.add(table);
    const pattern = new RegExp(`\\b"?${table}"?\\s+(?:as\\s+)?"?(\\w+)"?`, 'gi');
    for (const match of sql.matchAll(pattern)) names.add(match[1]!);
  }
  return names;
}

interface Plan {
  sql: string;
  lines: string[];
}

function explain(sqlite: BetterSqlite3.Database, recorded: Recorded[]): Plan[] {
  return recorded
    .filter(({ sql }) => /^\s*(select|with)\b/i.test(sql))
    .map(({ sql, args }) => ({
      sql,
      lines: (
        sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(args as never[])) as { detail: string }[]
      ).map((row) => row.detail),
    }));
}

/** Plan lines that read a growing table whole (with or without an index to walk it in order). */
function fullScans(plans: Plan[]): string[] {
  return plans.flatMap(({ sql, lines }) => {
    const growing = growingAliases(sql);
    return lines
      .filter((line) => {
        const scanned = /^SCAN (\S+)/.exec(line)?.[1];
        return scanned !== undefined && growing.has(scanned);
      })
      .map((line) => `${line}  ←  ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
  });
}

let t: Awaited<ReturnType<typeof testContext>>;
let onTheRoadId: string;
const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };

beforeAll(async () => {
  t = await testContext(NOW);
  const year = writeYearOfHistory(t.ctx.database.sqlite, { now: NOW, perDay: 6, fixesPerTrip: 40 });
  onTheRoadId = year.onTheRoadId;
}, 60_000);
afterAll(() => t.dispose());

async function plansOf(name: string, input: unknown): Promise<Plan[]> {
  const { sqlite } = t.ctx.database;
  const recorded = await recordStatements(sqlite, async () => {
    const result = await callProcedure(
      t.ctx,
      procedures,
      name,
      input,
      { transport: 'internal', access: 'read' },
      logger,
    );
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  });
  return explain(sqlite, recorded);
}

const uses = (plans: Plan[], index: string) =>
  plans.some(({ lines }) => lines.some((line) => line.includes(index)));

const day = (offsetDays: number) => {
  const start = Math.floor(NOW / DAY_MS) * DAY_MS + offsetDays * DAY_MS;
  return { from: start, to: start + DAY_MS };
};

const hotQueries: [label: string, name: string, input: () => unknown, index: string][] = [
  ['deliveries.list of a day', 'deliveries.list', () => day(-100), 'inbound_delivery_slot'],
  [
    'deliveries.list by status',
    'deliveries.list',
    () => ({ statuses: ['in_transit'] }),
    'inbound_delivery_status_slot',
  ],
  [
    'deliveries.list: search in a day',
    'deliveries.list',
    () => ({ ...day(-3), search: 'IN-H 4' }),
    'inbound_delivery_slot',
  ],
  [
    'docks.timeline of a week',
    'docks.timeline',
    () => ({ from: NOW - 3 * DAY_MS, to: NOW + 4 * DAY_MS }),
    'inbound_delivery_slot',
  ],
  ['trucks.live (the map)', 'trucks.live', () => ({}), 'inbound_delivery_status_slot'],
  ['reports.delivery of a day', 'reports.delivery', () => ({ day: '2026-08-14' }), 'inbound_delivery_slot'],
  [
    'reports.delivery of a shift',
    'reports.delivery',
    () => ({ day: '2026-08-14', shiftId: 'night' }),
    'inbound_delivery_slot',
  ],
  ['reports.dayOverview', 'reports.dayOverview', () => ({ day: '2026-08-14' }), 'inbound_delivery_slot'],
  [
    'partners.scorecard of a supplier over half a year',
    'partners.scorecard',
    () => ({ id: 'HS3', from: NOW - 180 * DAY_MS, to: NOW }),
    'inbound_delivery_supplier_slot',
  ],
  [
    'partners.scorecard of a carrier over a year',
    'partners.scorecard',
    () => ({ id: 'HC2', from: NOW - 365 * DAY_MS, to: NOW }),
    'inbound_delivery_carrier_slot',
  ],
  [
    'deliveries.get: the 12-hour track',
    'deliveries.get',
    () => ({ id: onTheRoadId }),
    'position_delivery_at',
  ],
  [
    'deliveries.eta: the ETA engine on a truck',
    'deliveries.eta',
    () => ({ id: onTheRoadId }),
    'position_delivery_at',
  ],
];

describe.each([
  ['as a plant database runs (no statistics)', false],
  ['after ANALYZE', true],
])('query plans %s', (_label, analyze) => {
  beforeAll(() => {
    if (analyze) t.ctx.database.sqlite.exec('ANALYZE');
    // The ETA engine keeps each truck's track in memory once read: read it afresh for each plan.
    invalidateEtaCache(t.ctx.database.sqlite, { trucks: true });
  });

  it.each(hotQueries)(
    '%s reads through %s… and scans no growing table',
    async (_name, name, input, index) => {
      const plans = await plansOf(name, input());
      expect(plans.length).toBeGreaterThan(0);
      expect(fullScans(plans)).toEqual([]);
      expect(uses(plans, index)).toBe(true);
    },
  );

  it('the ingest device lookup and duplicate check use their indexes', async () => {
    const { sqlite } = t.ctx.database;
    const delivery = sqlite
      .prepare<[string], { deviceId: string; carrierId: string }>(
        'SELECT device_id AS deviceId, carrier_id AS carrierId FROM inbound_delivery WHERE id = ?',
      )
      .get(onTheRoadId)!;
    const recorded = await recordStatements(sqlite, () => {
      const devices = new DeviceDeliveries(sqlite, () => NOW);
      const store = new PositionStore(t.ctx, devices, {
        refreshEta: () => null,
        checkInOnArrival: () => false,
      });
      const report = {
        deviceId: delivery.deviceId,
        // Another fix each time this runs: the first one is new.
        at: NOW - (analyze ? 2_000 : 1_000),
        lat: 48.5,
        lon: 11.2,
        speedKmh: 80,
        heading: 90,
        altitude: null,
        accuracyM: null,
        hdop: null,
        battery: null,
      };
      const { batch } = store.storeBatch([{ partnerId: delivery.carrierId, report }]);
      expect(batch.outcomes).toEqual(['stored']);
      // The phone sends the same fix again: the duplicate check answers.
      expect(store.storeBatch([{ partnerId: delivery.carrierId, report }]).batch.outcomes).toEqual([
        'duplicate',
      ]);
    });
    const plans = explain(sqlite, recorded);
    expect(fullScans(plans)).toEqual([]);
    const planOf = (fragment: string) => plans.find((plan) => plan.sql.includes(fragment))!.lines.join('\n');
    // By the device, or — once statistics show how few deliveries are open — by the open statuses:
    // either way a handful of rows however long the history.
    expect(planOf('WHERE device_id = @deviceId')).toMatch(
      /inbound_delivery_device|inbound_delivery_status_slot/,
    );
    if (!analyze) expect(planOf('WHERE device_id = @deviceId')).toContain('inbound_delivery_device');
    expect(planOf('FROM partner_device pd')).toMatch(
      /inbound_delivery_plate|sqlite_autoindex_partner_device_1/,
    );
    expect(planOf('FROM position WHERE delivery_id = ? AND at = ?')).toContain('position_delivery_at');
  });

  it('the retention pass walks positions by time and checks buckets by delivery', () => {
    const { sqlite } = t.ctx.database;
    const plan = (sql: string) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail);
    const thin = plan(
      `SELECT p.id FROM position p WHERE p.at >= 0 AND p.at < 1
         AND p.delivery_id NOT IN (SELECT id FROM inbound_delivery WHERE status IN ('announced', 'in_transit'))
         AND EXISTS (SELECT 1 FROM position q WHERE q.delivery_id = p.delivery_id
                      AND q.at >= p.at - (p.at % 300000) AND q.at <= p.at AND (q.at < p.at OR q.id < p.id))`,
    ).join('\n');
    expect(thin).toMatch(/SEARCH p USING (COVERING )?INDEX position_at/);
    expect(thin).toMatch(/SEARCH q (EXISTS )?USING (COVERING )?INDEX position_delivery_at/);
    expect(thin).toMatch(/inbound_delivery_status_slot/);
    expect(
      plan('SELECT at FROM position WHERE at >= 0 AND at < 1 ORDER BY at LIMIT 1 OFFSET 5000').join('\n'),
    ).toMatch(/SEARCH position USING COVERING INDEX position_at/);
  });
});
