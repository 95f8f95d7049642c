import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importNoticeFile } from '../../src-main/imports/notices/noticeFile';
import { testContext } from '../support/testContext';
import { fixture, loadNoticePlant, noticeMessages } from './notice-import.plant';

// Part 3 of issue 6: every DESADV directory and profile fixture imports to the right deliveries.

let t: Awaited<ReturnType<typeof testContext>>;
beforeEach(async () => {
  t = await testContext();
  await loadNoticePlant(t.ctx);
});
afterEach(() => t.dispose());

const MIN = 60_000;
const berlin = (hour: number, minute: number) => Date.UTC(2026, 10, 27, hour - 1, minute);

function delivery(noticeNumber: string) {
  const { sqlite } = t.ctx.database;
  const row = sqlite
    .prepare('SELECT * FROM inbound_delivery WHERE notice_number = ?')
    .get(noticeNumber) as Record<string, unknown>;
  const items = sqlite
    .prepare(
      'SELECT line_no, part_id, supplier_part_number, quantity_announced FROM delivery_item WHERE delivery_id = ? ORDER BY line_no',
    )
    .all(row.id) as Record<string, unknown>[];
  return { row, items };
}

const importFixture = (name: string) => importNoticeFile(t.ctx, { fileName: name, content: fixture(name) });

describe('DESADV import per directory and profile', () => {
  it('D.96A: supplier and carrier by GLN, vehicle from TDT, items through the cross-reference', () => {
    const outcome = importFixture('d96a-kabelwerk.edi');
    expect(outcome.notices).toEqual([
      { noticeNumber: 'ASN-96A-0001', deliveryId: expect.any(String), action: 'created' },
    ]);
    const { row, items } = delivery('ASN-96A-0001');
    expect(row).toMatchObject({
      supplier_id: 'S1',
      carrier_id: 'C1',
      truck_plate: 'PZ-KW 481',
      status: 'announced',
      eta: berlin(14, 0),
      eta_source: 'notice',
      slot_start: berlin(14, 0),
      slot_end: berlin(14, 30),
      door_id: null,
      origin_name: 'Plzeň',
      origin_lat: 49.74,
    });
    expect(items).toEqual([
      { line_no: 1, part_id: '4711-001', supplier_part_number: 'KW-88', quantity_announced: 200 },
      { line_no: 2, part_id: '4711-002', supplier_part_number: 'KW-89', quantity_announced: 120 },
    ]);
    expect(t.events).toContainEqual({ event: 'deliveries.changed', payload: { ids: [row.id] } });
    const logged = t.ctx.database.sqlite
      .prepare(`SELECT actor, payload FROM event_log WHERE kind = 'notice.received' AND entity_id = ?`)
      .get(row.id) as { actor: string; payload: string };
    expect(JSON.parse(logged.payload)).toMatchObject({
      noticeNumber: 'ASN-96A-0001',
      format: 'desadv',
      action: 'created',
    });
    expect(noticeMessages(t.ctx)).toMatchObject([{ outcome: 'imported', format: 'desadv', source: 'file' }]);
  });

  it('D.01B: DUNS supplier, decimal comma UNA, release character, plant number (IN) taken as is', () => {
    importFixture('d01b-federnfabrik.edi');
    const { row, items } = delivery('FL-DN-778899');
    expect(row).toMatchObject({
      supplier_id: 'S2',
      carrier_id: null,
      truck_plate: 'LL 4711F',
      eta: berlin(15, 45),
    });
    expect(row.slot_start).toBe(berlin(15, 30));
    expect(items).toEqual([
      { line_no: 1, part_id: '4711-001', supplier_part_number: 'F-100', quantity_announced: 150 },
      { line_no: 2, part_id: '4711-002', supplier_part_number: 'F-200', quantity_announced: 60 },
    ]);
  });

  it('D.07A: a functional group with two messages becomes two deliveries, 204 and 719 date formats', () => {
    const outcome = importFixture('d07a-kabelwerk-group.edi');
    expect(outcome.notices.map((notice) => notice.noticeNumber)).toEqual(['ASN-07A-0001', 'ASN-07A-0002']);
    expect(delivery('ASN-07A-0001').row).toMatchObject({
      eta: berlin(16, 0),
      carrier_id: 'C1',
      truck_plate: 'PZ-KW 512',
    });
    const second = delivery('ASN-07A-0002');
    expect(second.row).toMatchObject({ eta: berlin(17, 0), carrier_id: null });
    expect(second.items).toEqual([
      { line_no: 1, part_id: '4711-002', supplier_part_number: 'KW-89', quantity_announced: 40 },
      { line_no: 2, part_id: '4711-001', supplier_part_number: null, quantity_announced: 10 },
    ]);
  });

  it('EANCOM: the GTIN (SRV) maps through the supplier part cross-reference', () => {
    importFixture('eancom-kabelwerk.edi');
    const { row, items } = delivery('DES587441');
    expect(row).toMatchObject({ supplier_id: 'S1', eta: berlin(13, 30), truck_plate: 'PZ-KW 330' });
    expect(items).toEqual([
      { line_no: 1, part_id: '4711-002', supplier_part_number: '4006381333931', quantity_announced: 48 },
    ]);
  });

  it('VDA 4987: VDA supplier number, plant number used when it exists, else the SA number', () => {
    importFixture('vda4987-gusswerk.edi');
    const { row, items } = delivery('700815');
    expect(row).toMatchObject({
      supplier_id: 'S3',
      carrier_id: 'C1',
      truck_plate: 'SR 815 GS',
      origin_name: 'Steyr',
    });
    expect(row.eta).toBe(berlin(12, 30));
    expect(items).toEqual([
      { line_no: 1, part_id: '4711-002', supplier_part_number: 'GS-9001', quantity_announced: 96 },
      { line_no: 2, part_id: '4711-001', supplier_part_number: 'GS-9002', quantity_announced: 48 },
    ]);
    expect((row.slot_end as number) - (row.slot_start as number)).toBe(30 * MIN);
  });
});
