import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coveragePlantContext } from '../support/coveragePlant';
import { COOLED_TOR_3, deliveryRow, openDockDoors, updateDelivery } from '../support/dockPlant';
import { callOn, okValue } from '../support/planningCalls';

// Slot booking on the coverage plant (09:00 on Friday 27 November 2026 in Ingolstadt): D-2 is
// late (ETA 10:30 for its 09:30 slot at Tor 2) and its goods end the predicted stoppage of
// Linie 1; D-1 (ETA 10:10, slot 10:00 at Tor 1) feeds nothing. Tor 2 is opened round the clock
// here, Tor 3 is a cooled door with office hours.

const MINUTE = 60_000;
let t: Awaited<ReturnType<typeof coveragePlantContext>>;
const call = callOn(() => t.ctx);
let now: number;

beforeEach(async () => {
  t = await coveragePlantContext();
  now = t.clock.now();
  await openDockDoors(t.ctx, [COOLED_TOR_3]);
});
afterEach(() => t.dispose());

const row = (id: string) => deliveryRow(t.ctx, id);

/** A plain delivery of clips (4711-003, in no bill of material), booked at `doorId` from `start`. */
async function addDelivery(id: string, doorId: string, start: number, eta: number) {
  const { db } = t.ctx.database;
  await db
    .insertInto('inboundDelivery')
    .values({
      ...(await row('D-1')),
      id,
      noticeNumber: `ASN-${id}`,
      doorId,
      slotStart: start,
      slotEnd: start + 30 * MINUTE,
      eta,
    })
    .execute();
  await db
    .insertInto('deliveryItem')
    .values({
      deliveryId: id,
      lineNo: 1,
      partId: '4711-001',
      supplierPartNumber: null,
      quantityAnnounced: 10,
      quantityReceived: null,
    })
    .execute();
}

describe('docks.suggestSlots', () => {
  it('puts a truck a line waits for into the first free fitting slot after its ETA', async () => {
    const answer = okValue(await call('docks.suggestSlots', { deliveryId: 'D-2' }));
    expect(answer).toMatchObject({ deliveryId: 'D-2', eta: now + 90 * MINUTE, critical: true });
    expect(answer.suggestions).toHaveLength(5);
    const [best, second] = answer.suggestions;
    expect(best).toMatchObject({
      doorId: 'T2',
      doorName: 'Tor 2',
      slotStart: now + 90 * MINUTE,
      slotEnd: now + 120 * MINUTE,
      score: 100,
    });
    expect(best!.reasons).toEqual(['eta_fit', 'critical_early', 'plain_door', 'same_door']);
    // Next: the plain door half an hour later, before any special door.
    expect(second).toMatchObject({ doorId: 'T2', slotStart: now + 120 * MINUTE });
    for (const suggestion of answer.suggestions) {
      expect(suggestion.slotStart).toBeGreaterThanOrEqual(now + 90 * MINUTE);
      // Tor 2 is booked for D-6 from 11:30.
      expect(suggestion.doorId === 'T2' && suggestion.slotStart === now + 150 * MINUTE).toBe(false);
    }
  });

  it('keeps a truck no line waits for at its planned time, at fitting, open doors only', async () => {
    const { db } = t.ctx.database;
    // Clips (4711-003) are in no bill of material: however late D-1 comes, no line waits for it.
    await db
      .updateTable('deliveryItem')
      .set({ partId: '4711-003' })
      .where('deliveryId', '=', 'D-1')
      .execute();
    await updateDelivery(t.ctx, 'D-1', {
      slotStart: now + 240 * MINUTE,
      slotEnd: now + 270 * MINUTE,
      requiredCapabilities: '["cooled"]',
    });
    const answer = okValue(await call('docks.suggestSlots', { deliveryId: 'D-1', limit: 20 }));
    expect(answer.critical).toBe(false);
    expect(answer.suggestions[0]).toMatchObject({ doorId: 'T3', slotStart: now + 240 * MINUTE });
    expect(answer.suggestions[0]!.reasons).toContain('planned_time');
    expect(new Set(answer.suggestions.map((s) => s.doorId))).toEqual(new Set(['T3']));
    // Tor 3 closes at 20:00: no suggestion reaches past it that day.
    for (const s of answer.suggestions) {
      if (s.slotStart < now + 15 * 60 * MINUTE) expect(s.slotEnd).toBeLessThanOrEqual(now + 11 * 60 * MINUTE);
    }
    // The same truck critical would come first thing: as soon as it can be there (ETA 10:10 → 10:30).
    await updateDelivery(t.ctx, 'D-1', { requiredCapabilities: '[]' });
    await db
      .updateTable('deliveryItem')
      .set({ partId: '4711-002' })
      .where('deliveryId', '=', 'D-1')
      .execute();
    const critical = okValue(await call('docks.suggestSlots', { deliveryId: 'D-1' }));
    expect(critical.critical).toBe(true);
    expect(critical.suggestions[0]!.slotStart).toBe(now + 90 * MINUTE);
  });

  it('refuses a delivery already at a door, and one that does not exist', async () => {
    const refused = await call('docks.suggestSlots', { deliveryId: 'D-5' });
    expect(!refused.ok && refused.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'status' } });
    const unknown = await call('docks.suggestSlots', { deliveryId: 'D-99' });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
  });
});

describe('docks.rebookProposals', () => {
  it('proposes a new slot for a late truck and a swap with a less critical one that can take its old slot', async () => {
    // D-8 is on time for 10:30 at Tor 2 and could be here by 09:20: it can take D-2's 09:30 slot.
    await addDelivery('D-8', 'T2', now + 90 * MINUTE, now + 20 * MINUTE);
    const proposals = okValue(await call('docks.rebookProposals', {}));
    expect(proposals).toEqual([
      {
        deliveryId: 'D-2',
        noticeNumber: 'ASN-D-2',
        supplierName: 'Kabelwerk Pilsen',
        doorId: 'T2',
        slotStart: now + 30 * MINUTE,
        slotEnd: now + 60 * MINUTE,
        eta: now + 90 * MINUTE,
        lateMinutes: 60,
        critical: true,
        proposal: expect.objectContaining({ slotStart: now + 120 * MINUTE, doorId: 'T2' }),
        swap: {
          withDeliveryId: 'D-8',
          withNoticeNumber: 'ASN-D-8',
          withSupplierName: 'Kabelwerk Pilsen',
          slotStart: now + 90 * MINUTE,
          doorId: 'T2',
          reason: 'feeds_stoppage',
        },
      },
    ]);
    // Applying the swap: D-2 gets 10:30, D-8 09:30.
    okValue(await call('docks.swapSlots', { deliveryId: 'D-2', withDeliveryId: 'D-8' }));
    expect((await row('D-2')).slotStart).toBe(now + 90 * MINUTE);
    expect((await row('D-8')).slotStart).toBe(now + 30 * MINUTE);
    expect(okValue(await call('docks.rebookProposals', {}))).toEqual([]);
  });

  it('proposes a swap for a late truck when no free slot near its ETA is left', async () => {
    const { db } = t.ctx.database;
    // D-1 needs side loading (only Tor 1 has it) and will come at 10:40 for its 10:00 slot; Tor 1 is
    // booked solid from 10:30 to 14:00. E-2 (11:00) could be here by 09:50.
    await updateDelivery(t.ctx, 'D-1', { requiredCapabilities: '["side_loading"]', eta: now + 100 * MINUTE });
    await db
      .updateTable('deliveryItem')
      .set({ partId: '4711-003' })
      .where('deliveryId', '=', 'D-1')
      .execute();
    for (let k = 1; k <= 7; k++) {
      const start = now + (60 + 30 * k) * MINUTE;
      await addDelivery(`E-${k}`, 'T1', start, k === 2 ? now + 50 * MINUTE : start);
    }
    const proposals = okValue(await call('docks.rebookProposals', {}));
    const late = proposals.find((proposal) => proposal.deliveryId === 'D-1')!;
    expect(late).toMatchObject({ critical: false, lateMinutes: 40 });
    expect(late.proposal).toMatchObject({ doorId: 'T1', slotStart: now + 300 * MINUTE });
    expect(late.swap).toMatchObject({
      withDeliveryId: 'E-2',
      slotStart: now + 120 * MINUTE,
      doorId: 'T1',
      reason: 'no_free_slot',
    });
  });

  it('proposes no swap for a late truck nothing waits for while a free slot near its ETA is left', async () => {
    await addDelivery('D-8', 'T2', now + 90 * MINUTE, now + 20 * MINUTE);
    await updateDelivery(t.ctx, 'D-1', { eta: now + 100 * MINUTE });
    const proposals = okValue(await call('docks.rebookProposals', {}));
    const late = proposals.find((proposal) => proposal.deliveryId === 'D-1')!;
    expect(late).toMatchObject({ critical: false, lateMinutes: 40, swap: null });
    expect(late.proposal).toMatchObject({ slotStart: now + 120 * MINUTE });
    expect(proposals[0]!.deliveryId).toBe('D-2');
  });
});
