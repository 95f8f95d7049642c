import type BetterSqlite3 from 'better-sqlite3';
import { parseOpeningHours } from '../domain/openingHours';
import type { DemoDoor, DoorCapability } from './model';
import { DEMO_LINES, demoLinesSchema, readSetting } from './settings';
import { loadModel } from './simulatorState';

// What the next plant day is planned from, read from the database: the doors as they are now
// (someone may have changed their hours), the stock the plan will leave, and where each line's
// work really ends.

const MINUTE = 60_000;

interface PartQuantity {
  part_id: string;
  quantity: number;
}

const CAPABILITIES: readonly DoorCapability[] = ['side_loading', 'cooled', 'hazardous', 'oversize'];

export function doorsFrom(sqlite: BetterSqlite3.Database): DemoDoor[] {
  const rows = sqlite
    .prepare(
      'SELECT id, name, capabilities, opening_hours, unload_minutes, sort_order FROM dock_door ORDER BY sort_order, id',
    )
    .all() as {
    id: string;
    name: string;
    capabilities: string;
    opening_hours: string;
    unload_minutes: number;
    sort_order: number;
  }[];
  return rows.map((row) => {
    let capabilities: DoorCapability[] = [];
    try {
      const parsed: unknown = JSON.parse(row.capabilities);
      if (Array.isArray(parsed)) {
        capabilities = CAPABILITIES.filter((capability) => parsed.includes(capability));
      }
    } catch {
      capabilities = [];
    }
    return {
      id: row.id,
      name: row.name,
      capabilities,
      openingHours: parseOpeningHours(row.opening_hours),
      unloadMinutes: row.unload_minutes,
      sortOrder: row.sort_order,
    };
  });
}

/**
 * The stock expected once everything planned so far has happened: on hand, plus what the trucks
 * not yet unloaded bring, minus what the open orders still consume.
 */
export function projectedStock(sqlite: BetterSqlite3.Database): Map<string, number> {
  const projected = new Map<string, number>();
  const add = (rows: PartQuantity[], sign: number) => {
    for (const row of rows)
      projected.set(row.part_id, (projected.get(row.part_id) ?? 0) + sign * row.quantity);
  };
  add(sqlite.prepare('SELECT part_id, on_hand AS quantity FROM stock').all() as PartQuantity[], 1);
  add(
    sqlite
      .prepare(
        `SELECT i.part_id, sum(i.quantity_announced) AS quantity
         FROM delivery_item i JOIN inbound_delivery d ON d.id = i.delivery_id
         WHERE d.status IN ('announced', 'in_transit', 'at_gate', 'at_door', 'unloading')
         GROUP BY i.part_id`,
      )
      .all() as PartQuantity[],
    1,
  );
  add(
    sqlite
      .prepare(
        `SELECT b.part_id, sum((o.quantity - o.produced_units) * b.quantity) AS quantity
         FROM production_order o JOIN bom_item b ON b.product_id = o.product_id
         WHERE o.status IN ('planned', 'running')
         GROUP BY b.part_id`,
      )
      .all() as PartQuantity[],
    -1,
  );
  return projected;
}

/**
 * Where each line's work actually ends if it runs from `now` without a stop: the open orders'
 * remaining units and setups. A line that lost time to stoppages ends later than its plan; the
 * next day is then planned from there, as a planner would, so the backlog does not pile up.
 */
export function lineWorkEnds(sqlite: BetterSqlite3.Database, now: number): Map<string, number> {
  const model = loadModel(sqlite);
  const current = new Map(
    (readSetting(sqlite, DEMO_LINES, demoLinesSchema)?.lines ?? []).map((line) => [line.id, line.productId]),
  );
  const orders = sqlite
    .prepare(
      `SELECT line_id, product_id, quantity - produced_units AS remaining, status FROM production_order
       WHERE status IN ('planned', 'running') ORDER BY line_id, sequence`,
    )
    .all() as { line_id: string; product_id: string; remaining: number; status: string }[];
  const minutes = new Map<string, number>();
  for (const order of orders) {
    const previous = current.get(order.line_id) ?? null;
    const setup =
      order.status === 'running' ? 0 : model.setupMinutes(order.line_id, previous, order.product_id);
    const perUnit = model.minutesPerUnit.get(order.line_id)?.get(order.product_id) ?? 0;
    minutes.set(order.line_id, (minutes.get(order.line_id) ?? 0) + setup + order.remaining * perUnit);
    current.set(order.line_id, order.product_id);
  }
  return new Map([...minutes].map(([lineId, total]) => [lineId, now + total * MINUTE]));
}
