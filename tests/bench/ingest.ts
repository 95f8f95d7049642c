import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../src-main/db/connection';
import { ALWAYS_OPEN } from '../../src-main/domain/openingHours';
import { mulberry32 } from '../../src-main/domain/seededRandom';
import { hashTokenSecret, newTokenSecret } from '../../src-main/services/accessTokens/secret';
import { freePort, startServeProcess, stopChild } from './serveProcess';
import { type BenchFigure, percentile } from './table';

// Issue 6's figures: 2,000 trucks report their position once a second each over HTTP in the
// OsmAnd protocol, for 60 s, against the built server (`serve.js --ingest-port`) in a child
// process: latency per position (p50, p99), positions acknowledged against positions stored
// (counted in the database afterwards), the rate achieved, and whether the coverage projection
// kept up with the ETA changes the positions caused. LEITSTAND_BENCH_INGEST_SECONDS shortens the
// run for a smoke test; the figures of record are from the full 60 s.

const TRUCKS = 2000;
const RATE = 2000;
const CARRIERS = 100;
const PARTS = 20;
const SECONDS = Number(process.env.LEITSTAND_BENCH_INGEST_SECONDS ?? 60);
const PLANT: [number, number] = [48.7665, 11.4258];
const MINUTE = 60_000;
/** After the load stops, how long the projection may take to catch up before it counts as behind. */
const SETTLE_MS = 5000;

interface Truck {
  deviceId: string;
  token: string;
  lat: number;
  lon: number;
  /** Degrees per second towards the plant. */
  dLat: number;
  dLon: number;
  heading: number;
}

/**
 * A plant with one line that builds one product from 20 parts, little stock of each, and 2,000
 * trucks on their way from 60–500 km out, each with one part: the first trucks of each part decide
 * when the line would stop, so their ETAs move the coverage projection. 100 carriers with one
 * token each drive 20 trucks apiece.
 */
async function buildPlant(dbPath: string, now: number): Promise<Truck[]> {
  const database = await openDatabase({ path: dbPath });
  const { sqlite } = database;
  const random = mulberry32(20261127);
  const trucks: Truck[] = [];
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO site (id, name, city, lat, lon, geofence_radius_m, time_zone, is_demo, demo_seed, created_at)
         VALUES ('plant', 'Werk Bench', 'Ingolstadt', ?, ?, 600, 'Europe/Berlin', 0, NULL, ?)`,
      )
      .run(PLANT[0], PLANT[1], now);
    const partner = sqlite.prepare(
      `INSERT INTO partner (id, name, role, city, country_code, lat, lon, created_at)
       VALUES (?, ?, ?, 'Bench', 'DE', 48, 11, ?)`,
    );
    partner.run('S-1', 'Lieferant Bench', 'supplier', now);
    const token = sqlite.prepare(
      `INSERT INTO access_token (id, partner_id, scope, label, token_hash, created_at)
       VALUES (?, ?, 'ingest', 'Bench', ?, ?)`,
    );
    const tokens: string[] = [];
    for (let c = 0; c < CARRIERS; c++) {
      const id = `C-${c}`;
      partner.run(id, `Spedition ${c}`, 'carrier', now);
      const secret = newTokenSecret();
      token.run(`PT-bench-${c}`, id, hashTokenSecret(secret), now);
      tokens.push(secret);
    }
    sqlite
      .prepare(
        `INSERT INTO dock_door (id, name, capabilities, opening_hours, unload_minutes, sort_order)
         VALUES ('T1', 'Tor 1', '[]', ?, 30, 1)`,
      )
      .run(JSON.stringify(ALWAYS_OPEN));
    sqlite.prepare("INSERT INTO product (id, name) VALUES ('P', 'Türmodul')").run();
    sqlite
      .prepare(
        "INSERT INTO production_line (id, name, initial_product_id, sort_order) VALUES ('L1', 'Linie 1', 'P', 1)",
      )
      .run();
    sqlite
      .prepare("INSERT INTO line_rate (line_id, product_id, minutes_per_unit) VALUES ('L1', 'P', 1)")
      .run();
    for (let p = 0; p < PARTS; p++) {
      const part = `B-${p}`;
      sqlite
        .prepare(
          "INSERT INTO part (id, description, unit, safety_stock, put_away_minutes, supplier_id) VALUES (?, ?, 'ST', 0, 10, 'S-1')",
        )
        .run(part, `Teil ${p}`);
      sqlite
        .prepare('INSERT INTO stock (part_id, on_hand, updated_at) VALUES (?, ?, ?)')
        .run(part, 30 + p * 3, now);
      sqlite.prepare("INSERT INTO bom_item (product_id, part_id, quantity) VALUES ('P', ?, 1)").run(part);
    }
    for (let o = 0; o < 10; o++) {
      sqlite
        .prepare(
          `INSERT INTO production_order (id, product_id, quantity, line_id, sequence, due_at, status, frozen, created_at)
           VALUES (?, 'P', 240, 'L1', ?, ?, ?, 0, ?)`,
        )
        .run(`O-${o}`, o + 1, now + (o + 1) * 240 * MINUTE, o === 0 ? 'running' : 'planned', now);
    }
    const delivery = sqlite.prepare(
      `INSERT INTO inbound_delivery (id, notice_number, supplier_id, carrier_id, truck_plate, device_id, origin_name,
         origin_lat, origin_lon, door_id, slot_start, slot_end, status, eta, eta_source, last_position_at, last_lat,
         last_lon, departed_at, created_at, updated_at)
       VALUES (?, ?, 'S-1', ?, ?, ?, 'Bench', ?, ?, 'T1', ?, ?, 'in_transit', ?, 'plan', ?, ?, ?, ?, ?, ?)`,
    );
    const item = sqlite.prepare(
      'INSERT INTO delivery_item (delivery_id, line_no, part_id, quantity_announced) VALUES (?, 1, ?, 20)',
    );
    for (let i = 0; i < TRUCKS; i++) {
      const km = 60 + random() * 440;
      const bearing = random() * 2 * Math.PI;
      const lat = PLANT[0] + (Math.cos(bearing) * km) / 111;
      const lon = PLANT[1] + (Math.sin(bearing) * km) / (111 * Math.cos((PLANT[0] * Math.PI) / 180));
      const hours = (km * 1.2) / 75;
      const eta = now + Math.round(hours * 60) * MINUTE;
      const id = `D-${String(i).padStart(4, '0')}`;
      const deviceId = `DEV-${String(i).padStart(4, '0')}`;
      delivery.run(
        id,
        `ASN-${i}`,
        `C-${i % CARRIERS}`,
        `B-LT ${i}`,
        deviceId,
        lat,
        lon,
        eta - 15 * MINUTE,
        eta + 15 * MINUTE,
        eta,
        now,
        lat,
        lon,
        now - MINUTE,
        now,
        now,
      );
      item.run(id, `B-${i % PARTS}`);
      // 80 km/h towards the plant, in degrees per second.
      const speed = 80 / 3600;
      trucks.push({
        deviceId,
        token: tokens[i % CARRIERS]!,
        lat,
        lon,
        dLat: (-Math.cos(bearing) * speed) / 111,
        dLon: (-Math.sin(bearing) * speed) / (111 * Math.cos((PLANT[0] * Math.PI) / 180)),
        heading: ((bearing * 180) / Math.PI + 180) % 360,
      });
    }
  })();
  await database.close();
  return trucks;
}

async function startServe(dbPath: string, port: number, ingestPort: number): Promise<ChildProcess> {
  const { child, output } = await startServeProcess({
    bench: 'ingest',
    // For a closer look at the server: LEITSTAND_BENCH_SERVE_NODE_ARGS='--cpu-prof --cpu-prof-dir=…'.
    nodeArgs: process.env.LEITSTAND_BENCH_SERVE_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    args: ['--db', dbPath, '--empty', '--ingest-port', String(ingestPort)],
    port,
  });
  if (!output.includes('partner ingest server at')) {
    await stopChild(child, 10_000);
    throw new Error(`bench ingest: no ingest server: ${output}`);
  }
  return child;
}

/** Records when each event arrives on the app's event stream. */
function watchEvents(port: number) {
  const seen = { deliveriesChanged: [] as number[], coverageChanged: [] as number[], positionsMoved: 0 };
  const agent = new Agent({ keepAlive: false });
  const req = request({ host: '127.0.0.1', port, path: '/api/events', agent }, (response) => {
    let buffer = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const name = /^event: (.+)$/m.exec(buffer.slice(0, end))?.[1];
        if (name === 'deliveries.changed') seen.deliveriesChanged.push(performance.now());
        else if (name === 'coverage.changed') seen.coverageChanged.push(performance.now());
        else if (name === 'positions.moved') seen.positionsMoved += 1;
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    });
  });
  req.on('error', () => {});
  req.end();
  return { seen, close: () => req.destroy() };
}

interface LoadResult {
  latencies: number[];
  /** Latencies by the second of the run their request was sent in. */
  bySecond: number[][];
  acknowledged: number;
  refused: Map<number, number>;
  errors: number;
  sent: number;
  elapsedS: number;
}

/** Open loop: requests go out on schedule whether or not earlier answers came back. */
function runLoad(trucks: Truck[], port: number, seconds: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const latencies: number[] = [];
  const bySecond: number[][] = Array.from({ length: seconds }, () => []);
  const refused = new Map<number, number>();
  let acknowledged = 0;
  let errors = 0;
  let sent = 0;
  let done = 0;
  const total = RATE * seconds;
  const started = performance.now();
  return new Promise((resolve) => {
    const finish = () => {
      if (done < total) return;
      agent.destroy();
      resolve({
        latencies,
        bySecond,
        acknowledged,
        refused,
        errors,
        sent,
        elapsedS: (performance.now() - started) / 1000,
      });
    };
    const sendOne = (index: number) => {
      const truck = trucks[index % trucks.length]!;
      const t = (performance.now() - started) / 1000;
      const path = `/osmand/${truck.token}?id=${truck.deviceId}&lat=${(truck.lat + truck.dLat * t).toFixed(6)}&lon=${(
        truck.lon + truck.dLon * t
      ).toFixed(6)}&timestamp=${Date.now()}&speed=43.2&bearing=${truck.heading.toFixed(0)}`;
      const at = performance.now();
      const req = request({ host: '127.0.0.1', port, path, agent }, (response) => {
        response.resume();
        response.on('end', () => {
          const ms = performance.now() - at;
          latencies.push(ms);
          bySecond[Math.min(seconds - 1, Math.floor(index / RATE))]!.push(ms);
          if (response.statusCode === 200) acknowledged += 1;
          else refused.set(response.statusCode ?? 0, (refused.get(response.statusCode ?? 0) ?? 0) + 1);
          done += 1;
          finish();
        });
      });
      req.on('error', () => {
        errors += 1;
        done += 1;
        finish();
      });
      req.end();
    };
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * RATE));
      while (sent < due) sendOne(sent++);
      if (sent < total) setTimeout(tick, 2);
    };
    tick();
  });
}

async function appCall(port: number, name: string): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${port}/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown };
  if (!body.ok) throw new Error(`bench ingest: ${name} failed`);
  return body.value;
}

export async function ingestBench(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'leitstand-bench-ingest-'));
  const dbPath = join(dir, 'ingest.db');
  let child: ChildProcess | null = null;
  let events: ReturnType<typeof watchEvents> | null = null;
  try {
    const trucks = await buildPlant(dbPath, Date.now());
    const port = await freePort();
    const ingestPort = await freePort();
    child = await startServe(dbPath, port, ingestPort);
    events = watchEvents(port);
    // Warm-up: every device once, so the JIT, the token cache and the device cache are warm.
    await runLoad(trucks, ingestPort, 1);
    const coverageBefore = events.seen.coverageChanged.length;
    const load = await runLoad(trucks, ingestPort, SECONDS);
    const loadEnd = performance.now();
    const coverageDuring = events.seen.coverageChanged.length - coverageBefore;
    // A projector behind on its changes would make this first read wait for them.
    await appCall(port, 'coverage.overview');
    const overviewMs = performance.now() - loadEnd;
    // Let the last gathered changes through the projector, then judge whether it caught up.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const lastCoverage = events.seen.coverageChanged.at(-1) ?? loadEnd;
    const overview = (await appCall(port, 'coverage.overview')) as {
      computedAt: number;
      stoppages: { endingDelivery: { id: string; eta: number } | null }[];
    };
    const seen = events.seen;
    events.close();
    events = null;
    await stopChild(child, 10_000);
    child = null;

    const sqlite = new BetterSqlite3(dbPath, { readonly: true });
    const stored = (
      sqlite.prepare("SELECT count(*) AS n FROM position WHERE source = 'gps'").get() as { n: number }
    ).n;
    const eta = sqlite.prepare('SELECT eta FROM inbound_delivery WHERE id = ?');
    const endings = overview.stoppages.flatMap((s) => (s.endingDelivery ? [s.endingDelivery] : []));
    const currentEtas = endings.filter((e) => (eta.get(e.id) as { eta: number }).eta === e.eta).length;
    sqlite.close();

    const warmUp = RATE;
    const acknowledged = load.acknowledged + warmUp;
    const sorted = [...load.latencies].sort((a, b) => a - b);
    const refused = [...load.refused.values()].reduce((a, b) => a + b, 0);
    const run = `${TRUCKS} trucks, ${RATE}/s offered for ${SECONDS} s`;
    const secondP99 = load.bySecond.map((values) =>
      percentile(
        [...values].sort((a, b) => a - b),
        99,
      ),
    );
    console.error(
      `[bench] ingest: p99 per second of the run (ms): ${secondP99.map((v) => v.toFixed(0)).join(' ')}`,
    );
    console.error(
      `[bench] ingest: ${load.sent} sent, ${load.acknowledged} acknowledged, refused ${JSON.stringify([...load.refused])}, ${load.errors} errors, coverage.changed ${coverageDuring}× during the load, deliveries.changed ${seen.deliveriesChanged.length}× and positions.moved ${seen.positionsMoved}× in all`,
    );
    return [
      {
        area: 'ingest',
        name: `position latency p50 (${run})`,
        value: percentile(sorted, 50),
        unit: 'ms',
      },
      {
        area: 'ingest',
        name: `position latency p99 (${run})`,
        value: percentile(sorted, 99),
        unit: 'ms',
        target: { value: 50, direction: 'lower' },
      },
      {
        area: 'ingest',
        name: 'seconds of the run whose own p99 stayed within 50 ms',
        value: (100 * secondP99.filter((v) => v <= 50).length) / secondP99.length,
        unit: '%',
      },
      {
        area: 'ingest',
        name: 'positions acknowledged per second (achieved rate)',
        value: load.acknowledged / load.elapsedS,
        unit: '/s',
        target: { value: RATE * 0.98, direction: 'higher' },
      },
      {
        area: 'ingest',
        name: 'positions acknowledged (incl. 1 s warm-up)',
        value: acknowledged,
        unit: 'positions',
      },
      {
        area: 'ingest',
        name: 'positions stored (counted in the database afterwards)',
        value: stored,
        unit: 'positions',
        baseline: { name: 'acknowledged', value: acknowledged },
      },
      {
        area: 'ingest',
        name: 'acknowledged minus stored',
        value: Math.abs(acknowledged - stored),
        unit: 'positions',
        target: { value: 0, direction: 'lower' },
      },
      {
        area: 'ingest',
        name: 'requests refused or failed under load',
        value: refused + load.errors,
        unit: 'requests',
        target: { value: 0, direction: 'lower' },
      },
      {
        area: 'ingest',
        name: 'coverage.changed events during the load',
        value: coverageDuring,
        unit: 'events',
      },
      {
        area: 'ingest',
        name: 'last coverage.changed after the load ended (the projector working off the last ETA changes)',
        value: Math.max(0, lastCoverage - loadEnd),
        unit: 'ms',
      },
      {
        area: 'ingest',
        name: 'coverage.overview answered, counted from the end of the load',
        value: overviewMs,
        unit: 'ms',
        target: { value: SETTLE_MS, direction: 'lower' },
      },
      {
        area: 'ingest',
        name: `coverage.overview at the end: stoppage-ending trucks whose ETA matches the database (of ${endings.length})`,
        value: endings.length === 0 ? 0 : (100 * currentEtas) / endings.length,
        unit: '%',
        target: { value: 100, direction: 'higher' },
      },
    ];
  } finally {
    events?.close();
    if (child) await stopChild(child, 10_000);
    rmSync(dir, { recursive: true, force: true });
  }
}
