import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProcedureName, ProcedureOutput } from '../../src-main/api/contract';
import { procedures } from '../../src-main/api/procedures/index';
import { callProcedure } from '../../src-main/api/registry';
import { loadDemoPlant } from '../../src-main/demo/load';
import { Simulator } from '../../src-main/demo/simulator';
import { testContext } from '../support/testContext';

// The scorecards on the demo plant after two simulated days: every figure checked against the
// database by an independent query, and the demo's line stoppages attributed to the late trucks
// whose goods ended them.

const SEED = 20261127;
const NOW = Date.UTC(2026, 10, 26, 8, 40);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TOLERANCE = 15 * 60_000;

let t: Awaited<ReturnType<typeof testContext>>;
const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };

beforeAll(async () => {
  t = await testContext(NOW);
  await loadDemoPlant(t.ctx.database, { seed: SEED, now: NOW });
  const simulator = new Simulator(t.ctx);
  for (let hour = 1; hour <= 48; hour++) await simulator.advanceTo(NOW + hour * HOUR);
  t.clock.set(NOW + 48 * HOUR);
}, 60_000);
afterAll(() => t.dispose());

async function value<N extends ProcedureName>(name: N, input: unknown): Promise<ProcedureOutput<N>> {
  const result = await callProcedure(
    t.ctx,
    procedures,
    name,
    input,
    { transport: 'internal', access: 'write' },
    silent,
  );
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as ProcedureOutput<N>;
}

const all = <T>(query: string, ...params: unknown[]) =>
  t.ctx.database.sqlite.prepare(query).all(...params) as T[];
const range = () => ({ from: NOW - 7 * DAY, to: t.clock.now() + DAY });

describe('scorecards on the demo plant', () => {
  it('agree with the database for every partner: arrivals, on time, in slot, notice lines', async () => {
    const partners = all<{ id: string; role: string }>('SELECT id, role FROM partner ORDER BY id');
    expect(partners.length).toBeGreaterThanOrEqual(18);
    const { from, to } = range();
    let judged = 0;
    for (const partner of partners) {
      const scorecard = await value('partners.scorecard', { id: partner.id, from, to });
      const [expected] = all<{ arrived: number; onTime: number; inSlot: number }>(
        `SELECT count(*) AS arrived,
                coalesce(sum(gate_in_at <= slot_end + ?), 0) AS onTime,
                coalesce(sum(gate_in_at <= slot_end + ? AND gate_in_at >= slot_start - ?), 0) AS inSlot
           FROM inbound_delivery
          WHERE (supplier_id = ? OR carrier_id = ?) AND slot_start >= ? AND slot_start < ?
            AND gate_in_at IS NOT NULL AND status != 'cancelled'`,
        TOLERANCE,
        TOLERANCE,
        TOLERANCE,
        partner.id,
        partner.id,
        from,
        to,
      );
      expect(scorecard.punctuality, partner.id).toMatchObject(expected!);
      judged += scorecard.punctuality.due;
      if (partner.role === 'carrier') {
        expect(scorecard.noticeAccuracy).toBeNull();
        continue;
      }
      const [lines] = all<{ lines: number; exact: number }>(
        `SELECT count(*) AS lines, coalesce(sum(i.quantity_received = i.quantity_announced), 0) AS exact
           FROM delivery_item i JOIN inbound_delivery d ON d.id = i.delivery_id
          WHERE d.supplier_id = ? AND d.slot_start >= ? AND d.slot_start < ?
            AND i.quantity_received IS NOT NULL AND d.status != 'cancelled'`,
        partner.id,
        from,
        to,
      );
      expect(scorecard.noticeAccuracy, partner.id).toMatchObject({
        lines: lines!.lines,
        exactLines: lines!.exact,
      });
      // The weekly trend splits the same deliveries, nothing lost or counted twice.
      expect(scorecard.weeks.reduce((sum, week) => sum + week.due, 0)).toBe(scorecard.punctuality.due);
    }
    // Two days of a plant with about 150 deliveries a day, each judged for its supplier and carrier.
    expect(judged).toBeGreaterThan(2 * 250);
  });

  it("puts each stoppage that a late truck ended on that truck's supplier and carrier", async () => {
    const resumed = all<{ at: number; payload: string }>(
      `SELECT at, payload FROM event_log WHERE kind = 'line.resumed' ORDER BY at`,
    );
    expect(resumed.length).toBeGreaterThan(0);
    // Independently: the last receipt of the part during the stoppage, and whether its truck was late.
    const expected = new Map<string, number>();
    for (const row of resumed) {
      const { partId, stoppedMinutes } = JSON.parse(row.payload) as {
        partId: string;
        stoppedMinutes: number;
      };
      const [ending] = all<{ supplierId: string; carrierId: string | null; late: number }>(
        `SELECT d.supplier_id AS supplierId, d.carrier_id AS carrierId, d.gate_in_at > d.slot_end + ? AS late
           FROM stock_movement m JOIN inbound_delivery d ON d.id = m.delivery_id
          WHERE m.part_id = ? AND m.kind = 'receipt' AND m.at <= ? AND m.at >= ?
          ORDER BY m.at DESC LIMIT 1`,
        TOLERANCE,
        partId,
        row.at,
        row.at - stoppedMinutes * 60_000,
      );
      if (!ending?.late) continue;
      for (const id of [ending.supplierId, ending.carrierId]) {
        if (id) expected.set(id, (expected.get(id) ?? 0) + stoppedMinutes);
      }
    }
    expect(expected.size).toBeGreaterThan(0);
    const { from, to } = range();
    for (const { id } of all<{ id: string }>('SELECT id FROM partner')) {
      const impact = (await value('partners.scorecard', { id, from, to })).productionImpact;
      expect(impact.causedMinutes, id).toBe(expected.get(id) ?? 0);
      for (const caused of impact.caused) expect(caused.lineName).toMatch(/^Linie \d/);
    }
  });

  it('gives each partner its contacts, counts and cross-reference', async () => {
    for (const { id } of all<{ id: string }>(`SELECT id FROM partner WHERE role != 'carrier'`)) {
      const [partner, references] = await Promise.all([
        value('partners.get', { id }),
        value('partners.crossReference', { id }),
      ]);
      expect(partner.contact.email).toMatch(/@/);
      expect(partner.counts.supplierParts).toBe(references.total);
      expect(references.total).toBeGreaterThan(0);
      for (const row of references.rows) expect(row.description).not.toBe('');
    }
  });
});
