import type BetterSqlite3 from 'better-sqlite3';
import { parseOpeningHours } from '../../domain/openingHours';
import {
  anyInt,
  booleanCell,
  clockCell,
  dateTimeCell,
  type ExportCell,
  enumCell,
  formatClock,
  formatDateTime,
  formatOpeningHours,
  idCell,
  idListCell,
  latitude,
  longitude,
  nonNegativeInt,
  nonNegativeNumber,
  openingHoursCell,
  optionalIdCell,
  optionalTextCell,
  positiveInt,
  positiveNumber,
  textCell,
  timeZoneCell,
} from './cells';
import { type ColumnDef, type DataSetDef, type DataSetName, type Row, rowSchema } from './dataSet';

// One definition per data set of a plant: the columns of its file (snake_case like the database),
// its key, what it refers to, and its reads and writes. Parents come before children, in the order
// the commit writes them.

type Raw = Record<string, string | number | null>;

const all = (sqlite: BetterSqlite3.Database, sql: string) => sqlite.prepare(sql).all() as Raw[];
const orEmpty = (value: string | number | null | undefined): ExportCell => value ?? '';
const text = (value: unknown) => value as string;
const num = (value: unknown) => value as number;

/** An upsert that tells whether the row was new (an INSERT OR IGNORE, then an UPDATE if not). */
function upserter(
  sqlite: BetterSqlite3.Database,
  insertSql: string,
  updateSql: string | null,
): (params: Record<string, unknown>) => boolean {
  const insert = sqlite.prepare(insertSql);
  const update = updateSql ? sqlite.prepare(updateSql) : null;
  return (params) => {
    if (insert.run(params).changes > 0) return true;
    update?.run(params);
    return false;
  };
}

function define(
  name: DataSetName,
  table: string,
  columns: ColumnDef[],
  rest: Omit<DataSetDef, 'name' | 'table' | 'columns' | 'schema'>,
): DataSetDef {
  return { name, table, columns, schema: rowSchema(columns), ...rest };
}

const plant = define(
  'plant',
  'site',
  [
    { name: 'id', cell: idCell },
    { name: 'name', cell: textCell },
    { name: 'city', cell: textCell },
    { name: 'lat', cell: latitude },
    { name: 'lon', cell: longitude },
    { name: 'geofence_radius_m', cell: positiveNumber },
    { name: 'time_zone', cell: timeZoneCell },
  ],
  {
    key: ['id'],
    exportRows: (sqlite) =>
      all(sqlite, 'SELECT id, name, city, lat, lon, geofence_radius_m, time_zone FROM site ORDER BY id').map(
        (r) => [
          text(r.id),
          text(r.name),
          text(r.city),
          num(r.lat),
          num(r.lon),
          num(r.geofence_radius_m),
          text(r.time_zone),
        ],
      ),
    writer(sqlite, now) {
      // The plant is one row: an import names it anew rather than adding a second plant.
      const existing = sqlite.prepare('SELECT id FROM site LIMIT 1');
      const update = sqlite.prepare(
        `UPDATE site SET id = @id, name = @name, city = @city, lat = @lat, lon = @lon,
         geofence_radius_m = @geofence_radius_m, time_zone = @time_zone WHERE id = @previous`,
      );
      const insert = sqlite.prepare(
        `INSERT INTO site (id, name, city, lat, lon, geofence_radius_m, time_zone, is_demo, demo_seed, created_at)
         VALUES (@id, @name, @city, @lat, @lon, @geofence_radius_m, @time_zone, 0, NULL, @now)`,
      );
      return {
        upsert(row) {
          const previous = existing.get() as { id: string } | undefined;
          if (previous) {
            update.run({ ...row, previous: previous.id });
            return false;
          }
          insert.run({ ...row, now });
          return true;
        },
      };
    },
  },
);

const partners = define(
  'partners',
  'partner',
  [
    { name: 'id', cell: idCell },
    { name: 'name', cell: textCell },
    { name: 'role', cell: enumCell(['supplier', 'carrier', 'both']) },
    { name: 'city', cell: textCell },
    { name: 'country_code', cell: textCell },
    { name: 'lat', cell: latitude },
    { name: 'lon', cell: longitude },
    { name: 'contact_name', cell: optionalTextCell, fallback: '' },
    { name: 'contact_email', cell: optionalTextCell, fallback: '' },
    { name: 'contact_phone', cell: optionalTextCell, fallback: '' },
    { name: 'party_id', cell: optionalTextCell, fallback: '' },
  ],
  {
    key: ['id'],
    exportRows: (sqlite) =>
      all(
        sqlite,
        `SELECT id, name, role, city, country_code, lat, lon, contact_name, contact_email, contact_phone, party_id
         FROM partner ORDER BY id`,
      ).map((r) => [
        text(r.id),
        text(r.name),
        text(r.role),
        text(r.city),
        text(r.country_code),
        num(r.lat),
        num(r.lon),
        orEmpty(r.contact_name),
        orEmpty(r.contact_email),
        orEmpty(r.contact_phone),
        orEmpty(r.party_id),
      ]),
    writer(sqlite, now) {
      const upsert = upserter(
        sqlite,
        `INSERT OR IGNORE INTO partner (id, name, role, city, country_code, lat, lon, contact_name, contact_email,
           contact_phone, party_id, created_at)
         VALUES (@id, @name, @role, @city, @country_code, @lat, @lon, @contact_name, @contact_email, @contact_phone,
           @party_id, @now)`,
        `UPDATE partner SET name = @name, role = @role, city = @city, country_code = @country_code, lat = @lat,
           lon = @lon, contact_name = @contact_name, contact_email = @contact_email, contact_phone = @contact_phone,
           party_id = @party_id WHERE id = @id`,
      );
      return { upsert: (row) => upsert({ ...row, now }) };
    },
  },
);

const parts = define(
  'parts',
  'part',
  [
    { name: 'id', cell: idCell },
    { name: 'description', cell: textCell },
    { name: 'unit', cell: textCell },
    { name: 'safety_stock', cell: nonNegativeInt, fallback: '0' },
    { name: 'put_away_minutes', cell: nonNegativeInt, fallback: '0' },
    { name: 'supplier_id', cell: optionalIdCell, fallback: '', ref: 'partners' },
  ],
  {
    key: ['id'],
    exportRows: (sqlite) =>
      all(
        sqlite,
        'SELECT id, description, unit, safety_stock, put_away_minutes, supplier_id FROM part ORDER BY id',
      ).map((r) => [
        text(r.id),
        text(r.description),
        text(r.unit),
        num(r.safety_stock),
        num(r.put_away_minutes),
        orEmpty(r.supplier_id),
      ]),
    writer(sqlite) {
      const upsert = upserter(
        sqlite,
        `INSERT OR IGNORE INTO part (id, description, unit, safety_stock, put_away_minutes, supplier_id)
         VALUES (@id, @description, @unit, @safety_stock, @put_away_minutes, @supplier_id)`,
        `UPDATE part SET description = @description, unit = @unit, safety_stock = @safety_stock,
           put_away_minutes = @put_away_minutes, supplier_id = @supplier_id WHERE id = @id`,
      );
      return { upsert };
    },
  },
);

const supplierParts = define(
  'supplier_parts',
  'supplier_part',
  [
    { name: 'supplier_id', cell: idCell, ref: 'partners' },
    { name: 'supplier_part_number', cell: idCell },
    { name: 'part_id', cell: idCell, ref: 'parts' },
  ],
  {
    key: ['supplier_id', 'supplier_part_number'],
    exportRows: (sqlite) =>
      all(
        sqlite,
        'SELECT supplier_id, supplier_part_number, part_id FROM supplier_part ORDER BY supplier_id, supplier_part_number',
      ).map((r) => [text(r.supplier_id), text(r.supplier_part_number), text(r.part_id)]),
    writer(sqlite) {
      const upsert = upserter(
        sqlite,
        `INSERT OR IGNORE INTO supplier_part (supplier_id, supplier_part_number, part_id)
         VALUES (@supplier_id, @supplier_part_number, @part_id)`,
        `UPDATE supplier_part SET part_id = @part_id
         WHERE supplier_id = @supplier_id AND supplier_part_number = @supplier_part_number`,
      );
      return { upsert };
    },
  },
);

const stock = define(
  'stock',
  'stock',
  [
    { name: 'part_id', cell: idCell, ref: 'parts' },
    { name: 'on_hand', cell: nonNegativeInt },
  ],
  {
    key: ['part_id'],
    exportRows: (sqlite) =>
      all(sqlite, 'SELECT part_id, on_hand FROM stock ORDER BY part_id').map((r) => [
        text(r.part_id),
        num(r.on_hand),
      ]),
    writer(sqlite, now, note) {
      // A stock file is a count: the difference to the books is kept as a correction movement,
      // so the stock history still adds up.
      const before = sqlite.prepare('SELECT on_hand FROM stock WHERE part_id = ?');
      const write = sqlite.prepare(
        `INSERT INTO stock (part_id, on_hand, updated_at) VALUES (@part_id, @on_hand, @now)
         ON CONFLICT (part_id) DO UPDATE SET on_hand = excluded.on_hand, updated_at = excluded.updated_at`,
      );
      const movement = sqlite.prepare(
        `INSERT INTO stock_movement (part_id, kind, quantity, at, note) VALUES (?, 'correction', ?, ?, ?)`,
      );
      return {
        upsert(row) {
          const previous = before.get(row.part_id) as { on_hand: number } | undefined;
          const onHand = num(row.on_hand);
          if (previous?.on_hand === onHand) return false;
          write.run({ ...row, now });
          movement.run(row.part_id, onHand - (previous?.on_hand ?? 0), now, note);
          return previous === undefined;
        },
      };
    },
  },
);

const products = define(
  'products',
  'product',
  [
    { name: 'id', cell: idCell },
    { name: 'name', cell: textCell },
  ],
  {
    key: ['id'],
    exportRows: (sqlite) =>
      all(sqlite, 'SELECT id, name FROM product ORDER BY id').map((r) => [text(r.id), text(r.name)]),
    writer(sqlite) {
      const upsert = upserter(
        sqlite,
        'INSERT OR IGNORE INTO product (id, name) VALUES (@id, @name)',
        'UPDATE product SET name = @name WHERE id = @id',
      );
      return { upsert };
    },
  },
);

const bomItems = define(
  'bom_items',
  'bom_item',
  [
    { name: 'product_id', cell: idCell, ref: 'products' },
    { name: 'part_id', cell: idCell, ref: 'parts' },
    { name: 'quantity', cell: positiveInt },
  ],
  {
    key: ['product_id', 'part_id'],
    parent: 'product_id',
    exportRows: (sqlite) =>
      all(sqlite, 'SELECT product_id, part_id, quantity FROM bom_item ORDER BY product_id, part_id').map(
        (r) => [text(r.product_id), text(r.part_id), num(r.quantity)],
      ),
    writer(sqlite) {
      const upsert = upserter(
        sqlite,
        'INSERT OR IGNORE INTO bom_item (product_id, part_id, quantity) VALUES (@product_id, @part_id, @quantity)',
        'UPDATE bom_item SET quantity = @quantity WHERE product_id = @product_id AND part_id = @part_id',
      );
      return { upsert };
    },
  },
);

const lines = define(
  'lines',
  'production_line',
  [
    { name: 'id', cell: idCell },
    { name: 'name', cell: textCell },
    { name: 'initial_product_id', cell: optionalIdCell, fallback: '', ref: 'products' },
    { name: 'sort_order', cell: anyInt, fallback: '0' },
  ],
  {
    key: ['id'],
    exportRows: (sqlite) =>
      all(sqlite, 'SELECT id, name, initial_product_id, sort_order FROM production_line ORDER BY id').map(
        (r) => [text(r.id), text(r.name), orEmpty(r.initial_product_id), num(r.sort_order)],
      ),
    writer(sqlite) {
      const upsert = upserter(
        sqlite,
        `INSERT OR IGNORE INTO production_line (id, name, initial_product_id, sort_order)
         VALUES (@id, @name, @initial_product_id, @sort_order)`,
        `UPDATE production_line SET name = @name, initial_product_id = @initial_product_id, sort_order = @sort_order
         WHERE id = @id`,
      );
      return { upsert };
    },
  },
);

const lineRates = define(
  'line_rates',
  'line_rate',
  [
    { name: 'line_id', cell: idCell, ref: 'lines' },
    { name: 'product_id', cell: idCell, ref: 'products' },
    { name: 'minutes_per_unit', cell: positiveNumber },
  ],
  {
    key: ['line_id', 'product_id'],
    parent: 'line_id',
    exportRows: (sqlite) =>
      all(
        sqlite,
        'SELECT line_id, product_id, minutes_per_unit FROM line_rate ORDER BY line_id, product_id',
      ).map((r) => [text(r.line_id), text(r.product_id), num(r.minutes_per_unit)]),
    writer(sqlite) {
      const upsert = upserter(
        sqlite,
        `INSERT OR IGNORE INTO line_rate (line_id, product_id, minutes_per_unit)
         VALUES (@line_id, @product_id, @minutes_per_unit)`,
        'UPDATE line_rate SET minutes_per_unit = @minutes_per_unit WHERE line_id = @line_id AND product_id = @product_id',
      );
      return { upsert };
    },
  },
);

const lineSetups = define(
  'line_setups',
  'line_setup',
  [
    { name: 'line_id', cell: idCell, ref: 'lines' },
    { name: 'from_product_id', cell: idCell, ref: 'products' },
    { name: 'to_product_id', cell: idCell, ref: 'products' },
    { name: 'minutes', cell: nonNegativeNumber },
  ],
  {
    key: ['line_id', 'from_product_id', 'to_product_id'],
    parent: 'line_id',
    exportRows: (sqlite) =>
      all(
        sqlite,
        `SELECT line_id, from_product_id, to_product_id, minutes FROM line_setup
         ORDER BY line_id, from_product_id, to_product_id`,
      ).map((r) => [text(r.line_id), text(r.from_product_id), text(r.to_product_id), num(r.minutes)]),
    writer(sqlite) {
      const upsert = upserter(
        sqlite,
        `INSERT OR IGNORE INTO line_setup (line_id, from_product_id, to_product_id, minutes)
         VALUES (@line_id, @from_product_id, @to_product_id, @minutes)`,
        `UPDATE line_setup SET minutes = @minutes
         WHERE line_id = @line_id AND from_product_id = @from_product_id AND to_product_id = @to_product_id`,
      );
      return { upsert };
    },
  },
);

const shifts = define(
  'shifts',
  'shift',
  [
    { name: 'id', cell: idCell },
    { name: 'name', cell: textCell },
    { name: 'start', cell: clockCell },
    { name: 'end', cell: clockCell },
  ],
  {
    key: ['id'],
    exportRows: (sqlite) =>
      all(sqlite, 'SELECT id, name, start_minute, end_minute FROM shift ORDER BY id').map((r) => [
        text(r.id),
        text(r.name),
        formatClock(num(r.start_minute)),
        formatClock(num(r.end_minute)),
      ]),
    writer(sqlite) {
      const upsert = upserter(
        sqlite,
        'INSERT OR IGNORE INTO shift (id, name, start_minute, end_minute) VALUES (@id, @name, @start, @end)',
        'UPDATE shift SET name = @name, start_minute = @start, end_minute = @end WHERE id = @id',
      );
      return { upsert };
    },
  },
);

const lineShifts = define(
  'line_shifts',
  'line_shift',
  [
    { name: 'line_id', cell: idCell, ref: 'lines' },
    { name: 'shift_id', cell: idCell, ref: 'shifts' },
  ],
  {
    key: ['line_id', 'shift_id'],
    parent: 'line_id',
    exportRows: (sqlite) =>
      all(sqlite, 'SELECT line_id, shift_id FROM line_shift ORDER BY line_id, shift_id').map((r) => [
        text(r.line_id),
        text(r.shift_id),
      ]),
    writer(sqlite) {
      const upsert = upserter(
        sqlite,
        'INSERT OR IGNORE INTO line_shift (line_id, shift_id) VALUES (@line_id, @shift_id)',
        null,
      );
      return { upsert };
    },
  },
);

const dockDoors = define(
  'dock_doors',
  'dock_door',
  [
    { name: 'id', cell: idCell },
    { name: 'name', cell: textCell },
    { name: 'capabilities', cell: idListCell, fallback: '' },
    { name: 'opening_hours', cell: openingHoursCell, fallback: '1,2,3,4,5,6,7 00:00-24:00' },
    { name: 'unload_minutes', cell: positiveInt },
    { name: 'sort_order', cell: anyInt, fallback: '0' },
  ],
  {
    key: ['id'],
    exportRows: (sqlite) =>
      all(
        sqlite,
        'SELECT id, name, capabilities, opening_hours, unload_minutes, sort_order FROM dock_door ORDER BY id',
      ).map((r) => [
        text(r.id),
        text(r.name),
        (JSON.parse(text(r.capabilities)) as string[]).join('|'),
        formatOpeningHours(parseOpeningHours(text(r.opening_hours))),
        num(r.unload_minutes),
        num(r.sort_order),
      ]),
    writer(sqlite) {
      const upsert = upserter(
        sqlite,
        `INSERT OR IGNORE INTO dock_door (id, name, capabilities, opening_hours, unload_minutes, sort_order)
         VALUES (@id, @name, @capabilities, @opening_hours, @unload_minutes, @sort_order)`,
        `UPDATE dock_door SET name = @name, capabilities = @capabilities, opening_hours = @opening_hours,
           unload_minutes = @unload_minutes, sort_order = @sort_order WHERE id = @id`,
      );
      return {
        upsert: (row: Row) =>
          upsert({
            ...row,
            capabilities: JSON.stringify(row.capabilities),
            opening_hours: JSON.stringify(row.opening_hours),
          }),
      };
    },
  },
);

const orders = define(
  'orders',
  'production_order',
  [
    { name: 'id', cell: idCell },
    { name: 'product_id', cell: idCell, ref: 'products' },
    { name: 'quantity', cell: positiveInt },
    { name: 'line_id', cell: idCell, ref: 'lines' },
    { name: 'sequence', cell: anyInt },
    { name: 'due_at', cell: dateTimeCell },
    { name: 'status', cell: enumCell(['planned', 'running', 'done']), fallback: 'planned' },
    { name: 'frozen', cell: booleanCell, fallback: '0' },
    { name: 'produced_units', cell: nonNegativeInt, fallback: '0' },
    { name: 'eligible_line_ids', cell: idListCell, fallback: '', ref: 'lines' },
  ],
  {
    key: ['id'],
    exportRows(sqlite) {
      const eligible = new Map<string, string[]>();
      for (const r of all(
        sqlite,
        'SELECT order_id, line_id FROM order_eligible_line ORDER BY order_id, line_id',
      )) {
        const list = eligible.get(text(r.order_id)) ?? [];
        list.push(text(r.line_id));
        eligible.set(text(r.order_id), list);
      }
      return all(
        sqlite,
        `SELECT id, product_id, quantity, line_id, sequence, due_at, status, frozen, produced_units
         FROM production_order ORDER BY id`,
      ).map((r) => [
        text(r.id),
        text(r.product_id),
        num(r.quantity),
        text(r.line_id),
        num(r.sequence),
        formatDateTime(num(r.due_at)),
        text(r.status),
        num(r.frozen),
        num(r.produced_units),
        (eligible.get(text(r.id)) ?? []).join('|'),
      ]);
    },
    writer(sqlite, now) {
      // started/completed times and the creation time stay as the plant recorded them.
      const upsert = upserter(
        sqlite,
        `INSERT OR IGNORE INTO production_order (id, product_id, quantity, line_id, sequence, due_at, status, frozen,
           produced_units, created_at)
         VALUES (@id, @product_id, @quantity, @line_id, @sequence, @due_at, @status, @frozen, @produced_units, @now)`,
        `UPDATE production_order SET product_id = @product_id, quantity = @quantity, line_id = @line_id,
           sequence = @sequence, due_at = @due_at, status = @status, frozen = @frozen, produced_units = @produced_units
         WHERE id = @id`,
      );
      const clearEligible = sqlite.prepare('DELETE FROM order_eligible_line WHERE order_id = ?');
      const addEligible = sqlite.prepare('INSERT INTO order_eligible_line (order_id, line_id) VALUES (?, ?)');
      return {
        upsert(row) {
          const created = upsert({ ...row, frozen: row.frozen ? 1 : 0, now });
          if (!created) clearEligible.run(row.id);
          for (const lineId of row.eligible_line_ids as string[]) addEligible.run(row.id, lineId);
          return created;
        },
      };
    },
  },
);

export const DATA_SETS: readonly DataSetDef[] = [
  plant,
  partners,
  parts,
  supplierParts,
  stock,
  products,
  bomItems,
  lines,
  lineRates,
  lineSetups,
  shifts,
  lineShifts,
  dockDoors,
  orders,
];

export const dataSetByName = new Map(DATA_SETS.map((set) => [set.name, set]));
