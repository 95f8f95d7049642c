import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { PlantFile } from '../../src-main/imports/plant/readFiles';

// Shared by the plant import tests: a small hand-written plant as CSV files, and a content hash of
// every table to prove that a refused import changed nothing.

/** A hash of every row of every table, in key order (leaving out the setting rows named). */
export function databaseHash(sqlite: BetterSqlite3.Database, ignoreSettings: readonly string[] = []): string {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) {
    hash.update(`#${table}\n`);
    for (const row of sqlite.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).raw().all() as unknown[][]) {
      if (table === 'setting' && ignoreSettings.includes(String(row[0]))) continue;
      hash.update(`${JSON.stringify(row)}\n`);
    }
  }
  return hash.digest('hex');
}

export const csv = (name: string, text: string): PlantFile => ({ name, content: Buffer.from(text, 'utf8') });

/** A plant of a few rows per data set, as a planner would write it (";" and "," mixed). */
export function smallPlant(): Record<string, string> {
  return {
    'plant.csv':
      'id;name;city;lat;lon;geofence_radius_m;time_zone\nS1;Werk Süd;Ingolstadt;48,76;11,42;800;Europe/Berlin\n',
    'partners.csv':
      'id,name,role,city,country_code,lat,lon,contact_email\nSUP-1,Kabelwerk Nord,supplier,Hamburg,DE,53.55,9.99,dispo@kabel.example\nCAR-1,Spedition Ost,carrier,Leipzig,DE,51.34,12.37,\n',
    'parts.csv':
      'id;description;unit;safety_stock;put_away_minutes;supplier_id\nP-1;Kabelbaum;pcs;10;15;SUP-1\nP-2;Schraube M6;pcs;500;5;\nP-3;Sitz;pcs;0;20;SUP-1\n',
    'supplier_parts.csv': 'supplier_id;supplier_part_number;part_id\nSUP-1;KB-0001;P-1\nSUP-1;SZ-9;P-3\n',
    'stock.csv': 'part_id;on_hand\nP-1;120\nP-2;4000\nP-3;35\n',
    'products.csv': 'id;name\nA;Modell A\nB;Modell B\n',
    'bom_items.csv': 'product_id;part_id;quantity\nA;P-1;1\nA;P-2;12\nB;P-1;2\nB;P-3;1\n',
    'lines.csv': 'id;name;initial_product_id;sort_order\nL1;Linie 1;A;1\nL2;Linie 2;;2\n',
    'line_rates.csv': 'line_id;product_id;minutes_per_unit\nL1;A;1.5\nL1;B;2\nL2;B;2.25\n',
    'line_setups.csv': 'line_id;from_product_id;to_product_id;minutes\nL1;A;B;30\nL1;B;A;20\n',
    'shifts.csv': 'id;name;start;end\nF;Frühschicht;06:00;14:00\nS;Spätschicht;14:00;22:00\n',
    'line_shifts.csv': 'line_id;shift_id\nL1;F\nL1;S\nL2;F\n',
    'dock_doors.csv':
      'id;name;capabilities;opening_hours;unload_minutes;sort_order\nT1;Tor 1;reefer|side;1,2,3,4,5 05:00-22:00 | 6 06:00-14:00;30;1\nT2;Tor 2;;;45;2\n',
    'orders.csv':
      'id;product_id;quantity;line_id;sequence;due_at;status;frozen;produced_units;eligible_line_ids\nO-1;A;40;L1;1;2026-11-27T10:00:00Z;planned;1;0;L1\nO-2;B;25;L1;2;2026-11-27T14:00:00+01:00;planned;0;0;L1|L2\n',
  };
}

export const filesOf = (record: Record<string, string>): PlantFile[] =>
  Object.entries(record).map(([name, text]) => csv(name, text));
