import type BetterSqlite3 from 'better-sqlite3';

// A year of plant history for the scale tests and the history benchmark: about 150 deliveries a
// day from 15 suppliers with 6 carriers over 10 doors, three item lines each, their status events,
// two line stoppages a day and every truck's GPS track at full resolution (one fix a minute for
// the last three hours of its trip) — 10 million positions at full scale, *before* retention.
// The last day is today: its early trucks have left, the ones due now are on the road or at a
// door, the late ones are announced.
//
// Written with raw prepared statements in a few big transactions, with the journal and the
// foreign-key checks off while it writes (the rows are consistent by construction); the database
// is put back into WAL mode with foreign keys on before it is handed back.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface YearOfHistoryOptions {
  /** The plant clock's now: the last generated day is the (UTC) day it falls on. */
  now: number;
  days?: number;
  perDay?: number;
  /** GPS fixes per completed trip (one a minute before the gate); 186 gives 10 million a year. */
  fixesPerTrip?: number;
  /** Seconds between two fixes of a trip. */
  fixSeconds?: number;
}

export interface YearOfHistory {
  yearStart: number;
  deliveries: number;
  positions: number;
  /** Deliveries that are not finished at `now` (announced, on the road, at the plant). */
  open: number;
  /** A delivery on the road at `now`, with its fixes of the last hours. */
  onTheRoadId: string;
  /** A finished delivery of the first day: its track is the oldest. */
  oldestId: string;
}

export const SUPPLIERS = 15;
export const CARRIERS = 6;
const DOORS = 10;
const PARTS = 60;
const LINES = 5;
const PLANT = { lat: 48.7665, lon: 11.4258 };

/** The id of delivery `k` of day `day` (both zero-padded, so ids sort by day). */
export const historyDeliveryId = (day: number, k: number) =>
  `H-${String(day).padStart(3, '0')}-${String(k).padStart(3, '0')}`;

function insertPlant(sqlite: BetterSqlite3.Database, now: number) {
  sqlite
    .prepare(
      `INSERT INTO site (id, name, city, lat, lon, geofence_radius_m, time_zone, is_demo, created_at)
       VALUES ('plant', 'Werk Historie', 'Ingolstadt', ?, ?, 600, 'Europe/Berlin', 0, ?)`,
    )
    .run(PLANT.lat, PLANT.lon, now);
  const partner = sqlite.prepare(
    `INSERT INTO partner (id, name, role, city, country_code, lat, lon, created_at) VALUES (?, ?, ?, 'Ort', 'DE', ?, ?, 0)`,
  );
  for (let s = 0; s < SUPPLIERS; s++)
    partner.run(`HS${s}`, `Lieferant ${s}`, 'supplier', 48 + s / 10, 10 + s / 5);
  for (let c = 0; c < CARRIERS; c++) partner.run(`HC${c}`, `Spedition ${c}`, 'carrier', 49, 12);
  const door = sqlite.prepare(
    `INSERT INTO dock_door (id, name, unload_minutes, sort_order) VALUES (?, ?, 30, ?)`,
  );
  for (let d = 0; d < DOORS; d++) door.run(`HT${d}`, `Tor ${d + 1}`, d);
  const part = sqlite.prepare(`INSERT INTO part (id, description, unit, supplier_id) VALUES (?, ?, 'ST', ?)`);
  const stock = sqlite.prepare(`INSERT INTO stock (part_id, on_hand, updated_at) VALUES (?, 1000, ?)`);
  for (let p = 0; p < PARTS; p++) {
    part.run(`HP${p}`, `Teil ${p}`, `HS${p % SUPPLIERS}`);
    stock.run(`HP${p}`, now);
  }
  const line = sqlite.prepare('INSERT INTO production_line (id, name, sort_order) VALUES (?, ?, ?)');
  for (let l = 0; l < LINES; l++) line.run(`HL${l}`, `Linie ${l + 1}`, l);
  const shift = sqlite.prepare('INSERT INTO shift (id, name, start_minute, end_minute) VALUES (?, ?, ?, ?)');
  shift.run('early', 'Frühschicht', 360, 840);
  shift.run('late', 'Spätschicht', 840, 1320);
  shift.run('night', 'Nachtschicht', 1320, 360);
}

type Status = 'announced' | 'in_transit' | 'at_door' | 'unloading' | 'departed' | 'cancelled';

/** Where delivery `k` of a day stands at `now`, from its slot. */
function statusAt(slotStart: number, now: number, k: number): Status {
  if (k % 97 === 13) return 'cancelled';
  if (slotStart >= now + 3 * HOUR) return 'announced';
  if (slotStart >= now - 30 * MIN) return 'in_transit';
  if (slotStart >= now - 60 * MIN) return 'unloading';
  if (slotStart >= now - 90 * MIN) return 'at_door';
  return 'departed';
}

/** Builds the year into an empty, migrated database. Returns what it wrote. */
export function writeYearOfHistory(
  sqlite: BetterSqlite3.Database,
  options: YearOfHistoryOptions,
): YearOfHistory {
  const days = options.days ?? 365;
  const perDay = options.perDay ?? 150;
  const fixesPerTrip = options.fixesPerTrip ?? 186;
  const fixMs = (options.fixSeconds ?? 60) * 1000;
  const { now } = options;
  const yearStart = Math.floor(now / DAY) * DAY - (days - 1) * DAY;
  // Slots spread over 02:00–22:00 UTC, whatever the number per day.
  const slotStep = Math.max(1, Math.floor((20 * HOUR) / perDay));

  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  const s = {
    delivery: sqlite.prepare(
      `INSERT INTO inbound_delivery (id, notice_number, supplier_id, carrier_id, truck_plate, device_id, origin_name,
         origin_lat, origin_lon, door_id, slot_start, slot_end, status, eta, eta_source, last_position_at, last_lat,
         last_lon, last_speed_kmh, last_heading, departed_at, gate_in_at, door_arrived_at, unloading_started_at,
         unloaded_at, gate_out_at, cancelled_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    item: sqlite.prepare(
      `INSERT INTO delivery_item (delivery_id, line_no, part_id, quantity_announced, quantity_received) VALUES (?, ?, ?, ?, ?)`,
    ),
    event: sqlite.prepare(
      `INSERT INTO event_log (at, actor, kind, entity_type, entity_id, payload) VALUES (?, 'simulator', ?, ?, ?, ?)`,
    ),
    position: sqlite.prepare(
      `INSERT INTO position (delivery_id, at, lat, lon, speed_kmh, heading, source) VALUES (?, ?, ?, ?, 72, 90, 'gps')`,
    ),
  };
  let deliveries = 0;
  let positions = 0;
  let open = 0;
  let onTheRoadId = '';
  const writeDay = sqlite.transaction((day: number) => {
    const dayStart = yearStart + day * DAY;
    for (let k = 0; k < perDay; k++) {
      const id = historyDeliveryId(day, k);
      const supplier = k % SUPPLIERS;
      const slotStart = dayStart + 2 * HOUR + k * slotStep;
      const slotEnd = slotStart + 30 * MIN;
      const status = statusAt(slotStart, now, k);
      // Mostly early or in the window, one in ten up to three hours late: a deterministic spread.
      const late = (day * 31 + k * 17) % 10 === 0;
      const gateIn = slotEnd + (late ? ((k * 7) % 180) * MIN : -((k * 13) % 120) * MIN);
      const origin = { lat: 48 + supplier / 10, lon: 10 + supplier / 5 };
      const departedAt = gateIn - fixesPerTrip * fixMs;
      // A truck on the road has reported up to now; a finished trip up to the gate.
      const trip =
        status === 'in_transit'
          ? { end: now, fixes: Math.max(1, Math.min(fixesPerTrip, Math.floor((now - departedAt) / fixMs))) }
          : { end: gateIn, fixes: fixesPerTrip };
      const driving = status !== 'announced' && status !== 'cancelled';
      const atPlant = status === 'at_door' || status === 'unloading' || status === 'departed';
      const lastAt = driving ? trip.end : null;
      const done = status === 'departed';
      if (!done && status !== 'cancelled') open += 1;
      if (status === 'in_transit' && !onTheRoadId) onTheRoadId = id;
      s.delivery.run(
        id,
        `ASN-${day}-${k}`,
        `HS${supplier}`,
        `HC${k % CARRIERS}`,
        `IN-H ${k}`,
        `phone-${k}`,
        `Werk ${supplier}`,
        origin.lat,
        origin.lon,
        `HT${k % DOORS}`,
        slotStart,
        slotEnd,
        status,
        status === 'in_transit' ? gateIn : null,
        status === 'in_transit' ? 'gps' : null,
        lastAt,
        driving ? (atPlant ? PLANT.lat : origin.lat + (PLANT.lat - origin.lat) * 0.9) : null,
        driving ? (atPlant ? PLANT.lon : origin.lon + (PLANT.lon - origin.lon) * 0.9) : null,
        driving ? 72 : null,
        driving ? 90 : null,
        driving ? departedAt : null,
        atPlant ? gateIn : null,
        atPlant ? gateIn + 10 * MIN : null,
        status === 'unloading' || done ? gateIn + 15 * MIN : null,
        done ? gateIn + 45 * MIN : null,
        done ? gateIn + 60 * MIN : null,
        status === 'cancelled' ? slotStart - 6 * HOUR : null,
        slotStart - DAY,
        done ? gateIn + 60 * MIN : now,
      );
      deliveries += 1;
      for (let n = 1; n <= 3; n++) {
        const received = done ? ((day + k + n) % 20 === 0 ? 90 : 100) : null;
        s.item.run(id, n, `HP${supplier + SUPPLIERS * (n - 1)}`, 100, received);
      }
      if (driving) {
        s.event.run(departedAt, 'delivery.status', 'delivery', id, '{"from":"announced","to":"in_transit"}');
        if (atPlant) {
          s.event.run(gateIn, 'delivery.status', 'delivery', id, '{"from":"in_transit","to":"at_gate"}');
          s.event.run(
            gateIn + 10 * MIN,
            'delivery.status',
            'delivery',
            id,
            '{"from":"at_gate","to":"at_door"}',
          );
        }
        if (status === 'unloading' || done) {
          s.event.run(
            gateIn + 15 * MIN,
            'delivery.status',
            'delivery',
            id,
            '{"from":"at_door","to":"unloading"}',
          );
        }
        if (done) {
          s.event.run(
            gateIn + 45 * MIN,
            'delivery.status',
            'delivery',
            id,
            '{"from":"unloading","to":"unloaded"}',
          );
          s.event.run(
            gateIn + 60 * MIN,
            'delivery.status',
            'delivery',
            id,
            '{"from":"unloaded","to":"departed"}',
          );
        }
        // The track: fixes a minute apart up to the gate (or now), along the line from the origin.
        const first = trip.end - (trip.fixes - 1) * fixMs;
        for (let f = 0; f < trip.fixes; f++) {
          const share = 0.9 * ((f + 1) / fixesPerTrip);
          s.position.run(
            id,
            first + f * fixMs,
            origin.lat + (PLANT.lat - origin.lat) * share,
            origin.lon + (PLANT.lon - origin.lon) * share,
          );
        }
        positions += trip.fixes;
      } else if (status === 'cancelled') {
        s.event.run(
          slotStart - 6 * HOUR,
          'delivery.status',
          'delivery',
          id,
          '{"from":"announced","to":"cancelled"}',
        );
      }
    }
    // Two line stoppages a day, each ended by a receipt.
    for (let stop = 0; stop < 2; stop++) {
      const at = dayStart + (8 + stop * 8) * HOUR;
      const line = `HL${(day + stop) % LINES}`;
      const part = `HP${(day * 7 + stop) % PARTS}`;
      if (at + 30 * MIN > now) continue;
      s.event.run(at, 'line.stopped', 'line', line, JSON.stringify({ partId: part }));
      s.event.run(
        at + 30 * MIN,
        'line.resumed',
        'line',
        line,
        JSON.stringify({ partId: part, stoppedMinutes: 30 }),
      );
    }
  });

  try {
    sqlite.transaction(() => insertPlant(sqlite, now))();
    for (let day = 0; day < days; day++) writeDay(day);
  } finally {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('cache_size = -2000');
  }
  return { yearStart, deliveries, positions, open, onTheRoadId, oldestId: historyDeliveryId(0, 0) };
}
