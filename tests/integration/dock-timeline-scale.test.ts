import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from '../../src-main/domain/openingHours';
import { doorTimeline } from '../../src-main/services/doorTimeline';
import { coveragePlantContext } from '../support/coveragePlant';

// The dock timeline at the size the issue names: 60 doors × 7 days, about 5,000 slots, read in
// a fixed number of queries (no query per slot), with each slot's conflicts and stoppage feed.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const DOORS = 60;
const SLOTS_PER_DOOR_AND_DAY = 12;
let t: Awaited<ReturnType<typeof coveragePlantContext>>;

beforeEach(async () => {
  t = await coveragePlantContext();
  const now = t.clock.now();
  const { sqlite } = t.ctx.database;
  const door = sqlite.prepare(
    'INSERT INTO dock_door (id, name, capabilities, opening_hours, unload_minutes, sort_order) VALUES (?, ?, ?, ?, 20, ?)',
  );
  const delivery = sqlite.prepare(
    `INSERT INTO inbound_delivery (id, notice_number, supplier_id, origin_name, origin_lat, origin_lon, door_id,
       slot_start, slot_end, status, eta, created_at, updated_at, required_capabilities)
     VALUES (?, ?, 'S1', 'Plzeň', 49.74, 13.37, ?, ?, ?, 'announced', ?, 0, 0, ?)`,
  );
  const item = sqlite.prepare(
    `INSERT INTO delivery_item (delivery_id, line_no, part_id, quantity_announced) VALUES (?, 1, '4711-003', 10)`,
  );
  sqlite.transaction(() => {
    for (let d = 0; d < DOORS; d++) {
      const cooled = d % 10 === 0;
      door.run(`X${d}`, `Tor X${d}`, cooled ? '["cooled"]' : '[]', JSON.stringify(ALWAYS_OPEN), 10 + d);
      for (let day = 0; day < 7; day++) {
        for (let k = 0; k < SLOTS_PER_DOOR_AND_DAY; k++) {
          const start = now + day * DAY + k * 2 * 60 * MINUTE;
          const id = `X${d}-${day}-${k}`;
          // Every 50th booking needs a cooled door it does not have.
          const needs = (d * 7 + day * 12 + k) % 50 === 0 && !cooled ? '["cooled"]' : '[]';
          delivery.run(id, `ASN-${id}`, `X${d}`, start, start + 30 * MINUTE, start + 5 * MINUTE, needs);
          item.run(id);
        }
      }
    }
  })();
});
afterEach(() => t.dispose());

describe('the dock timeline for 60 doors and a week', () => {
  it('gives all 5,000 slots with their conflicts, in as many queries as for one day', async () => {
    const now = t.clock.now();
    const { sqlite } = t.ctx.database;
    const prepare = sqlite.prepare.bind(sqlite);
    const counted = async (to: number) => {
      let statements = 0;
      sqlite.prepare = ((source: string) => {
        statements++;
        return prepare(source);
      }) as typeof sqlite.prepare;
      try {
        const started = performance.now();
        const timeline = await doorTimeline(t.ctx, now, to);
        return { timeline, statements, elapsed: performance.now() - started };
      } finally {
        sqlite.prepare = prepare;
      }
    };
    const day = await counted(now + DAY);
    const week = await counted(now + 7 * DAY);
    const synthetic = week.timeline.slots.filter((slot) => slot.id.startsWith('X'));
    expect(synthetic).toHaveLength(DOORS * 7 * SLOTS_PER_DOOR_AND_DAY);
    expect(day.timeline.slots.filter((slot) => slot.id.startsWith('X'))).toHaveLength(
      DOORS * SLOTS_PER_DOOR_AND_DAY,
    );
    expect(week.timeline.doors).toHaveLength(DOORS + 2);
    const capability = synthetic.filter((slot) => slot.conflicts.some((c) => c.kind === 'capability'));
    expect(capability.length).toBeGreaterThan(50);
    // A week costs the same queries as a day: nothing is read per slot.
    expect(week.statements).toBe(day.statements);
    console.info(
      `docks.timeline: ${week.timeline.slots.length} slots in ${week.elapsed.toFixed(0)} ms, ${week.statements} statements (coverage projection included)`,
    );
  });
});
