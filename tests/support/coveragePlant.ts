import type { AppContext } from '../../src-main/app/context';
import { ALWAYS_OPEN } from '../../src-main/domain/openingHours';
import { loadFixturePlant } from './fixturePlant';
import { testContext } from './testContext';

const MINUTE = 60_000;

/**
 * The small fixture plant (fixturePlant.ts) with production: two door-module products, two lines
 * and a plan that runs short of 4711-002 — and a better sequence that does not.
 *
 * Linie 1 (L1) runs O-1 (TM-L, 70 left, running), then O-2 (TM-R, 40), then O-3 (TM-L, 100); a
 * change of product takes 15 min. O-2 starts at +70 (setup), makes its 10 units on stock from
 * +85 and waits from +95 for truck D-2 (ETA +90, Tor 2 unloads in 30 min, put-away 20 min: +140):
 * a 45-minute stoppage. Running O-3 first, D-1's 4711-001 (+120) and D-2 both come in time.
 * Linie 2 (L2) may make TM-L at half the speed and has nothing planned.
 *
 * Besides, for the dock: D-5 unloads at Tor 2 (started −10 min), D-6 waits in the yard for its
 * slot at +150 with 50 × 4711-002 (booked at Tor 2), D-4 was cancelled.
 */
export async function loadCoveragePlant(ctx: AppContext) {
  await loadFixturePlant(ctx);
  const now = ctx.clock.now();
  const { db } = ctx.database;
  await db.transaction().execute(async (trx) => {
    // Tor 1 works round the clock (the small fixture leaves opening hours empty: closed).
    await trx
      .updateTable('dockDoor')
      .set({ openingHours: JSON.stringify(ALWAYS_OPEN) })
      .where('id', '=', 'T1')
      .execute();
    await trx
      .insertInto('part')
      .values({
        id: '4711-003',
        description: 'Clip Türverkleidung',
        unit: 'ST',
        safetyStock: 0,
        putAwayMinutes: 10,
        supplierId: 'S1',
      })
      .execute();
    await trx.insertInto('stock').values({ partId: '4711-003', onHand: 500, updatedAt: now }).execute();
    await trx
      .insertInto('product')
      .values([
        { id: 'TM-L', name: 'Türmodul links' },
        { id: 'TM-R', name: 'Türmodul rechts' },
      ])
      .execute();
    await trx
      .insertInto('bomItem')
      .values([
        { productId: 'TM-L', partId: '4711-001', quantity: 1 },
        { productId: 'TM-R', partId: '4711-002', quantity: 1 },
      ])
      .execute();
    await trx
      .insertInto('productionLine')
      .values([
        { id: 'L1', name: 'Linie 1', initialProductId: 'TM-R', sortOrder: 1 },
        { id: 'L2', name: 'Linie 2', initialProductId: null, sortOrder: 2 },
      ])
      .execute();
    await trx
      .insertInto('lineRate')
      .values([
        { lineId: 'L1', productId: 'TM-L', minutesPerUnit: 1 },
        { lineId: 'L1', productId: 'TM-R', minutesPerUnit: 1 },
        { lineId: 'L2', productId: 'TM-L', minutesPerUnit: 2 },
      ])
      .execute();
    await trx
      .insertInto('lineSetup')
      .values([
        { lineId: 'L1', fromProductId: 'TM-L', toProductId: 'TM-R', minutes: 15 },
        { lineId: 'L1', fromProductId: 'TM-R', toProductId: 'TM-L', minutes: 15 },
      ])
      .execute();
    const order = (id: string, extra: Record<string, unknown>) => ({
      id,
      productId: 'TM-L',
      quantity: 100,
      lineId: 'L1',
      sequence: 1,
      dueAt: now + 600 * MINUTE,
      status: 'planned' as const,
      frozen: 0,
      producedUnits: 0,
      startedAt: null,
      completedAt: null,
      createdAt: now - 1440 * MINUTE,
      ...extra,
    });
    await trx
      .insertInto('productionOrder')
      .values([
        order('O-0', {
          lineId: 'L2',
          quantity: 20,
          status: 'done',
          producedUnits: 20,
          startedAt: now - 200 * MINUTE,
          completedAt: now - 160 * MINUTE,
        }),
        order('O-1', {
          sequence: 1,
          status: 'running',
          frozen: 1,
          producedUnits: 30,
          dueAt: now + 120 * MINUTE,
          startedAt: now - 30 * MINUTE,
        }),
        order('O-2', { sequence: 2, productId: 'TM-R', quantity: 40 }),
        order('O-3', { sequence: 3 }),
      ])
      .execute();
    await trx
      .insertInto('orderEligibleLine')
      .values([
        { orderId: 'O-1', lineId: 'L1' },
        { orderId: 'O-2', lineId: 'L1' },
        { orderId: 'O-3', lineId: 'L1' },
        { orderId: 'O-3', lineId: 'L2' },
      ])
      .execute();
    const delivery = (id: string, extra: Record<string, unknown>) => ({
      id,
      noticeNumber: `ASN-${id}`,
      supplierId: 'S1',
      carrierId: 'C1',
      truckPlate: `PZ ${id}`,
      deviceId: null,
      originName: 'Plzeň',
      originLat: 49.74,
      originLon: 13.37,
      doorId: 'T2',
      slotStart: now,
      slotEnd: now + 30 * MINUTE,
      status: 'at_gate' as const,
      eta: null,
      etaSource: null,
      etaConfidenceMinutes: null,
      lastPositionAt: null,
      lastLat: null,
      lastLon: null,
      lastSpeedKmh: null,
      lastHeading: null,
      departedAt: now - 240 * MINUTE,
      gateInAt: now - 5 * MINUTE,
      doorArrivedAt: null,
      unloadingStartedAt: null,
      unloadedAt: null,
      gateOutAt: null,
      cancelledAt: null,
      notes: null,
      createdAt: now - 1440 * MINUTE,
      updatedAt: now,
      ...extra,
    });
    await trx
      .insertInto('inboundDelivery')
      .values([
        delivery('D-4', {
          status: 'cancelled',
          gateInAt: null,
          slotStart: now + 30 * MINUTE,
          slotEnd: now + 60 * MINUTE,
          cancelledAt: now - 60 * MINUTE,
        }),
        delivery('D-5', {
          status: 'unloading',
          slotStart: now - 30 * MINUTE,
          gateInAt: now - 25 * MINUTE,
          doorArrivedAt: now - 15 * MINUTE,
          unloadingStartedAt: now - 10 * MINUTE,
        }),
        delivery('D-6', { slotStart: now + 150 * MINUTE, slotEnd: now + 180 * MINUTE }),
      ])
      .execute();
    const item = (deliveryId: string, partId: string, quantityAnnounced: number) => ({
      deliveryId,
      lineNo: 1,
      partId,
      supplierPartNumber: null,
      quantityAnnounced,
      quantityReceived: null,
    });
    await trx
      .insertInto('deliveryItem')
      .values([item('D-4', '4711-002', 100), item('D-5', '4711-003', 300), item('D-6', '4711-002', 50)])
      .execute();
  });
}

/** A test context (testContext.ts) with the coverage plant loaded, its clock at 09:00 local. */
export async function coveragePlantContext() {
  const t = await testContext();
  await loadCoveragePlant(t.ctx);
  return t;
}
