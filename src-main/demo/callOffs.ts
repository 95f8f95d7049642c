import type BetterSqlite3 from 'better-sqlite3';
import type { DemoCatalog } from './model';
import type { PlantDayPlan } from './planDay';
import { projectedStock } from './planInputs';
import { raiseFirstDrop, stockShortfalls, trimLatestDrops } from './stockNeeds';

// Call-offs (Lieferabrufe) that keep the demo's stock where the plan needs it. When a new day is
// planned, the stock projected for its start is compared with what the day needs. A shortfall is
// added to the part's last truck before that day that has not left yet — the supplier gets an
// updated call-off, and the goods are there when the day begins; a surplus is taken off the new
// day's last trucks. Without this the demo would flood or drain over weeks of simulated time.

function latestOpenDrop(sqlite: BetterSqlite3.Database, partId: string, before: number) {
  return sqlite
    .prepare(
      `SELECT i.delivery_id, i.line_no FROM delivery_item i JOIN inbound_delivery d ON d.id = i.delivery_id
       WHERE i.part_id = ? AND d.status = 'announced' AND d.slot_start < ?
       ORDER BY d.slot_start DESC, d.id DESC LIMIT 1`,
    )
    .get(partId, before) as { delivery_id: string; line_no: number } | undefined;
}

/**
 * Balances a freshly planned day against the projected stock, inside the caller's transaction.
 * Returns the ids of the already announced deliveries whose quantities changed.
 */
export function balanceCallOffs(
  sqlite: BetterSqlite3.Database,
  catalog: DemoCatalog,
  plan: PlantDayPlan,
): string[] {
  const packOf = new Map(catalog.parts.map((part) => [part.id, part.pack]));
  const shortfalls = stockShortfalls(catalog, plan.orders, plan.deliveries, projectedStock(sqlite));
  const raise = sqlite.prepare(
    'UPDATE delivery_item SET quantity_announced = quantity_announced + ? WHERE delivery_id = ? AND line_no = ?',
  );
  const changed = new Set<string>();
  for (const [partId, shortfall] of shortfalls) {
    const pack = packOf.get(partId) ?? 1;
    if (shortfall > 0) {
      const quantity = Math.ceil(shortfall / pack) * pack;
      const drop = latestOpenDrop(sqlite, partId, plan.start);
      if (drop) {
        raise.run(quantity, drop.delivery_id, drop.line_no);
        changed.add(drop.delivery_id);
      } else {
        raiseFirstDrop(plan.deliveries, partId, quantity, pack);
      }
    } else if (shortfall < 0) {
      trimLatestDrops(plan.deliveries, partId, -shortfall, pack);
    }
  }
  return [...changed].sort();
}
