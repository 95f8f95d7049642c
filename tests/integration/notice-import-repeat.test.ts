import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src-main/api/result';
import { applyShippingNotices } from '../../src-main/imports/notices/applyNotices';
import { importNoticeFile } from '../../src-main/imports/notices/noticeFile';
import type { ShippingNotice } from '../../src-main/imports/notices/shippingNotice';
import { testContext } from '../support/testContext';
import { fixture, loadNoticePlant, plantHash } from './notice-import.plant';

// The repeated-notice rule (docs/shipping-notices.md): the same supplier may send a notice number
// again while the truck has not reached the gate; after that, or for someone else's number, never.

let t: Awaited<ReturnType<typeof testContext>>;
beforeEach(async () => {
  t = await testContext();
  await loadNoticePlant(t.ctx);
});
afterEach(() => t.dispose());

const berlin = (hour: number, minute: number) => Date.UTC(2026, 10, 27, hour - 1, minute);
const D96A = fixture('d96a-kabelwerk.edi');
const sqlite = () => t.ctx.database.sqlite;
const importText = (content: string) => importNoticeFile(t.ctx, { fileName: 'asn.edi', content });
const setStatus = (noticeNumber: string, status: string) =>
  sqlite()
    .prepare('UPDATE inbound_delivery SET status = ? WHERE notice_number = ?')
    .run(status, noticeNumber);

function refused(run: () => unknown) {
  const before = plantHash(t.ctx);
  try {
    run();
  } catch (error) {
    expect(plantHash(t.ctx)).toBe(before);
    if (error instanceof DomainError)
      return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the same supplier sends the same notice number again', () => {
  it('updates the delivery while it is announced or on its way: items replaced, times and vehicle updated', () => {
    const [first] = importText(D96A).notices;
    const again = D96A.replace('QTY+12:200:PCE', 'QTY+12:250:PCE')
      .replace('DTM+132:202611271400:203', 'DTM+132:202611271510:203')
      .replace('PZ-KW 481', 'PZ-KW 999')
      .replace("LIN+2++KW-89:SA'\nQTY+12:120:PCE'\n", '')
      .replace("UNT+21+1'", "UNT+19+1'");
    setStatus('ASN-96A-0001', 'in_transit');
    const [second] = importText(again).notices;
    expect(second).toEqual({
      noticeNumber: 'ASN-96A-0001',
      deliveryId: first!.deliveryId,
      action: 'updated',
    });
    const row = sqlite().prepare('SELECT * FROM inbound_delivery WHERE id = ?').get(first!.deliveryId);
    expect(row).toMatchObject({
      eta: berlin(15, 10),
      truck_plate: 'PZ-KW 999',
      slot_start: berlin(15, 0),
      status: 'in_transit',
    });
    expect(
      sqlite()
        .prepare('SELECT line_no, quantity_announced FROM delivery_item WHERE delivery_id = ?')
        .all(first!.deliveryId),
    ).toEqual([{ line_no: 1, quantity_announced: 250 }]);
    const actions = sqlite()
      .prepare(`SELECT payload FROM event_log WHERE kind = 'notice.received' AND entity_id = ? ORDER BY id`)
      .all(first!.deliveryId)
      .map((entry) => JSON.parse((entry as { payload: string }).payload).action);
    expect(actions).toEqual(['created', 'updated']);
  });

  it('keeps a booked door slot and a GPS ETA, which are fresher than any notice', () => {
    const [first] = importText(D96A).notices;
    sqlite()
      .prepare(
        `UPDATE inbound_delivery SET door_id = 'T2', slot_start = ?, slot_end = ?, eta = ?, eta_source = 'gps' WHERE id = ?`,
      )
      .run(berlin(13, 30), berlin(14, 0), berlin(13, 40), first!.deliveryId);
    importText(D96A.replace('DTM+132:202611271400:203', 'DTM+132:202611271600:203'));
    expect(
      sqlite()
        .prepare('SELECT door_id, slot_start, eta, eta_source FROM inbound_delivery WHERE id = ?')
        .get(first!.deliveryId),
    ).toEqual({
      door_id: 'T2',
      slot_start: berlin(13, 30),
      eta: berlin(13, 40),
      eta_source: 'gps',
    });
  });

  it.each([
    ['at_gate', 'at the gate'],
    ['unloading', 'being unloaded'],
    ['departed', 'gone (departed)'],
    ['cancelled', 'cancelled'],
  ])('refuses it once the delivery is %s, naming the notice and its status', (status, words) => {
    const [first] = importText(D96A).notices;
    setStatus('ASN-96A-0001', status);
    const result = refused(() => importText(D96A.replace('QTY+12:200', 'QTY+12:1')));
    expect(result.code).toBe('CONFLICT');
    expect(result.message).toBe(
      `segment 4 (BGM), element 2, component 1: Shipping notice ASN-96A-0001 cannot be changed any more: its delivery ${first!.deliveryId} is ${words} (status ${status}).`,
    );
  });

  it('refuses another supplier using a notice number already taken', () => {
    importText(D96A);
    const other = fixture('d01b-federnfabrik.edi').replace('FL-DN-778899+9', 'ASN-96A-0001+9');
    const result = refused(() => importText(other));
    expect(result.code).toBe('CONFLICT');
    expect(result.message).toContain('already belongs to delivery');
  });
});

describe('a partner restricted to its own shipments (the ingest API)', () => {
  const notice = (
    noticeNumber: string,
    supplierPartyId: string,
    over: Partial<ShippingNotice> = {},
  ): ShippingNotice => ({
    noticeNumber,
    supplier: { partyId: supplierPartyId },
    estimatedArrival: berlin(15, 0),
    items: [
      {
        lineNo: 1,
        supplierPartNumber: supplierPartyId === '123456789' ? 'F-100' : 'KW-88',
        partId: null,
        quantity: 5,
      },
    ],
    ...over,
  });
  const send = (partnerId: string, notices: ShippingNotice[]) =>
    applyShippingNotices(t.ctx, notices, {
      source: 'partner',
      format: 'json',
      actor: `partner ${partnerId}`,
      restrictToPartnerId: partnerId,
    });

  it("hears the same words for someone else's number as for its own that can no longer change", () => {
    // ASN-D-1 is Kabelwerk's truck on its way; ASN-D-3 is Federnfabrik's own, already departed.
    sqlite().prepare(`UPDATE inbound_delivery SET supplier_id = 'S2' WHERE id = 'D-3'`).run();
    const foreign = refused(() => send('S2', [notice('ASN-D-1', '123456789')]));
    const own = refused(() => send('S2', [notice('ASN-D-3', '123456789')]));
    expect(foreign.code).toBe('CONFLICT');
    expect(own.code).toBe('CONFLICT');
    expect(foreign.message).toBe('noticeNumber: Shipping notice ASN-D-1 cannot be changed any more.');
    expect(JSON.stringify(own).replaceAll('ASN-D-3', 'X')).toBe(
      JSON.stringify(foreign).replaceAll('ASN-D-1', 'X'),
    );
  });

  it('updates its own delivery on its way (the carrier of it counts too)', () => {
    const outcome = send('S1', [
      notice('ASN-D-1', '4012345000016', { truckPlate: 'PZ NEW 1', deviceId: 'phone-17' }),
    ]);
    expect(outcome.notices).toEqual([{ noticeNumber: 'ASN-D-1', deliveryId: 'D-1', action: 'updated' }]);
    expect(
      sqlite().prepare(`SELECT truck_plate, device_id FROM inbound_delivery WHERE id = 'D-1'`).get(),
    ).toEqual({
      truck_plate: 'PZ NEW 1',
      device_id: 'phone-17',
    });
    const viaCarrier = send('C1', [notice('ASN-D-1', '4012345000016', { carrier: { partnerId: 'C1' } })]);
    expect(viaCarrier.notices[0]!.action).toBe('updated');
  });

  it('may not announce a shipment that is neither its supply nor its transport', () => {
    const result = refused(() => send('S2', [notice('NEW-1', '4012345000016')]));
    expect(result.code).toBe('INVALID_INPUT');
    expect(result.message).toBe(
      'supplier: a partner may only send notices for its own shipments (as their supplier or carrier)',
    );
  });

  it('names JSON paths for the API: items[0].quantity', () => {
    const result = refused(() =>
      send('S1', [
        notice('NEW-2', '4012345000016', {
          items: [{ lineNo: 1, supplierPartNumber: 'KW-88', partId: null, quantity: 2.5 }],
        }),
      ]),
    );
    expect(result.details).toEqual({
      issues: [{ where: 'items[0].quantity', message: 'quantity 2.5 must be whole units' }],
    });
  });

  it('a dry run checks everything and writes nothing', () => {
    const before = plantHash(t.ctx);
    const outcome = applyShippingNotices(t.ctx, [notice('NEW-3', '4012345000016')], {
      source: 'api',
      format: 'json',
      actor: 'api',
      dryRun: true,
    });
    expect(outcome.notices).toEqual([{ noticeNumber: 'NEW-3', deliveryId: '', action: 'created' }]);
    expect(plantHash(t.ctx)).toBe(before);
    expect(sqlite().prepare('SELECT count(*) AS n FROM notice_message').get()).toEqual({ n: 0 });
  });
});
