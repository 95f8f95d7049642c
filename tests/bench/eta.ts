import type BetterSqlite3 from 'better-sqlite3';
import { cumulativeKm, type LatLon, pointAlong, roadDistanceKm } from '../../src-main/domain/geo';
import { refreshEta } from '../../src-main/services/eta/refreshEta';
import { testContext } from '../support/testContext';
import { type BenchFigure, percentile } from './table';

// Issue 6's ETA engine figure: refreshEta calls per second on a plant with 2,000 trucks on the
// road, each fix one call as the ingest server makes it (inside its transaction, batched per
// second of fixes). The first round reads every truck's route and track once; the rounds after it
// are the steady state the target is about.

const TRUCKS = 2000;
const ROUNDS = 12;
const ORIGIN = Date.UTC(2026, 10, 27, 6, 0);
const MINUTE = 60_000;
const PLANT: LatLon = [48.7665, 11.4258];
/** Origins across Europe with a waypoint on the way, like the demo's supplier roads. */
const ROADS: LatLon[][] = [
  [[49.74, 13.37], [49.65, 12.52], [49.01, 12.1], PLANT],
  [[45.07, 7.69], [46.5, 11.35], [47.8, 11.9], PLANT],
  [[51.34, 12.37], [50.3, 11.9], [49.45, 11.08], PLANT],
  [[48.21, 16.37], [48.3, 14.3], [48.57, 13.43], PLANT],
  [[50.94, 6.96], [50.1, 8.68], [49.0, 9.9], PLANT],
  [[52.41, 16.93], [51.1, 17.03], [50.08, 14.43], [49.45, 11.08], PLANT],
  [[48.78, 9.18], [48.4, 10.0], PLANT],
  [[47.37, 8.54], [47.8, 9.6], [48.37, 10.9], PLANT],
];

function seedPlant(sqlite: BetterSqlite3.Database) {
  const at = ORIGIN;
  sqlite
    .prepare(
      `INSERT INTO site (id, name, city, lat, lon, geofence_radius_m, time_zone, is_demo, created_at)
       VALUES ('plant', 'Werk Bench', 'Gaimersheim', ?, ?, 600, 'Europe/Berlin', 0, ?)`,
    )
    .run(PLANT[0], PLANT[1], at);
  const partner = sqlite.prepare(
    `INSERT INTO partner (id, name, role, city, country_code, lat, lon, created_at)
     VALUES (?, ?, ?, 'Ort', 'DE', ?, ?, ?)`,
  );
  for (const [i, road] of ROADS.entries()) {
    partner.run(`S${i}`, `Lieferant ${i}`, 'supplier', road[0]![0], road[0]![1], at);
  }
  for (let c = 0; c < 6; c++) partner.run(`C${c}`, `Spedition ${c}`, 'carrier', 49, 11, at);
  const delivery = sqlite.prepare(
    `INSERT INTO inbound_delivery (id, supplier_id, carrier_id, origin_name, origin_lat, origin_lon, slot_start,
       slot_end, status, departed_at, gate_in_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const route = sqlite.prepare(
    'INSERT INTO delivery_route (delivery_id, waypoints, distance_km) VALUES (?, ?, ?)',
  );
  // A few thousand completed trips give the lanes a record.
  for (let i = 0; i < 3000; i++) {
    const road = i % ROADS.length;
    const arrived = at - (i + 1) * 20 * MINUTE;
    const transit = Math.round((roadDistanceKm(ROADS[road]!) / 70) * 60 * (0.9 + (i % 7) * 0.05));
    delivery.run(
      `H-${i}`,
      `S${road}`,
      `C${i % 6}`,
      `Ort ${road}`,
      ROADS[road]![0]![0],
      ROADS[road]![0]![1],
      arrived,
      arrived + 30 * MINUTE,
      'departed',
      arrived - transit * MINUTE,
      arrived,
      arrived,
      arrived,
    );
  }
  for (let i = 0; i < TRUCKS; i++) {
    const road = ROADS[i % ROADS.length]!;
    delivery.run(
      `T-${i}`,
      `S${i % ROADS.length}`,
      `C${i % 6}`,
      `Ort ${i % ROADS.length}`,
      road[0]![0],
      road[0]![1],
      at + 600 * MINUTE,
      at + 630 * MINUTE,
      'in_transit',
      at - 60 * MINUTE,
      null,
      at,
      at,
    );
    route.run(`T-${i}`, JSON.stringify(road), roadDistanceKm(road));
  }
}

export async function etaBench(): Promise<BenchFigure[]> {
  const t = await testContext(ORIGIN);
  const { sqlite } = t.ctx.database;
  sqlite.transaction(() => seedPlant(sqlite))();
  const trucks = Array.from({ length: TRUCKS }, (_, i) => {
    const road = ROADS[i % ROADS.length]!;
    const cumulative = cumulativeKm(road);
    return {
      id: `T-${i}`,
      road,
      cumulative,
      km: (((i * 37) % 100) / 100) * cumulative[cumulative.length - 1]! * 0.9,
    };
  });
  const roundMs: number[] = [];
  const roundCpuMs: number[] = [];
  const callUs: number[] = [];
  let now = ORIGIN;
  for (let round = 0; round <= ROUNDS; round++) {
    now += 30_000;
    // The positions are worked out before the clock starts: only the engine's calls are timed.
    const fixes = trucks.map((truck) => {
      truck.km += 0.65; // 30 s at 78 km/h
      return pointAlong(truck.road, truck.cumulative, truck.km).position;
    });
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    sqlite.transaction(() => {
      for (const [i, truck] of trucks.entries()) {
        const [lat, lon] = fixes[i]!;
        const callStarted = performance.now();
        refreshEta(sqlite, truck.id, now, { kind: 'gps', at: now, lat, lon, speedKmh: 78 });
        if (round > 0) callUs.push((performance.now() - callStarted) * 1000);
      }
    })();
    roundMs.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuStarted);
    roundCpuMs.push((cpu.user + cpu.system) / 1000);
  }
  await t.dispose();
  const [cold, ...warm] = roundMs;
  const calls = ROUNDS * TRUCKS;
  const warmMs = warm.reduce((sum, ms) => sum + ms, 0);
  const warmCpuMs = roundCpuMs.slice(1).reduce((sum, ms) => sum + ms, 0);
  const sorted = callUs.sort((a, b) => a - b);
  return [
    {
      area: 'eta',
      name: `refreshEta calls per second, ${TRUCKS} trucks on the road, one GPS fix each per round (${ROUNDS} rounds, warm)`,
      value: Math.round(calls / (warmMs / 1000)),
      unit: 'calls/s',
      target: { value: 20_000, direction: 'higher' },
    },
    {
      area: 'eta',
      name: 'refreshEta calls per second of CPU time (process.cpuUsage; a busy machine lowers the wall-clock figure)',
      value: Math.round(calls / (warmCpuMs / 1000)),
      unit: 'calls/s',
    },
    { area: 'eta', name: 'one refreshEta call, median (warm)', value: percentile(sorted, 50), unit: 'µs' },
    {
      area: 'eta',
      name: 'one refreshEta call, p99 (warm)',
      value: percentile(sorted, 99),
      unit: 'µs',
      target: { value: 100, direction: 'lower' },
    },
    {
      area: 'eta',
      name: `first round: every truck's route and track read once (${TRUCKS} calls)`,
      value: cold!,
      unit: 'ms',
    },
  ];
}
