import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProcedureName, ProcedureOutput } from '../../src-main/api/contract';
import { procedures } from '../../src-main/api/procedures/index';
import { type Caller, callProcedure } from '../../src-main/api/registry';
import type { Result } from '../../src-main/api/result';
import { coveragePlantContext } from '../support/coveragePlant';

// partners.get / scorecard / crossReference / setTolerance through the registry, on the small
// coverage plant (fixture plant with production: Linie 1 is predicted to wait 45 min for D-2 of
// supplier S1 and carrier C1) plus hand-made history for the scorecard.

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const desk: Caller = { transport: 'internal', access: 'write' };
const viewer: Caller = { transport: 'http', access: 'read' };
const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };

let t: Awaited<ReturnType<typeof coveragePlantContext>>;
let now: number;
beforeEach(async () => {
  t = await coveragePlantContext();
  now = t.clock.now();
  t.events.length = 0;
});
afterEach(() => t.dispose());

const call = <N extends ProcedureName>(name: N, input: unknown, caller = desk) =>
  callProcedure(t.ctx, procedures, name, input, caller, silent) as Promise<Result<ProcedureOutput<N>>>;

async function value<N extends ProcedureName>(name: N, input: unknown): Promise<ProcedureOutput<N>> {
  const result = await call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const sqlite = () => t.ctx.database.sqlite;

/** A past delivery with a 30-minute slot starting `slotAgo` minutes ago, in at the gate `late` minutes after its end. */
function pastDelivery(
  id: string,
  supplierId: string,
  carrierId: string | null,
  slotAgo: number,
  late: number | null,
) {
  const slotStart = now - slotAgo * MIN;
  const slotEnd = slotStart + 30 * MIN;
  sqlite()
    .prepare(
      `INSERT INTO inbound_delivery (id, supplier_id, carrier_id, origin_name, origin_lat, origin_lon, door_id,
         slot_start, slot_end, status, gate_in_at, created_at, updated_at)
       VALUES (?, ?, ?, 'Plzeň', 49.74, 13.37, 'T1', ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      supplierId,
      carrierId,
      slotStart,
      slotEnd,
      late === null ? 'in_transit' : 'departed',
      late === null ? null : slotEnd + late * MIN,
      slotStart - DAY,
      now,
    );
  return { slotStart, slotEnd, gateInAt: late === null ? null : slotEnd + late * MIN };
}

function item(deliveryId: string, lineNo: number, announced: number, received: number | null) {
  sqlite()
    .prepare(
      `INSERT INTO delivery_item (delivery_id, line_no, part_id, quantity_announced, quantity_received)
       VALUES (?, ?, '4711-001', ?, ?)`,
    )
    .run(deliveryId, lineNo, announced, received);
}

function receipt(deliveryId: string, partId: string, at: number) {
  sqlite()
    .prepare(
      `INSERT INTO stock_movement (part_id, kind, quantity, at, delivery_id) VALUES (?, 'receipt', 50, ?, ?)`,
    )
    .run(partId, at, deliveryId);
}

/** A stoppage of `minutes` on a line for a part, ended at `resumedAt` (as the simulator logs it). */
function stoppage(lineId: string, partId: string, resumedAt: number, minutes: number) {
  const insert = sqlite().prepare(
    `INSERT INTO event_log (at, actor, kind, entity_type, entity_id, payload) VALUES (?, 'simulator', ?, 'line', ?, ?)`,
  );
  insert.run(resumedAt - minutes * MIN, 'line.stopped', lineId, JSON.stringify({ partId, orderId: 'O-2' }));
  insert.run(
    resumedAt,
    'line.resumed',
    lineId,
    JSON.stringify({ partId, orderId: 'O-2', stoppedMinutes: minutes }),
  );
}

describe('partners.get', () => {
  it('answers contacts, role, city, party id and counts', async () => {
    sqlite()
      .prepare(
        `INSERT INTO supplier_part (supplier_id, supplier_part_number, part_id) VALUES ('S1', 'KW-88', '4711-001')`,
      )
      .run();
    await value('partnerTokens.create', { partnerId: 'S1', label: 'ERP' });
    const revoked = await value('partnerTokens.create', { partnerId: 'S1', label: 'alt' });
    await value('partnerTokens.revoke', { id: revoked.id });
    const partner = await value('partners.get', { id: 'S1' });
    expect(partner).toMatchObject({
      id: 'S1',
      name: 'Kabelwerk Pilsen',
      role: 'supplier',
      city: 'Plzeň',
      countryCode: 'CZ',
      partyId: null,
      contact: { name: 'Jana Nováková', email: 'jana@kabelwerk.example', phone: null },
      counts: { supplierParts: 1, tokens: 2, activeTokens: 1, deliveriesAsCarrier: 0 },
    });
    const total = sqlite()
      .prepare(`SELECT count(*) AS n FROM inbound_delivery WHERE supplier_id = 'S1'`)
      .get() as {
      n: number;
    };
    expect(partner.counts.deliveriesAsSupplier).toBe(total.n);
    const carrier = await value('partners.get', { id: 'C1' });
    expect(carrier.counts.deliveriesAsSupplier).toBe(0);
    expect(carrier.counts.deliveriesAsCarrier).toBeGreaterThan(0);
  });

  it('refuses an unknown partner by name, also to a viewer', async () => {
    const result = await call('partners.get', { id: 'S-404' }, viewer);
    expect(!result.ok && result.error).toEqual({ code: 'NOT_FOUND', message: 'There is no partner S-404.' });
  });
});

describe('partners.crossReference', () => {
  beforeEach(() => {
    const insert = sqlite().prepare(
      'INSERT INTO supplier_part (supplier_id, supplier_part_number, part_id) VALUES (?, ?, ?)',
    );
    insert.run('S1', 'KW-89', '4711-002');
    insert.run('S1', 'KW-88', '4711-001');
    insert.run('S1', 'KW_100%', '4711-003');
  });

  it("lists the supplier's part numbers with the plant parts, sorted by the supplier's number", async () => {
    const all = await value('partners.crossReference', { id: 'S1' });
    expect(all.total).toBe(3);
    expect(all.rows.map((row) => [row.supplierPartNumber, row.partId, row.description])).toEqual([
      ['KW-88', '4711-001', 'Kabelbaum Tür links'],
      ['KW-89', '4711-002', 'Kabelbaum Tür rechts'],
      ['KW_100%', '4711-003', 'Clip Türverkleidung'],
    ]);
    expect(all.rows.every((row) => row.primarySupplier && row.unit === 'ST')).toBe(true);
  });

  it('searches both numbers and the description, case-insensitively, taking % and _ literally', async () => {
    const search = async (text: string) =>
      (await value('partners.crossReference', { id: 'S1', search: text })).rows.map(
        (row) => row.supplierPartNumber,
      );
    expect(await search('TÜR RECHTS'.toLowerCase())).toEqual(['KW-89']);
    expect(await search('kw-8')).toEqual(['KW-88', 'KW-89']);
    expect(await search('4711-003')).toEqual(['KW_100%']);
    expect(await search('_')).toEqual(['KW_100%']);
    expect(await search('%')).toEqual(['KW_100%']);
    expect(await search('Bremse')).toEqual([]);
  });

  it('is empty for a carrier and refuses an unknown partner', async () => {
    expect(await value('partners.crossReference', { id: 'C1' })).toEqual({ total: 0, rows: [] });
    const unknown = await call('partners.crossReference', { id: 'S-404' });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
  });
});

describe('partners.setTolerance', () => {
  it('stores the tolerance with an audit entry, tells the views, and the scorecard follows it', async () => {
    pastDelivery('H-1', 'S1', 'C1', 3 * 60, 20); // 20 min after the slot: late at 15, on time at 30
    const range = { id: 'S1', from: now - 7 * DAY, to: now };
    const before = await value('partners.scorecard', range);
    expect(before.toleranceMinutes).toBe(15);
    const late = before.punctuality.late;

    const result = await value('partners.setTolerance', { minutes: 30 });
    expect(result).toEqual({ toleranceMinutes: 30, previousMinutes: 15 });
    expect(t.events).toEqual([
      { event: 'settings.changed', payload: { keys: ['scorecard.toleranceMinutes'] } },
    ]);
    const audit = sqlite()
      .prepare(`SELECT actor, kind, entity_id, payload FROM event_log WHERE kind = 'setting.changed'`)
      .all();
    expect(audit).toEqual([
      {
        actor: 'user',
        kind: 'setting.changed',
        entity_id: 'scorecard.toleranceMinutes',
        payload: '{"from":15,"to":30}',
      },
    ]);
    const after = await value('partners.scorecard', range);
    expect(after.toleranceMinutes).toBe(30);
    expect(after.punctuality.late).toBe(late - 1);
  });

  it('refuses minutes outside 0–120 or not whole, and a viewer, storing nothing', async () => {
    for (const minutes of [-1, 121, 2.5, '15', null]) {
      const result = await call('partners.setTolerance', { minutes });
      expect(!result.ok && result.error.code, String(minutes)).toBe('INVALID_INPUT');
    }
    const refused = await call('partners.setTolerance', { minutes: 10 }, viewer);
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    const stored = sqlite()
      .prepare(`SELECT count(*) AS n FROM setting WHERE key = 'scorecard.toleranceMinutes'`)
      .get();
    expect(stored).toEqual({ n: 0 });
    expect(t.events).toEqual([]);
  });

  it('accepts both ends, 0 and 120, and falls back to 15 for a stored value that does not parse', async () => {
    expect((await call('partners.setTolerance', { minutes: 0 })).ok).toBe(true);
    expect((await call('partners.setTolerance', { minutes: 120 })).ok).toBe(true);
    sqlite().prepare(`UPDATE setting SET value = '"viel"' WHERE key = 'scorecard.toleranceMinutes'`).run();
    const scorecard = await value('partners.scorecard', { id: 'S1', from: now - DAY, to: now });
    expect(scorecard.toleranceMinutes).toBe(15);
  });
});

describe('partners.scorecard', () => {
  it('judges the hand-made history: on time, slot adherence, notice accuracy and delays', async () => {
    sqlite().prepare(`DELETE FROM inbound_delivery WHERE id NOT IN ('D-1', 'D-2')`).run();
    pastDelivery('H-1', 'S1', 'C1', (3 * DAY) / MIN, -10); // in the window
    pastDelivery('H-2', 'S1', 'C1', (2 * DAY) / MIN, -100); // 70 min before the slot: on time, not in slot
    pastDelivery('H-3', 'S1', null, DAY / MIN, 45); // late by 45
    pastDelivery('H-4', 'S1', null, 10 * 60, null); // overdue
    pastDelivery('H-5', 'S1', null, (9 * DAY) / MIN, 0); // before the range
    item('H-1', 1, 100, 100);
    item('H-1', 2, 50, 40);
    item('H-3', 1, 80, 80);
    item('H-4', 1, 60, null); // not received yet: not judged
    const scorecard = await value('partners.scorecard', { id: 'S1', from: now - 7 * DAY, to: now });
    expect(scorecard.punctuality).toEqual({
      due: 4,
      arrived: 3,
      overdue: 1,
      onTime: 2,
      onTimeRate: 0.5,
      inSlot: 1,
      slotAdherenceRate: 0.25,
      late: 1,
      early: 1,
      averageDelayMinutes: 15,
      averageLateDelayMinutes: 45,
    });
    expect(scorecard.noticeAccuracy).toMatchObject({
      lines: 3,
      exactLines: 2,
      quantityAnnounced: 230,
      quantityFilled: 220,
      fillRate: 220 / 230,
    });
    // H-5 lies before the range, D-1 and D-2 (slots still to come) after it.
    expect(scorecard.deliveries).toBe(4);
    expect(scorecard.weeks.reduce((sum, week) => sum + week.due, 0)).toBe(4);
    expect(scorecard.timeZone).toBe('Europe/Berlin');

    const carrier = await value('partners.scorecard', { id: 'C1', from: now - 7 * DAY, to: now });
    expect(carrier.noticeAccuracy).toBeNull();
    expect(carrier.punctuality).toMatchObject({ due: 2, onTime: 2, inSlot: 1 });
  });

  it('attributes an ended stoppage to the late delivery whose receipt ended it, and to nobody else', async () => {
    const late = pastDelivery('H-LATE', 'S1', 'C1', 8 * 60, 90);
    const onTime = pastDelivery('H-OK', 'S1', 'C1', 6 * 60, -5);
    const lateAgain = pastDelivery('H-LATE2', 'S1', null, 4 * 60, 60);
    // 1: the late truck's goods came in a minute before Linie 1 resumed after 120 minutes.
    const first = late.gateInAt! + 50 * MIN;
    receipt('H-LATE', '4711-002', first - MIN);
    stoppage('L1', '4711-002', first, 120);
    // 2: an on-time truck ended this one, though the late truck also delivered during it.
    const second = onTime.gateInAt! + 40 * MIN;
    receipt('H-LATE2', '4711-001', second - 30 * MIN);
    receipt('H-OK', '4711-001', second - 2 * MIN);
    stoppage('L2', '4711-001', second, 60);
    // 3: the late receipt came before the line stopped: it did not end the stoppage.
    const third = lateAgain.gateInAt! + 120 * MIN;
    receipt('H-LATE2', '4711-003', third - 90 * MIN);
    stoppage('L1', '4711-003', third, 30);
    // 4: like the first, but resumed before the range.
    receipt('H-LATE', '4711-001', now - 8 * DAY);
    stoppage('L1', '4711-001', now - 8 * DAY + MIN, 15);

    const impact = (await value('partners.scorecard', { id: 'S1', from: now - 7 * DAY, to: now }))
      .productionImpact;
    expect(impact.caused).toEqual([
      {
        lineId: 'L1',
        lineName: 'Linie 1',
        partId: '4711-002',
        partDescription: 'Kabelbaum Tür rechts',
        resumedAt: first,
        stoppedMinutes: 120,
        deliveryId: 'H-LATE',
      },
    ]);
    expect(impact.causedMinutes).toBe(120);
    // The carrier of the late truck shares it; a tolerance of 90 minutes forgives it.
    const carrier = await value('partners.scorecard', { id: 'C1', from: now - 7 * DAY, to: now });
    expect(carrier.productionImpact.causedMinutes).toBe(120);
    await value('partners.setTolerance', { minutes: 90 });
    const forgiven = await value('partners.scorecard', { id: 'S1', from: now - 7 * DAY, to: now });
    expect(forgiven.productionImpact.causedMinutes).toBe(0);
  });

  it("counts the projection's predicted stoppage that the partner's truck would end as threatened", async () => {
    const range = { from: now - DAY, to: now + DAY };
    const supplier = await value('partners.scorecard', { id: 'S1', ...range });
    expect(supplier.productionImpact.threatened).toEqual([
      expect.objectContaining({ lineId: 'L1', partId: '4711-002', durationMinutes: 45, deliveryId: 'D-2' }),
    ]);
    expect(supplier.productionImpact.threatenedMinutes).toBe(45);
    const carrier = await value('partners.scorecard', { id: 'C1', ...range });
    expect(carrier.productionImpact.threatenedMinutes).toBe(45);
    sqlite()
      .prepare(
        `INSERT INTO partner (id, name, role, city, country_code, lat, lon, created_at)
         VALUES ('S9', 'Andere GmbH', 'supplier', 'Linz', 'AT', 48.3, 14.3, 0)`,
      )
      .run();
    const other = await value('partners.scorecard', { id: 'S9', ...range });
    expect(other.productionImpact).toMatchObject({ threatenedMinutes: 0, causedMinutes: 0 });
    expect(other.punctuality.onTimeRate).toBeNull();
  });

  it('refuses a backwards or over-long range and an unknown partner', async () => {
    const backwards = await call('partners.scorecard', { id: 'S1', from: now, to: now - DAY });
    expect(!backwards.ok && backwards.error.message).toBe('partners.scorecard: to: must lie after from');
    const long = await call('partners.scorecard', { id: 'S1', from: now - 401 * DAY, to: now });
    expect(!long.ok && long.error.code).toBe('INVALID_INPUT');
    const unknown = await call('partners.scorecard', { id: 'S-404', from: now - DAY, to: now });
    expect(!unknown.ok && unknown.error).toEqual({
      code: 'NOT_FOUND',
      message: 'There is no partner S-404.',
    });
  });
});
