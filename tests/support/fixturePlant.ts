import type { AppContext } from '../../src-main/app/context';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * A tiny hand-made plant: one site, a supplier and a carrier, two doors, two parts and three
 * deliveries around `now` (one on time in transit, one late, one unloaded).
 */
export async function loadFixturePlant(ctx: AppContext) {
  const now = ctx.clock.now();
  const { db } = ctx.database;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('site')
      .values({
        id: 'plant',
        name: 'Werk Test',
        city: 'Ingolstadt',
        lat: 48.7665,
        lon: 11.4258,
        geofenceRadiusM: 600,
        timeZone: 'Europe/Berlin',
        isDemo: 0,
        demoSeed: null,
        createdAt: now,
      })
      .execute();
    await trx
      .insertInto('partner')
      .values([
        {
          id: 'S1',
          name: 'Kabelwerk Pilsen',
          role: 'supplier',
          city: 'Plzeň',
          countryCode: 'CZ',
          lat: 49.74,
          lon: 13.37,
          contactName: 'Jana Nováková',
          contactEmail: 'jana@kabelwerk.example',
          contactPhone: null,
          createdAt: now,
        },
        {
          id: 'C1',
          name: 'Spedition Huber',
          role: 'carrier',
          city: 'Regensburg',
          countryCode: 'DE',
          lat: 49.01,
          lon: 12.1,
          contactName: null,
          contactEmail: null,
          contactPhone: null,
          createdAt: now,
        },
      ])
      .execute();
    await trx
      .insertInto('dockDoor')
      .values([
        {
          id: 'T1',
          name: 'Tor 1',
          capabilities: '["side_loading"]',
          openingHours: '[]',
          unloadMinutes: 30,
          sortOrder: 1,
        },
        { id: 'T2', name: 'Tor 2', capabilities: '[]', openingHours: '[]', unloadMinutes: 30, sortOrder: 2 },
      ])
      .execute();
    await trx
      .insertInto('part')
      .values([
        {
          id: '4711-001',
          description: 'Kabelbaum Tür links',
          unit: 'ST',
          safetyStock: 50,
          putAwayMinutes: 20,
          supplierId: 'S1',
        },
        {
          id: '4711-002',
          description: 'Kabelbaum Tür rechts',
          unit: 'ST',
          safetyStock: 50,
          putAwayMinutes: 20,
          supplierId: 'S1',
        },
      ])
      .execute();
    await trx
      .insertInto('stock')
      .values([
        { partId: '4711-001', onHand: 120, updatedAt: now },
        { partId: '4711-002', onHand: 10, updatedAt: now },
      ])
      .execute();
    const delivery = (id: string, offsetMinutes: number, extra: Record<string, unknown>) => ({
      id,
      noticeNumber: `ASN-${id}`,
      supplierId: 'S1',
      carrierId: 'C1',
      truckPlate: `PZ ${id}`,
      deviceId: null,
      originName: 'Plzeň',
      originLat: 49.74,
      originLon: 13.37,
      doorId: 'T1',
      slotStart: now + offsetMinutes * MINUTE,
      slotEnd: now + (offsetMinutes + 30) * MINUTE,
      status: 'in_transit' as const,
      eta: now + (offsetMinutes + 10) * MINUTE,
      etaSource: 'gps' as const,
      etaConfidenceMinutes: 5,
      lastPositionAt: now,
      lastLat: 49.2,
      lastLon: 12.5,
      lastSpeedKmh: 78,
      lastHeading: 225,
      departedAt: now - 120 * MINUTE,
      gateInAt: null,
      doorArrivedAt: null,
      unloadingStartedAt: null,
      unloadedAt: null,
      gateOutAt: null,
      cancelledAt: null,
      notes: null,
      createdAt: now - DAY,
      updatedAt: now,
      ...extra,
    });
    await trx
      .insertInto('inboundDelivery')
      .values([
        delivery('D-1', 60, {}),
        delivery('D-2', 30, { eta: now + 90 * MINUTE, doorId: 'T2' }),
        delivery('D-3', -120, {
          status: 'departed',
          eta: null,
          lastLat: null,
          lastLon: null,
          gateInAt: now - 110 * MINUTE,
          doorArrivedAt: now - 100 * MINUTE,
          unloadingStartedAt: now - 95 * MINUTE,
          unloadedAt: now - 70 * MINUTE,
          gateOutAt: now - 60 * MINUTE,
        }),
      ])
      .execute();
    await trx
      .insertInto('deliveryItem')
      .values([
        {
          deliveryId: 'D-1',
          lineNo: 1,
          partId: '4711-001',
          supplierPartNumber: 'KW-88',
          quantityAnnounced: 200,
          quantityReceived: null,
        },
        {
          deliveryId: 'D-2',
          lineNo: 1,
          partId: '4711-002',
          supplierPartNumber: 'KW-89',
          quantityAnnounced: 100,
          quantityReceived: null,
        },
        {
          deliveryId: 'D-3',
          lineNo: 1,
          partId: '4711-002',
          supplierPartNumber: 'KW-89',
          quantityAnnounced: 100,
          quantityReceived: 90,
        },
      ])
      .execute();
  });
}
