import type { PlantDatabase } from '../db/connection';
import { generateDemoPlant } from './generateDemoPlant';
import type { DemoPlant } from './plantRows';
import { insertRows } from './writeRows';

// Loading the demo plant into an empty database, in one transaction: either the whole plant is
// there afterwards or nothing is.

export async function plantIsEmpty(database: PlantDatabase): Promise<boolean> {
  const site = await database.db.selectFrom('site').select('id').limit(1).executeTakeFirst();
  return site === undefined;
}

export async function plantIsDemo(database: PlantDatabase): Promise<boolean> {
  const site = await database.db
    .selectFrom('site')
    .select('id')
    .where('isDemo', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return site !== undefined;
}

/** Inserts every table of the plant, parents before children (foreign keys are on). */
export function writeDemoPlant(database: PlantDatabase, plant: DemoPlant): void {
  const { sqlite } = database;
  sqlite.transaction(() => {
    insertRows(sqlite, 'site', [plant.site]);
    insertRows(sqlite, 'setting', plant.settings);
    insertRows(sqlite, 'partner', plant.partners);
    insertRows(sqlite, 'dock_door', plant.doors);
    insertRows(sqlite, 'part', plant.parts);
    insertRows(sqlite, 'supplier_part', plant.supplierParts);
    insertRows(sqlite, 'stock', plant.stock);
    insertRows(sqlite, 'product', plant.products);
    insertRows(sqlite, 'bom_item', plant.bomItems);
    insertRows(sqlite, 'production_line', plant.lines);
    insertRows(sqlite, 'line_rate', plant.lineRates);
    insertRows(sqlite, 'line_setup', plant.lineSetups);
    insertRows(sqlite, 'shift', plant.shifts);
    insertRows(sqlite, 'line_shift', plant.lineShifts);
    insertRows(sqlite, 'production_order', plant.orders);
    insertRows(sqlite, 'order_eligible_line', plant.orderEligibleLines);
    insertRows(sqlite, 'inbound_delivery', plant.deliveries);
    insertRows(sqlite, 'delivery_item', plant.deliveryItems);
    insertRows(sqlite, 'delivery_route', plant.deliveryRoutes);
    insertRows(sqlite, 'position', plant.positions);
    insertRows(sqlite, 'stock_movement', plant.stockMovements);
    insertRows(sqlite, 'event_log', plant.eventLog);
  })();
}

/**
 * Generates the demo plant for `seed` as it stands at `now` and writes it. Refuses a database that
 * already holds a plant: the demo never mixes with real data.
 */
export async function loadDemoPlant(
  database: PlantDatabase,
  options: { seed: number; now: number },
): Promise<void> {
  if (!(await plantIsEmpty(database))) {
    throw new Error('The database already holds a plant; the demo plant is loaded only into an empty one.');
  }
  writeDemoPlant(database, generateDemoPlant(options.seed, options.now));
}
