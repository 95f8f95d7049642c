import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../src-main/api/events';
import { type IngestHarness, ingestHarness } from './ingest-harness';

// Item 2 of issue 6: positions in the OsmAnd protocol, in every form Traccar Client and OsmAnd
// send them, stored for the right delivery in the right units.

let h: IngestHarness;
beforeEach(async () => {
  h = await ingestHarness();
});
afterEach(() => h.dispose());

const SECOND = 1000;
const now = () => h.t.clock.now();
const osmand = (token: string, query: string, init?: RequestInit) =>
  h.send(`/osmand/${token}?${query}`, init);

async function expectStored(response: Response) {
  expect(response.status, await response.clone().text()).toBe(200);
  expect(await response.text()).toBe('');
}

describe('OsmAnd positions', () => {
  it('stores a GET with query parameters, speed from knots to km/h, and moves the truck', async () => {
    const at = now() + 30 * SECOND;
    await expectStored(
      await osmand(
        h.tokens.C1,
        `id=PHONE-1&lat=49.1&lon=12.4&timestamp=${at / 1000}&speed=40&bearing=225&altitude=380&accuracy=8&hdop=0.9&batt=77`,
      ),
    );
    expect(h.positions('D-1')).toEqual([
      { deliveryId: 'D-1', at, lat: 49.1, lon: 12.4, speedKmh: 74.1, heading: 225, source: 'gps' },
    ]);
    const delivery = h.t.ctx.database.sqlite
      .prepare(
        'SELECT last_position_at AS at, last_lat AS lat, last_lon AS lon, last_speed_kmh AS speed FROM inbound_delivery WHERE id = ?',
      )
      .get('D-1');
    expect(delivery).toEqual({ at, lat: 49.1, lon: 12.4, speed: 74.1 });
  });

  it('stores a form POST (deviceid, Unix milliseconds) and a location=lat,lon', async () => {
    const at = now() + 40 * SECOND;
    await expectStored(
      await h.send(`/osmand/${h.tokens.C1}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `deviceid=PHONE-1&lat=49.05&lon=12.35&timestamp=${at}&heading=200`,
      }),
    );
    await expectStored(await osmand(h.tokens.C1, `id=PHONE-1&location=49.0,12.3&timestamp=${at + 5000}`));
    expect(h.positions('D-1').map((p) => [p.at, p.lat, p.lon, p.heading, p.speedKmh])).toEqual([
      [at, 49.05, 12.35, 200, null],
      [at + 5000, 49.0, 12.3, null, null],
    ]);
  });

  it('reads each timestamp form: Unix seconds, milliseconds, ISO 8601 and yyyy-MM-dd HH:mm:ss (UTC)', async () => {
    const base = now() + 60 * SECOND;
    const iso = (ms: number) => new Date(ms).toISOString();
    const plain = (ms: number) => iso(ms).slice(0, 19).replace('T', ' ');
    const cases: [string, number][] = [
      [String((base + 1000) / 1000), base + 1000],
      [String(base + 2000), base + 2000],
      [iso(base + 3000), base + 3000],
      [iso(base + 4000).replace('Z', '+00:00'), base + 4000],
      // The same instant written in Central European Time.
      [`${iso(base + 5000 + 3_600_000).slice(0, 19)}+01:00`, base + 5000],
      [plain(base + 6000), base + 6000],
      [`${String(Math.floor((base + 7000) / 1000))}.250`, base + 7250],
    ];
    for (const [timestamp, _] of cases) {
      await expectStored(
        await osmand(h.tokens.C1, `id=PHONE-1&lat=49&lon=12&timestamp=${encodeURIComponent(timestamp)}`),
      );
    }
    expect(h.positions('D-1').map((p) => p.at)).toEqual(cases.map(([, at]) => at));
  });

  it('takes the token as a bearer header too, and the time of arrival when no timestamp is sent', async () => {
    await expectStored(
      await h.send('/osmand?id=PHONE-1&lat=48.9&lon=12.1', {
        headers: { Authorization: `Bearer ${h.tokens.C1}` },
      }),
    );
    expect(h.positions('D-1').map((p) => [p.at, p.lat])).toEqual([[now(), 48.9]]);
  });

  it("stores Traccar Client's JSON body, speed in metres per second", async () => {
    const at = now() + 90 * SECOND;
    await expectStored(
      await h.send(`/osmand/${h.tokens.C1}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          location: {
            timestamp: new Date(at).toISOString(),
            coords: {
              latitude: 48.95,
              longitude: 12.2,
              speed: 20,
              heading: 190.5,
              altitude: 400,
              accuracy: 5,
            },
            is_moving: true,
            odometer: 1234,
            battery: { level: 0.64, is_charging: false },
          },
          device_id: 'PHONE-1',
        }),
      }),
    );
    expect(h.positions('D-1')).toEqual([
      { deliveryId: 'D-1', at, lat: 48.95, lon: 12.2, speedKmh: 72, heading: 190.5, source: 'gps' },
    ]);
  });

  it('takes a JSON batch of locations, and -1 as "no speed" the way the client sends it', async () => {
    const at = now() + 100 * SECOND;
    const location = (offset: number) => ({
      timestamp: at + offset,
      coords: { latitude: 48.9, longitude: 12.1 + offset / 1e6, speed: -1, heading: -1 },
    });
    await expectStored(
      await h.send(`/osmand/${h.tokens.C1}?id=PHONE-1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ location: [location(0), location(1000)] }),
      }),
    );
    expect(h.positions('D-1').map((p) => [p.at, p.speedKmh, p.heading])).toEqual([
      [at, null, null],
      [at + 1000, null, null],
    ]);
  });

  it('files a late report (a phone emptying its buffer) into the track without moving the truck back', async () => {
    const at = now() + 60 * SECOND;
    await expectStored(await osmand(h.tokens.C1, `id=PHONE-1&lat=49.0&lon=12.3&timestamp=${at}`));
    await expectStored(
      await osmand(h.tokens.C1, `id=PHONE-1&lat=49.3&lon=12.6&timestamp=${at - 30 * SECOND}`),
    );
    expect(h.positions('D-1').map((p) => p.at)).toEqual([at, at - 30 * SECOND]);
    const delivery = h.t.ctx.database.sqlite
      .prepare('SELECT last_position_at AS at, last_lat AS lat FROM inbound_delivery WHERE id = ?')
      .get('D-1');
    expect(delivery).toEqual({ at, lat: 49.0 });
  });

  it('moves an announced delivery into transit on its first fix, with its history', async () => {
    await expectStored(await osmand(h.tokens.S2, `id=PHONE-9&lat=48.4&lon=14.0&timestamp=${now() / 1000}`));
    const row = h.t.ctx.database.sqlite
      .prepare('SELECT status, departed_at AS departedAt FROM inbound_delivery WHERE id = ?')
      .get('D-9');
    expect(row).toEqual({ status: 'in_transit', departedAt: now() });
    const history = h.t.ctx.database.sqlite
      .prepare("SELECT kind, actor, payload FROM event_log WHERE entity_id = 'D-9' ORDER BY id")
      .all();
    expect(history).toEqual([
      {
        kind: 'delivery.status',
        actor: 'ingest',
        payload: JSON.stringify({ from: 'announced', to: 'in_transit' }),
      },
    ]);
  });

  it('finds the delivery through the truck plate a device is registered for', async () => {
    h.t.ctx.database.sqlite
      .prepare(
        "INSERT INTO partner_device (partner_id, device_id, truck_plate, label, created_at) VALUES ('C1', 'TRACKER-7', 'PZ D-2', 'Telematik', 0)",
      )
      .run();
    await expectStored(
      await osmand(h.tokens.C1, `id=TRACKER-7&lat=49.2&lon=12.5&timestamp=${now() / 1000 + 1}`),
    );
    expect(h.positions().map((p) => p.deliveryId)).toEqual(['D-2']);
  });

  it('checks the truck in at the gate when a fix lies inside the plant geofence', async () => {
    const changed = new Promise<EventMap['deliveries.changed']>((resolve) => {
      const off = h.t.ctx.bus.on('deliveries.changed', (payload) => {
        off();
        resolve(payload);
      });
    });
    const at = now() + 10 * SECOND;
    // 200 m from the gate of Werk Test (48.7665, 11.4258; geofence 600 m).
    await expectStored(
      await osmand(h.tokens.C1, `id=PHONE-1&lat=48.7683&lon=11.4258&timestamp=${at / 1000}`),
    );
    expect((await changed).ids).toContain('D-1');
    const row = h.t.ctx.database.sqlite
      .prepare('SELECT status, gate_in_at AS gateInAt FROM inbound_delivery WHERE id = ?')
      .get('D-1');
    expect(row).toEqual({ status: 'at_gate', gateInAt: at });
  });

  it('answers only after the commit and tells the views in a few gathered events, not one per position', async () => {
    await h.dispose();
    h = await ingestHarness({ feedIntervalMs: 1000 });
    const moved: EventMap['positions.moved'][] = [];
    h.t.ctx.bus.on('positions.moved', (payload) => moved.push(payload));
    const base = now() / 1000;
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        osmand(h.tokens.C1, `id=PHONE-1&lat=49&lon=12&timestamp=${base + i + 1}`),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(200));
    // Every acknowledged position is in the database the moment its answer arrives.
    expect(h.positions('D-1')).toHaveLength(40);
    await new Promise<void>((resolve) => {
      const check = () => (moved.reduce((sum, m) => sum + m.count, 0) >= 40 ? resolve() : undefined);
      check();
      h.t.ctx.bus.on('positions.moved', check);
    });
    expect(moved.reduce((sum, m) => sum + m.count, 0)).toBe(40);
    // The first batch is told at once, the rest gathered for a second.
    expect(moved.length).toBeLessThanOrEqual(3);
  });
});
