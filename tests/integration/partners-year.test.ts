import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { ProcedureOutput } from '../../src-main/api/contract';
import { procedures } from '../../src-main/api/procedures/index';
import { callProcedure } from '../../src-main/api/registry';
import { randomStream } from '../../src-main/domain/seededRandom';
import { loadFixturePlant } from '../support/fixturePlant';
import { testContext } from '../support/testContext';

// A year of history — 150 deliveries a day from 15 suppliers with 6 carriers, three items each,
// their status events, goods receipts and two line stoppages a day — and the scorecard over the
// whole year must still answer quickly: its reads go through the (partner, slot_start) indexes.

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const DAYS = 365;
const PER_DAY = 150;
const SUPPLIERS = 15;
const CARRIERS = 6;

let t: Awaited<ReturnType<typeof testContext>>;
let yearStart: number;

beforeAll(async () => {
  t = await testContext();
  await loadFixturePlant(t.ctx);
  const now = t.clock.now();
  yearStart = now - DAYS * DAY;
  const { sqlite } = t.ctx.database;
  const random = randomStream('scorecard-year').next;
  sqlite.transaction(() => {
    const partner = sqlite.prepare(
      `INSERT INTO partner (id, name, role, city, country_code, lat, lon, created_at) VALUES (?, ?, ?, 'Ort', 'DE', 48, 11, 0)`,
    );
    for (let s = 0; s < SUPPLIERS; s++) partner.run(`YS${s}`, `Lieferant ${s}`, 'supplier');
    for (let c = 0; c < CARRIERS; c++) partner.run(`YC${c}`, `Spedition ${c}`, 'carrier');
    const part = sqlite.prepare(
      `INSERT INTO part (id, description, unit, supplier_id) VALUES (?, ?, 'ST', ?)`,
    );
    for (let p = 0; p < 60; p++) part.run(`YP${p}`, `Teil ${p}`, `YS${p % SUPPLIERS}`);
    const line = sqlite.prepare(`INSERT INTO production_line (id, name, sort_order) VALUES (?, ?, ?)`);
    for (let l = 0; l < 5; l++) line.run(`YL${l}`, `Linie ${l + 1}`, l + 10);
    const delivery = sqlite.prepare(
      `INSERT INTO inbound_delivery (id, supplier_id, carrier_id, origin_name, origin_lat, origin_lon, slot_start, slot_end,
         status, gate_in_at, unloaded_at, created_at, updated_at)
       VALUES (?, ?, ?, 'Ort', 48, 11, ?, ?, 'departed', ?, ?, ?, ?)`,
    );
    const item = sqlite.prepare(
      `INSERT INTO delivery_item (delivery_id, line_no, part_id, quantity_announced, quantity_received) VALUES (?, ?, ?, ?, ?)`,
    );
    const event = sqlite.prepare(
      `INSERT INTO event_log (at, actor, kind, entity_type, entity_id, payload) VALUES (?, 'simulator', ?, ?, ?, ?)`,
    );
    const receipt = sqlite.prepare(
      `INSERT INTO stock_movement (part_id, kind, quantity, at, delivery_id) VALUES (?, 'receipt', ?, ?, ?)`,
    );
    for (let day = 0; day < DAYS; day++) {
      const dayStart = yearStart + day * DAY;
      for (let k = 0; k < PER_DAY; k++) {
        const id = `Y-${day}-${k}`;
        const slotStart = dayStart + 4 * 60 * MIN + k * 6 * MIN;
        const slotEnd = slotStart + 30 * MIN;
        // Mostly early or in the window, one in ten late by up to three hours.
        const offset = random() < 0.1 ? random() * 180 : -random() * 120;
        const gateIn = Math.round(slotEnd + offset * MIN);
        const unloaded = gateIn + 60 * MIN;
        delivery.run(
          id,
          `YS${k % SUPPLIERS}`,
          `YC${k % CARRIERS}`,
          slotStart,
          slotEnd,
          gateIn,
          unloaded,
          slotStart - DAY,
          unloaded,
        );
        for (let n = 1; n <= 3; n++) {
          const partId = `YP${(k % SUPPLIERS) + SUPPLIERS * (n - 1)}`;
          item.run(id, n, partId, 100, random() < 0.05 ? 90 : 100);
          receipt.run(partId, 100, unloaded, id);
        }
        for (const [at, to] of [
          [slotStart - 300 * MIN, 'in_transit'],
          [gateIn, 'at_gate'],
          [gateIn + 10 * MIN, 'at_door'],
          [gateIn + 15 * MIN, 'unloading'],
          [unloaded, 'unloaded'],
          [unloaded + 10 * MIN, 'departed'],
        ] as const) {
          event.run(at, 'delivery.status', 'delivery', id, JSON.stringify({ to }));
        }
      }
      // Two stoppages a day, each ended by the receipt of the day's 40th and 100th truck.
      for (const k of [40, 100]) {
        const unloaded = Number(
          (
            sqlite
              .prepare('SELECT unloaded_at AS u FROM inbound_delivery WHERE id = ?')
              .get(`Y-${day}-${k}`) as { u: number }
          ).u,
        );
        const partId = `YP${k % SUPPLIERS}`;
        event.run(
          unloaded - 45 * MIN,
          'line.stopped',
          'line',
          `YL${k % 5}`,
          JSON.stringify({ partId, orderId: 'O' }),
        );
        event.run(
          unloaded,
          'line.resumed',
          'line',
          `YL${k % 5}`,
          JSON.stringify({ partId, orderId: 'O', stoppedMinutes: 45 }),
        );
      }
    }
  })();
  sqlite.exec('ANALYZE');
}, 120_000);
afterAll(() => t.dispose());

async function timedScorecard(id: string) {
  const input = { id, from: yearStart, to: t.clock.now() + DAY };
  const durations: number[] = [];
  let value: ProcedureOutput<'partners.scorecard'> | undefined;
  for (let run = 0; run < 6; run++) {
    const started = performance.now();
    const result = await callProcedure(
      t.ctx,
      procedures,
      'partners.scorecard',
      input,
      { transport: 'internal', access: 'read' },
      {
        error: vi.fn(),
        warn: vi.fn(),
        info: vi.fn(),
      },
    );
    durations.push(performance.now() - started);
    if (!result.ok) throw new Error(result.error.message);
    value = result.value as ProcedureOutput<'partners.scorecard'>;
  }
  // The first run warms the statement cache; the median of the rest is the figure.
  const warm = durations.slice(1).sort((a, b) => a - b);
  return { value: value!, medianMs: warm[Math.floor(warm.length / 2)]! };
}

it('answers a year-long scorecard of a busy carrier and of a supplier quickly', async () => {
  const carrier = await timedScorecard('YC0');
  const supplier = await timedScorecard('YS0');
  console.info(
    `[scorecard, one year] carrier ${carrier.value.deliveries} deliveries: ${carrier.medianMs.toFixed(1)} ms; ` +
      `supplier ${supplier.value.deliveries} deliveries, ${supplier.value.noticeAccuracy?.lines} item lines: ${supplier.medianMs.toFixed(1)} ms`,
  );
  expect(carrier.value.deliveries).toBe((DAYS * PER_DAY) / CARRIERS);
  expect(supplier.value.deliveries).toBe((DAYS * PER_DAY) / SUPPLIERS);
  expect(supplier.value.noticeAccuracy?.lines).toBe((3 * DAYS * PER_DAY) / SUPPLIERS);
  expect(carrier.value.weeks.length).toBeGreaterThanOrEqual(53);
  expect(carrier.value.weeks.reduce((sum, week) => sum + week.due, 0)).toBe(carrier.value.punctuality.due);
  // The 40th and 100th truck of a day are both YS10's (k % 15): its late ones ended stoppages.
  const blamed = await timedScorecard('YS10');
  expect(blamed.value.productionImpact.causedStoppages).toBeGreaterThan(0);
  // Generous for two shared cores; on a quiet machine these take a fraction of it.
  expect(carrier.medianMs).toBeLessThan(400);
  expect(supplier.medianMs).toBeLessThan(400);
});
