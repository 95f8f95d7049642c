import { afterEach, describe, expect, it } from 'vitest';
import { coverageOverview } from '../../src-main/services/coverage/coverageAccess';
import { startPlanning } from '../../src-main/services/recommendation/planningServices';
import { loadCoveragePlant } from '../support/coveragePlant';
import { type IngestHarness, ingestHarness, jsonPost } from './ingest-harness';

// The partner JSON endpoints: status events, shipping notices and the partner's own deliveries.

let h: IngestHarness;
let closePlanning: (() => Promise<void>) | null = null;
afterEach(async () => {
  await closePlanning?.();
  closePlanning = null;
  await h.dispose();
});

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const row = (id: string) =>
  h.t.ctx.database.sqlite
    .prepare(
      'SELECT status, eta, eta_source AS etaSource, departed_at AS departedAt, gate_in_at AS gateInAt FROM inbound_delivery WHERE id = ?',
    )
    .get(id) as {
    status: string;
    eta: number | null;
    etaSource: string | null;
    departedAt: number | null;
    gateInAt: number | null;
  };
const history = (id: string) =>
  h.t.ctx.database.sqlite
    .prepare('SELECT kind, actor, payload FROM event_log WHERE entity_id = ? ORDER BY id')
    .all(id) as { kind: string; actor: string; payload: string }[];
const status = (token: string, body: unknown) => h.send('/partner/v1/status', jsonPost(token, body));

describe('GET /partner/v1/deliveries', () => {
  it("lists only the partner's own open deliveries, with slot, door, status and ETA", async () => {
    h = await ingestHarness();
    const list = async (token: string) => {
      const response = await h.send('/partner/v1/deliveries', {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      return (await response.json()).value.deliveries as {
        id: string;
        doorName: string | null;
        noticeNumber: string;
      }[];
    };
    const carrier = await list(h.tokens.C1);
    expect(carrier.map((d) => d.id)).toEqual(['D-2', 'D-1']);
    expect(carrier[1]).toMatchObject({
      id: 'D-1',
      noticeNumber: 'ASN-D-1',
      status: 'in_transit',
      doorId: 'T1',
      doorName: 'Tor 1',
      slotStart: h.t.clock.now() + 60 * MINUTE,
      eta: h.t.clock.now() + 70 * MINUTE,
      etaSource: 'gps',
    });
    expect((await list(h.tokens.S2)).map((d) => d.id)).toEqual(['D-9']);
  });
});

describe('POST /partner/v1/status', () => {
  it('departed: an announced delivery is in transit, with its departure time and history', async () => {
    h = await ingestHarness();
    const at = h.t.clock.now() - 5 * MINUTE;
    const response = await status(h.tokens.S2, { noticeNumber: 'ASN-D-9', event: 'departed', at: iso(at) });
    expect(response.status).toBe(200);
    expect((await response.json()).value).toMatchObject({
      deliveryId: 'D-9',
      status: 'in_transit',
      changed: true,
    });
    expect(row('D-9')).toMatchObject({ status: 'in_transit', departedAt: at });
    expect(history('D-9')).toEqual([
      {
        kind: 'delivery.status',
        actor: 'partner:S2',
        payload: JSON.stringify({ from: 'announced', to: 'in_transit' }),
      },
    ]);
    // Said twice, nothing changes the second time.
    const again = await status(h.tokens.S2, { deliveryId: 'D-9', event: 'departed', at: iso(at) });
    expect((await again.json()).value.changed).toBe(false);
  });

  it('delayed: needs a new ETA, writes it through the ETA engine and logs the reason', async () => {
    h = await ingestHarness();
    const missing = await status(h.tokens.C1, { deliveryId: 'D-1', event: 'delayed', at: h.t.clock.now() });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.details.issues[0]).toMatchObject({
      field: 'eta',
      where: 'JSON body',
    });
    const eta = h.t.clock.now() + 150 * MINUTE;
    const response = await status(h.tokens.C1, {
      deliveryId: 'D-1',
      event: 'delayed',
      at: iso(h.t.clock.now()),
      eta: iso(eta),
      reason: 'Stau A9',
    });
    expect(response.status).toBe(200);
    const value = (await response.json()).value;
    expect(value).toMatchObject({ deliveryId: 'D-1', changed: true });
    expect(row('D-1').eta).toBe(value.eta);
    // The ETA engine weighs the carrier's word against the truck's own GPS: later, not necessarily 150 min.
    expect(row('D-1').eta).toBeGreaterThan(h.t.clock.now() + 70 * MINUTE);
    expect(history('D-1')).toEqual([
      { kind: 'delivery.delayed', actor: 'partner:C1', payload: JSON.stringify({ eta, reason: 'Stau A9' }) },
    ]);
  });

  it('arrived: checks the truck in at the gate; a finished delivery is refused with 409', async () => {
    h = await ingestHarness();
    const at = h.t.clock.now();
    const response = await status(h.tokens.C1, { noticeNumber: 'ASN-D-2', event: 'arrived', at });
    expect(response.status).toBe(200);
    expect(row('D-2')).toMatchObject({ status: 'at_gate', gateInAt: at });
    expect(history('D-2').map((e) => e.kind)).toEqual(['gate.checked_in', 'delivery.status']);
    const late = await status(h.tokens.C1, { deliveryId: 'D-3', event: 'delayed', at, eta: at + MINUTE });
    expect(late.status).toBe(409);
    expect((await late.json()).error.message).toMatch(/ASN-D-3 has already arrived/);
  });

  it('refuses unknown fields, two keys at once and an unknown event with 400, changing nothing', async () => {
    h = await ingestHarness();
    const at = h.t.clock.now();
    for (const body of [
      { deliveryId: 'D-1', event: 'departed', at, extra: 1 },
      { deliveryId: 'D-1', noticeNumber: 'ASN-D-1', event: 'departed', at },
      { deliveryId: 'D-1', event: 'teleported', at },
      { deliveryId: 'D-1', event: 'delayed', at, eta: at - MINUTE },
    ]) {
      const response = await status(h.tokens.C1, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect(history('D-1')).toEqual([]);
  });

  it('a delay moves the coverage projection: coverage.changed, and coverage.overview shows the new ETA', async () => {
    h = await ingestHarness({}, loadCoveragePlant);
    const planning = startPlanning(h.t.ctx, {
      logger: { error: () => {}, warn: () => {}, info: () => {} },
      autoRecompute: false,
      coalesceMs: 10,
    });
    closePlanning = () => planning.close();
    const before = await coverageOverview(h.t.ctx);
    const stoppage = before.stoppages.find((s) => s.endingDelivery?.id === 'D-2');
    expect(stoppage).toBeDefined();
    const changed = new Promise<void>((resolve) => {
      const off = h.t.ctx.bus.on('coverage.changed', () => {
        off();
        resolve();
      });
    });
    const eta = h.t.clock.now() + 240 * MINUTE;
    const response = await status(h.tokens.C1, {
      noticeNumber: 'ASN-D-2',
      event: 'delayed',
      at: h.t.clock.now(),
      eta,
    });
    expect(response.status).toBe(200);
    await changed;
    const after = await coverageOverview(h.t.ctx);
    const moved = after.stoppages.find((s) => s.endingDelivery?.id === 'D-2');
    expect(moved?.endingDelivery?.eta).toBe(row('D-2').eta);
    expect(moved!.end).toBeGreaterThan(stoppage!.end);
  });
});

describe('POST /partner/v1/notices', () => {
  it("imports a supplier's shipping notice as its own delivery, and refuses one for another supplier", async () => {
    h = await ingestHarness();
    const eta = h.t.clock.now() + 300 * MINUTE;
    const notice = {
      noticeNumber: 'ASN-4711',
      carrier: { partnerId: 'C1' },
      estimatedArrival: iso(eta),
      truckPlate: 'PZ 4711',
      deviceId: 'PHONE-4711',
      items: [{ lineNo: 1, partId: '4711-001', quantity: 120 }],
    };
    const response = await h.send('/partner/v1/notices', jsonPost(h.tokens.S1, notice));
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    const deliveryId = body.value.notices[0].deliveryId as string;
    expect(body.value.notices[0]).toMatchObject({ noticeNumber: 'ASN-4711', action: 'created' });
    const stored = h.t.ctx.database.sqlite
      .prepare(
        'SELECT supplier_id AS supplierId, carrier_id AS carrierId, device_id AS deviceId FROM inbound_delivery WHERE id = ?',
      )
      .get(deliveryId);
    expect(stored).toEqual({ supplierId: 'S1', carrierId: 'C1', deviceId: 'PHONE-4711' });
    // Its device reports at once: the new delivery is found by it.
    const fix = await h.send(
      `/osmand/${h.tokens.S1}?id=PHONE-4711&lat=49.5&lon=13&timestamp=${h.t.clock.now() / 1000}`,
    );
    expect(fix.status).toBe(200);
    expect(h.positions(deliveryId)).toHaveLength(1);

    const foreign = await h.send(
      '/partner/v1/notices',
      jsonPost(h.tokens.S2, { ...notice, noticeNumber: 'ASN-4712', supplier: { partnerId: 'S1' } }),
    );
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    expect(foreign.status).toBeLessThan(500);
    const count = h.t.ctx.database.sqlite
      .prepare("SELECT count(*) AS n FROM inbound_delivery WHERE notice_number = 'ASN-4712'")
      .get();
    expect(count).toEqual({ n: 0 });
  });

  it('refuses a notice that does not parse with 400 naming the field', async () => {
    h = await ingestHarness();
    const response = await h.send(
      '/partner/v1/notices',
      jsonPost(h.tokens.S1, {
        noticeNumber: 'ASN-1',
        items: [{ lineNo: 1, partId: '4711-001', quantity: -5 }],
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.details.issues[0]).toMatchObject({
      field: 'items.0.quantity',
      where: 'JSON body',
    });
  });
});
