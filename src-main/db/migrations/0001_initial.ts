import { type Kysely, sql } from 'kysely';

// Schema v1: the domain model of DESIGN.md. Never edit this file once it has landed: add a new
// migration instead. Times are integer epoch milliseconds (UTC); every table is STRICT.
const statements = [
  `CREATE TABLE site (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    city TEXT NOT NULL,
    lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
    geofence_radius_m REAL NOT NULL CHECK (geofence_radius_m > 0),
    time_zone TEXT NOT NULL,
    is_demo INTEGER NOT NULL CHECK (is_demo IN (0, 1)),
    demo_seed INTEGER,
    created_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE TABLE partner (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('supplier', 'carrier', 'both')),
    city TEXT NOT NULL,
    country_code TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    contact_name TEXT,
    contact_email TEXT,
    contact_phone TEXT,
    created_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE TABLE access_token (
    id TEXT PRIMARY KEY,
    partner_id TEXT REFERENCES partner(id) ON DELETE CASCADE,
    scope TEXT NOT NULL CHECK (scope IN ('ingest', 'viewer')),
    label TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER,
    last_used_at INTEGER
  ) STRICT`,
  'CREATE INDEX access_token_partner ON access_token(partner_id)',
  `CREATE TABLE dock_door (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    capabilities TEXT NOT NULL DEFAULT '[]',
    opening_hours TEXT NOT NULL DEFAULT '[]',
    unload_minutes INTEGER NOT NULL CHECK (unload_minutes > 0),
    sort_order INTEGER NOT NULL
  ) STRICT`,
  `CREATE TABLE part (
    id TEXT PRIMARY KEY,
    description TEXT NOT NULL,
    unit TEXT NOT NULL,
    safety_stock INTEGER NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),
    put_away_minutes INTEGER NOT NULL DEFAULT 0 CHECK (put_away_minutes >= 0),
    supplier_id TEXT REFERENCES partner(id)
  ) STRICT`,
  'CREATE INDEX part_supplier ON part(supplier_id)',
  `CREATE TABLE supplier_part (
    supplier_id TEXT NOT NULL REFERENCES partner(id) ON DELETE CASCADE,
    supplier_part_number TEXT NOT NULL,
    part_id TEXT NOT NULL REFERENCES part(id) ON DELETE CASCADE,
    PRIMARY KEY (supplier_id, supplier_part_number)
  ) STRICT`,
  'CREATE INDEX supplier_part_part ON supplier_part(part_id)',
  `CREATE TABLE stock (
    part_id TEXT PRIMARY KEY REFERENCES part(id) ON DELETE CASCADE,
    on_hand INTEGER NOT NULL CHECK (on_hand >= 0),
    updated_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE TABLE stock_movement (
    id INTEGER PRIMARY KEY,
    part_id TEXT NOT NULL REFERENCES part(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('receipt', 'consumption', 'correction')),
    quantity INTEGER NOT NULL,
    at INTEGER NOT NULL,
    delivery_id TEXT,
    order_id TEXT,
    note TEXT
  ) STRICT`,
  'CREATE INDEX stock_movement_part_at ON stock_movement(part_id, at)',
  `CREATE TABLE product (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE bom_item (
    product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    part_id TEXT NOT NULL REFERENCES part(id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (product_id, part_id)
  ) STRICT`,
  'CREATE INDEX bom_item_part ON bom_item(part_id)',
  `CREATE TABLE production_line (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    initial_product_id TEXT REFERENCES product(id),
    sort_order INTEGER NOT NULL
  ) STRICT`,
  `CREATE TABLE line_rate (
    line_id TEXT NOT NULL REFERENCES production_line(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    minutes_per_unit REAL NOT NULL CHECK (minutes_per_unit > 0),
    PRIMARY KEY (line_id, product_id)
  ) STRICT`,
  `CREATE TABLE line_setup (
    line_id TEXT NOT NULL REFERENCES production_line(id) ON DELETE CASCADE,
    from_product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    to_product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    minutes REAL NOT NULL CHECK (minutes >= 0),
    PRIMARY KEY (line_id, from_product_id, to_product_id)
  ) STRICT`,
  `CREATE TABLE shift (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1439)
  ) STRICT`,
  `CREATE TABLE line_shift (
    line_id TEXT NOT NULL REFERENCES production_line(id) ON DELETE CASCADE,
    shift_id TEXT NOT NULL REFERENCES shift(id) ON DELETE CASCADE,
    PRIMARY KEY (line_id, shift_id)
  ) STRICT`,
  `CREATE TABLE production_order (
    id TEXT PRIMARY KEY,
    product_id TEXT NOT NULL REFERENCES product(id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    line_id TEXT NOT NULL REFERENCES production_line(id),
    sequence INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'running', 'done')),
    frozen INTEGER NOT NULL DEFAULT 0 CHECK (frozen IN (0, 1)),
    produced_units INTEGER NOT NULL DEFAULT 0 CHECK (produced_units >= 0),
    started_at INTEGER,
    completed_at INTEGER,
    created_at INTEGER NOT NULL
  ) STRICT`,
  'CREATE INDEX production_order_line_seq ON production_order(line_id, status, sequence)',
  'CREATE INDEX production_order_due ON production_order(due_at)',
  `CREATE TABLE order_eligible_line (
    order_id TEXT NOT NULL REFERENCES production_order(id) ON DELETE CASCADE,
    line_id TEXT NOT NULL REFERENCES production_line(id) ON DELETE CASCADE,
    PRIMARY KEY (order_id, line_id)
  ) STRICT`,
  `CREATE TABLE inbound_delivery (
    id TEXT PRIMARY KEY,
    notice_number TEXT UNIQUE,
    supplier_id TEXT NOT NULL REFERENCES partner(id),
    carrier_id TEXT REFERENCES partner(id),
    truck_plate TEXT,
    device_id TEXT,
    origin_name TEXT NOT NULL,
    origin_lat REAL NOT NULL,
    origin_lon REAL NOT NULL,
    door_id TEXT REFERENCES dock_door(id),
    slot_start INTEGER NOT NULL,
    slot_end INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('announced', 'in_transit', 'at_gate', 'at_door', 'unloading',
      'unloaded', 'departed', 'cancelled')),
    eta INTEGER,
    eta_source TEXT CHECK (eta_source IN ('gps', 'carrier', 'notice', 'plan')),
    eta_confidence_minutes INTEGER,
    last_position_at INTEGER,
    last_lat REAL,
    last_lon REAL,
    last_speed_kmh REAL,
    last_heading REAL,
    departed_at INTEGER,
    gate_in_at INTEGER,
    door_arrived_at INTEGER,
    unloading_started_at INTEGER,
    unloaded_at INTEGER,
    gate_out_at INTEGER,
    cancelled_at INTEGER,
    notes TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK (slot_end > slot_start)
  ) STRICT`,
  'CREATE INDEX inbound_delivery_slot ON inbound_delivery(slot_start)',
  'CREATE INDEX inbound_delivery_status_slot ON inbound_delivery(status, slot_start)',
  'CREATE INDEX inbound_delivery_door_slot ON inbound_delivery(door_id, slot_start)',
  'CREATE INDEX inbound_delivery_supplier_slot ON inbound_delivery(supplier_id, slot_start)',
  'CREATE INDEX inbound_delivery_carrier_slot ON inbound_delivery(carrier_id, slot_start)',
  'CREATE INDEX inbound_delivery_device ON inbound_delivery(device_id) WHERE device_id IS NOT NULL',
  `CREATE TABLE delivery_item (
    delivery_id TEXT NOT NULL REFERENCES inbound_delivery(id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL CHECK (line_no > 0),
    part_id TEXT NOT NULL REFERENCES part(id),
    supplier_part_number TEXT,
    quantity_announced INTEGER NOT NULL CHECK (quantity_announced >= 0),
    quantity_received INTEGER CHECK (quantity_received >= 0),
    PRIMARY KEY (delivery_id, line_no)
  ) STRICT`,
  'CREATE INDEX delivery_item_part ON delivery_item(part_id)',
  `CREATE TABLE delivery_route (
    delivery_id TEXT PRIMARY KEY REFERENCES inbound_delivery(id) ON DELETE CASCADE,
    waypoints TEXT NOT NULL,
    distance_km REAL NOT NULL CHECK (distance_km >= 0),
    travelled_km REAL NOT NULL DEFAULT 0 CHECK (travelled_km >= 0),
    disruption TEXT
  ) STRICT`,
  `CREATE TABLE position (
    id INTEGER PRIMARY KEY,
    delivery_id TEXT NOT NULL REFERENCES inbound_delivery(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
    speed_kmh REAL,
    heading REAL,
    source TEXT NOT NULL CHECK (source IN ('gps', 'carrier', 'simulator', 'manual'))
  ) STRICT`,
  'CREATE INDEX position_delivery_at ON position(delivery_id, at)',
  // Retention and downsampling sweep positions by age.
  'CREATE INDEX position_at ON position(at)',
  `CREATE TABLE event_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    payload TEXT
  ) STRICT`,
  'CREATE INDEX event_log_entity ON event_log(entity_type, entity_id, at)',
  'CREATE INDEX event_log_at ON event_log(at)',
  `CREATE TABLE recommendation (
    id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('resequence', 'dock_priority', 'expedite')),
    summary TEXT NOT NULL,
    payload TEXT NOT NULL,
    before_metrics TEXT NOT NULL,
    after_metrics TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'applied', 'rejected', 'undone', 'superseded')),
    decided_at INTEGER,
    decided_by TEXT,
    reason TEXT
  ) STRICT`,
  'CREATE INDEX recommendation_status ON recommendation(status, created_at)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema v1 is the first version; there is nothing to go down to.');
}
