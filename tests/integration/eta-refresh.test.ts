import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { greatCircleKm, ROAD_CIRCUITY } from '../../src-main/domain/geo';
import { invalidateEtaCache } from '../../src-main/services/eta/etaCache';
import { refreshEta } from '../../src-main/services/eta/refreshEta';
import { loadFixturePlant } from '../support/fixturePlant';
import { testContext } from '../support/testContext';

const MINUTE = 60_000;
const PLANT = [48.7665, 11.4258] as const;
let t: Awaited<ReturnType<typeof testContext>>;

beforeEach(async () => {
  t = await testContext();
  await loadFixturePlant(t.ctx);
});
afterEach(() => t.dispose());

const stored = (id: string) =>
  t.ctx.database.sqlite
    .prepare('SELECT eta, eta_source, eta_confidence_minutes, updated_at FROM inbound_delivery WHERE id = ?')
    .get(id) as {
    eta: number | null;
    eta_source: string | null;
    eta_confidence_minutes: number | null;
    updated_at: number;
  };

const gps = (at: number, lat: number, lon: number, speedKmh: number | null = 80) =>
  ({ kind: 'gps', at, lat, lon, speedKmh }) as const;

/** A track of `minutes` driving, a fix every 5 minutes, ending at (lat, lon). */
function insertTrack(deliveryId: string, end: number, minutes: number, lat: number, lon: number) {
  const insert = t.ctx.database.sqlite.prepare(
    "INSERT INTO position (delivery_id, at, lat, lon, speed_kmh, heading, source) VALUES (?, ?, ?, ?, 78, 225, 'gps')",
  );
  for (let m = minutes; m >= 0; m -= 5)
    insert.run(deliveryId, end - m * MINUTE, lat + m * 0.004, lon + m * 0.006);
}

/** Completed trips on the Plzeň lane, each `transitMinutes` from departure to the gate. */
function insertCompletedTrips(count: number, transitMinutes: number, carrierId = 'C1') {
  const now = t.clock.now();
  t.ctx.database.sqlite
    .prepare(
      `INSERT OR IGNORE INTO partner (id, name, role, city, country_code, lat, lon, created_at)
       VALUES (?, 'Spedition Test', 'carrier', 'Cham', 'DE', 49.2, 12.7, ?)`,
    )
    .run(carrierId, now);
  const insert = t.ctx.database.sqlite.prepare(
    `INSERT INTO inbound_delivery (id, supplier_id, carrier_id, origin_name, origin_lat, origin_lon, slot_start,
       slot_end, status, departed_at, gate_in_at, created_at, updated_at)
     VALUES (?, 'S1', ?, 'Plzeň', 49.74, 13.37, ?, ?, 'departed', ?, ?, ?, ?)`,
  );
  for (let i = 0; i < count; i++) {
    // On Fridays, four a week, within the lane history: no Sunday driving ban in the way.
    const arrived = now - (Math.floor(i / 4) + 1) * 7 * 1440 * MINUTE - (i % 4) * 60 * MINUTE;
    insert.run(
      `H-${carrierId}-${i}`,
      carrierId,
      arrived,
      arrived + 30 * MINUTE,
      arrived - transitMinutes * MINUTE,
      arrived,
      arrived,
      arrived,
    );
  }
}

describe('refreshEta on a real database', () => {
  it('forgets trips older than the lane history', () => {
    const sqlite = t.ctx.database.sqlite;
    const now = t.clock.now();
    insertCompletedTrips(4, 360);
    sqlite
      .prepare("UPDATE inbound_delivery SET slot_start = slot_start - ? WHERE id LIKE 'H-%'")
      .run(120 * 1440 * MINUTE);
    // Only the fixture's D-3 is recent enough to count.
    expect(refreshEta(sqlite, 'D-1', now, gps(now, 49.2, 12.5))!.laneSamples).toBe(1);
  });

  it('estimates from a GPS fix and writes ETA, source and band', () => {
    const now = t.clock.now();
    const estimate = refreshEta(t.ctx.database.sqlite, 'D-1', now, gps(now, 49.2, 12.5))!;
    const km = (greatCircleKm([49.2, 12.5], PLANT) - 0.6) * ROAD_CIRCUITY;
    expect(estimate.source).toBe('gps');
    expect(estimate.remainingKm).toBeCloseTo(km, 1);
    expect(estimate.eta).toBeGreaterThan(now + estimate.drivingMinutes * MINUTE - MINUTE);
    expect(estimate.earliest).toBeLessThanOrEqual(estimate.eta);
    expect(estimate.latest).toBeGreaterThanOrEqual(estimate.eta);
    expect(stored('D-1')).toEqual({
      eta: estimate.eta,
      eta_source: 'gps',
      eta_confidence_minutes: estimate.confidenceMinutes,
      updated_at: now,
    });
  });

  it('answers null and writes nothing for an unknown or finished delivery', () => {
    const now = t.clock.now();
    const before = stored('D-3');
    expect(refreshEta(t.ctx.database.sqlite, 'D-404', now, gps(now, 49, 12))).toBeNull();
    expect(refreshEta(t.ctx.database.sqlite, 'D-3', now, gps(now, 49, 12))).toBeNull();
    expect(stored('D-3')).toEqual(before);
  });

  it('makes a truck whose driver has driven 4 hours break before it arrives', () => {
    const now = t.clock.now();
    const sqlite = t.ctx.database.sqlite;
    sqlite.prepare('UPDATE inbound_delivery SET departed_at = ? WHERE id = ?').run(now - 245 * MINUTE, 'D-1');
    insertTrack('D-1', now, 240, 49.2, 12.5);
    const tired = refreshEta(sqlite, 'D-1', now, gps(now, 49.2, 12.5))!;
    expect(tired.drivingMinutes).toBeGreaterThan(30);
    expect(tired.breakMinutes).toBe(45);
    // The same truck whose driver has just had his break: 45 minutes earlier.
    const rested = refreshEta(sqlite, 'D-2', now, gps(now, 49.2, 12.5))!;
    expect(rested.breakMinutes).toBe(0);
    expect(tired.eta - rested.eta).toBeGreaterThanOrEqual(44 * MINUTE);
  });

  it('carries the driver forward fix by fix: a long stop is the break', () => {
    const sqlite = t.ctx.database.sqlite;
    let now = t.clock.now();
    sqlite.prepare('UPDATE inbound_delivery SET departed_at = ? WHERE id = ?').run(now - 245 * MINUTE, 'D-1');
    insertTrack('D-1', now, 240, 49.2, 12.5);
    expect(refreshEta(sqlite, 'D-1', now, gps(now, 49.2, 12.5))!.breakMinutes).toBe(45);
    // Parked at a Rastplatz: after 20 minutes 30 are still owed, after 50 none.
    now += 20 * MINUTE;
    // (A stop of 15 minutes or more is the first part of a split break: 30 minutes are left to take.)
    expect(refreshEta(sqlite, 'D-1', now, gps(now, 49.2, 12.5, 0))!.breakMinutes).toBe(30);
    now += 30 * MINUTE;
    expect(refreshEta(sqlite, 'D-1', now, gps(now, 49.2, 12.5, 0))!.breakMinutes).toBe(0);
    // A repeated or older fix changes nothing.
    const again = refreshEta(sqlite, 'D-1', now, gps(now - 40 * MINUTE, 49.5, 13))!;
    expect(again.breakMinutes).toBe(0);
  });

  it('takes a carrier ETA newer than the last fix, clamps an impossible one, and yields to a newer fix', () => {
    const sqlite = t.ctx.database.sqlite;
    const now = t.clock.now();
    const fromGps = refreshEta(sqlite, 'D-1', now, gps(now, 49.2, 12.5))!;
    const delayed = now + 300 * MINUTE;
    const carrier = refreshEta(sqlite, 'D-1', now + MINUTE, {
      kind: 'carrier',
      at: now + MINUTE,
      eta: delayed,
    })!;
    expect(carrier).toMatchObject({ source: 'carrier', eta: delayed });
    expect(stored('D-1')).toMatchObject({ eta: delayed, eta_source: 'carrier' });
    // "Arriving in 5 minutes" from 150 km away: not before the truck can make it.
    const boast = refreshEta(sqlite, 'D-1', now + 2 * MINUTE, {
      kind: 'carrier',
      at: now + 2 * MINUTE,
      eta: now + 7 * MINUTE,
    })!;
    expect(boast.source).toBe('carrier');
    expect(boast.eta).toBeGreaterThanOrEqual(now + ((fromGps.remainingKm - 3) / 90) * 60 * MINUTE);
    // The next fix knows better again.
    const later = now + 3 * MINUTE;
    const back = refreshEta(sqlite, 'D-1', later, gps(later, 49.19, 12.48))!;
    expect(back.source).toBe('gps');
    expect(stored('D-1').eta_source).toBe('gps');
  });

  it('uses a shipping notice for a truck that has not left, and the slot without one', () => {
    const sqlite = t.ctx.database.sqlite;
    const now = t.clock.now();
    sqlite
      .prepare(
        `UPDATE inbound_delivery SET status = 'announced', departed_at = NULL, last_position_at = NULL,
           last_lat = NULL, last_lon = NULL, eta = NULL, eta_source = NULL, slot_start = ?, slot_end = ? WHERE id = 'D-1'`,
      )
      .run(now + 600 * MINUTE, now + 630 * MINUTE);
    const notice = refreshEta(sqlite, 'D-1', now, { kind: 'notice', at: now, eta: now + 620 * MINUTE })!;
    expect(notice).toMatchObject({ source: 'notice', eta: now + 620 * MINUTE });
    expect(stored('D-1').eta_source).toBe('notice');
    sqlite
      .prepare(
        "UPDATE inbound_delivery SET last_position_at = NULL, last_lat = NULL, last_lon = NULL WHERE id = 'D-2'",
      )
      .run();
    const plan = refreshEta(sqlite, 'D-2', now, { kind: 'notice', at: now, eta: now + 1 * MINUTE })!;
    // D-2 is in transit without a track: dead reckoning from its departure, the notice clamped.
    expect(plan.source).toBe('notice');
    expect(plan.eta).toBeGreaterThan(now + 1 * MINUTE);
  });

  it('learns the lane from completed deliveries, and again once another one reaches the gate', () => {
    const sqlite = t.ctx.database.sqlite;
    const now = t.clock.now();
    // Plzeň → Ingolstadt is predicted at about 3.5 hours; these trucks took 6.
    insertCompletedTrips(12, 360);
    const slow = refreshEta(sqlite, 'D-1', now, gps(now, 49.2, 12.5))!;
    expect(slow.laneSamples).toBe(13); // D-3 of the fixture reached the gate too
    expect(slow.laneFactor).toBeGreaterThan(1.2);
    const fresh = refreshEta(t.ctx.database.sqlite, 'D-2', now, gps(now, 49.2, 12.5))!;
    expect(fresh.laneFactor).toBe(slow.laneFactor);

    // D-2 reaches the gate: the engine hears of it and reads the lanes again.
    sqlite
      .prepare("UPDATE inbound_delivery SET status = 'at_gate', gate_in_at = ? WHERE id = 'D-2'")
      .run(now);
    sqlite.prepare('UPDATE inbound_delivery SET departed_at = ? WHERE id = ?').run(now - 200 * MINUTE, 'D-2');
    expect(refreshEta(sqlite, 'D-2', now, gps(now, 48.77, 11.43))).toBeNull();
    expect(refreshEta(sqlite, 'D-1', now, gps(now + MINUTE, 49.2, 12.5))!.laneSamples).toBe(14);

    // Another truck checked in at the gate by the gate staff, never reported to the engine: within
    // half a minute of plant time the engine notices the new trip on its own.
    sqlite
      .prepare(
        `INSERT INTO inbound_delivery (id, supplier_id, carrier_id, origin_name, origin_lat, origin_lon, slot_start,
           slot_end, status, departed_at, gate_in_at, created_at, updated_at)
         VALUES ('D-9', 'S1', 'C1', 'Plzeň', 49.74, 13.37, ?, ?, 'at_gate', ?, ?, ?, ?)`,
      )
      .run(now, now + 30 * MINUTE, now - 400 * MINUTE, now + MINUTE, now, now);
    expect(refreshEta(sqlite, 'D-1', now + 90_000, gps(now + 90_000, 49.2, 12.5))!.laneSamples).toBe(15);

    insertCompletedTrips(30, 160, 'C2');
    invalidateEtaCache(sqlite);
    // Another carrier drives the lane quicker: each carrier is judged by its own trips.
    const huber = refreshEta(sqlite, 'D-1', now + 2 * MINUTE, gps(now + 2 * MINUTE, 49.2, 12.5))!;
    expect(huber).toMatchObject({ laneSamples: 15 });
    expect(huber.laneFactor).toBeGreaterThan(1.3);
    sqlite.prepare("UPDATE inbound_delivery SET carrier_id = 'C2' WHERE id = 'D-1'").run();
    const quicker = refreshEta(sqlite, 'D-1', now + 3 * MINUTE, gps(now + 3 * MINUTE, 49.2, 12.5))!;
    expect(quicker).toMatchObject({ laneSamples: 30 });
    expect(quicker.laneFactor).toBeLessThan(1);
    expect(quicker.eta).toBeLessThan(huber.eta);
  });
});
