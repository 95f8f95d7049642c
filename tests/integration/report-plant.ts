import type { AppContext } from '../../src-main/app/context';
import { fromLocal } from '../../src-main/domain/plantTime';

// A plant for the report tests and the report benchmark: partners with German names (umlauts, ß),
// four doors (one closed at night and on Sundays), the three shifts, and `count` deliveries on one
// plant-local day in every state a day produces — departed on time and late, short, cancelled,
// still at the door, still on the road — plus line stoppages in the event log.

const MINUTE = 60_000;
export const REPORT_TIME_ZONE = 'Europe/Berlin';

export const REPORT_SHIFTS = [
  { id: 'frueh', name: 'Frühschicht', startMinute: 6 * 60, endMinute: 14 * 60 },
  { id: 'spaet', name: 'Spätschicht', startMinute: 14 * 60, endMinute: 22 * 60 },
  { id: 'nacht', name: 'Nachtschicht', startMinute: 22 * 60, endMinute: 6 * 60 },
];

const SUPPLIERS = [
  ['S1', 'Kabelwerk Pilsen'],
  ['S2', 'Großmann Stanztechnik'],
  ['S3', 'Süddeutsche Gummiwerke'],
  ['S4', 'Bäuerle & Söhne Präzisionsteile'],
] as const;
const CARRIERS = [
  ['C1', 'Müller Logistik'],
  ['C2', 'Spedition Huber'],
] as const;

/**
 * The UTC instant `minute` minutes after plant-local midnight of `day` (elapsed time: on a
 * daylight-saving day the wall clock after 02:00 is an hour off, which the DST tests rely on).
 */
export function localMinute(day: string, minute: number): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return fromLocal(year, month, date, 0, 0, REPORT_TIME_ZONE) + minute * MINUTE;
}

export interface ReportPlantOptions {
  day: string;
  count?: number;
  /** Wall-clock minute of the first slot (default 0); slots follow every `spacing` minutes. */
  firstSlotMinute?: number;
}

export async function loadReportPlant(ctx: AppContext, options: ReportPlantOptions) {
  const { day } = options;
  const count = options.count ?? 24;
  const now = ctx.clock.now();
  const dayStart = localMinute(day, 0);
  const { db } = ctx.database;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('site')
      .values({
        id: 'plant',
        name: 'Werk Gaimersheim',
        city: 'Gaimersheim',
        lat: 48.8,
        lon: 11.37,
        geofenceRadiusM: 600,
        timeZone: REPORT_TIME_ZONE,
        isDemo: 0,
        demoSeed: null,
        createdAt: now,
      })
      .execute();
    await trx
      .insertInto('partner')
      .values(
        [
          ...SUPPLIERS.map(([id, name]) => ({ id, name, role: 'supplier' as const })),
          ...CARRIERS.map(([id, name]) => ({ id, name, role: 'carrier' as const })),
        ].map((partner) => ({
          ...partner,
          city: 'Ingolstadt',
          countryCode: 'DE',
          lat: 48.76,
          lon: 11.42,
          contactName: null,
          contactEmail: null,
          contactPhone: null,
          createdAt: now,
        })),
      )
      .execute();
    const always = '[{"days":[1,2,3,4,5,6,7],"open":"00:00","close":"24:00"}]';
    await trx
      .insertInto('dockDoor')
      .values([
        {
          id: 'T1',
          name: 'Tor 1',
          capabilities: '[]',
          openingHours: always,
          unloadMinutes: 30,
          sortOrder: 1,
        },
        {
          id: 'T2',
          name: 'Tor 2',
          capabilities: '[]',
          openingHours: always,
          unloadMinutes: 30,
          sortOrder: 2,
        },
        {
          id: 'T3',
          name: 'Tor 3',
          capabilities: '[]',
          openingHours: '[{"days":[1,2,3,4,5,6],"open":"06:00","close":"22:00"}]',
          unloadMinutes: 30,
          sortOrder: 3,
        },
        {
          id: 'T4',
          name: 'Tor 4',
          capabilities: '[]',
          openingHours: always,
          unloadMinutes: 30,
          sortOrder: 4,
        },
      ])
      .execute();
    await trx.insertInto('shift').values(REPORT_SHIFTS).execute();
    await trx
      .insertInto('part')
      .values([
        {
          id: '4711-001',
          description: 'Kabelbaum Tür links',
          unit: 'ST',
          safetyStock: 0,
          putAwayMinutes: 0,
          supplierId: 'S1',
        },
        {
          id: '5820-017',
          description: 'Türdichtung Fahrerseite',
          unit: 'ST',
          safetyStock: 0,
          putAwayMinutes: 0,
          supplierId: 'S3',
        },
        {
          id: '6120-300',
          description: 'Querträger',
          unit: 'ST',
          safetyStock: 0,
          putAwayMinutes: 0,
          supplierId: 'S2',
        },
      ])
      .execute();
    await trx
      .insertInto('productionLine')
      .values([
        { id: 'L1', name: 'Linie 1', initialProductId: null, sortOrder: 1 },
        { id: 'L2', name: 'Linie 2', initialProductId: null, sortOrder: 2 },
      ])
      .execute();

    const doors = ['T1', 'T2', 'T3', 'T4'];
    const parts = ['4711-001', '5820-017', '6120-300'];
    const spacing = Math.max(1, Math.floor((24 * 60) / Math.ceil(count / doors.length)));
    const deliveries = [];
    const items = [];
    for (let index = 0; index < count; index++) {
      const slotStart =
        dayStart + ((options.firstSlotMinute ?? 0) + Math.floor(index / doors.length) * spacing) * MINUTE;
      const slotEnd = slotStart + 30 * MINUTE;
      const kind = index % 8;
      const supplier = SUPPLIERS[index % SUPPLIERS.length]!;
      // 0–2 on time and departed, 3 late (10–30 min) and departed, 4 short and 45 min late, 5 cancelled,
      // 6 unloading, 7 still on the road.
      const lateBy = kind === 3 ? 45 + (index % 5) * 5 : kind === 4 ? 80 : 0;
      const arrived = kind <= 4 || kind === 6;
      const gateInAt = arrived
        ? slotStart - 10 * MINUTE + lateBy * MINUTE + (kind === 0 ? 0 : 5 * MINUTE)
        : null;
      const departed = kind <= 4;
      deliveries.push({
        id: `D-${String(index + 1).padStart(4, '0')}`,
        noticeNumber: `ASN-${day.replaceAll('-', '')}-${String(index + 1).padStart(4, '0')}`,
        supplierId: supplier[0],
        carrierId: CARRIERS[index % 3 === 0 ? 0 : 1]![0],
        truckPlate: `IN-LS ${100 + index}`,
        deviceId: null,
        originName: 'Ingolstadt',
        originLat: 48.76,
        originLon: 11.42,
        doorId: kind === 5 ? null : doors[index % doors.length]!,
        slotStart,
        slotEnd,
        status:
          kind === 5
            ? ('cancelled' as const)
            : kind === 6
              ? ('unloading' as const)
              : kind === 7
                ? ('in_transit' as const)
                : ('departed' as const),
        eta: kind === 7 ? slotStart + 5 * MINUTE : null,
        etaSource: kind === 7 ? ('gps' as const) : null,
        etaConfidenceMinutes: kind === 7 ? 5 : null,
        departedAt: slotStart - 180 * MINUTE,
        gateInAt,
        doorArrivedAt: gateInAt === null ? null : gateInAt + 5 * MINUTE,
        unloadingStartedAt: gateInAt === null ? null : gateInAt + 8 * MINUTE,
        unloadedAt: departed && gateInAt !== null ? gateInAt + 38 * MINUTE : null,
        gateOutAt: departed && gateInAt !== null ? gateInAt + (45 + (index % 6) * 20) * MINUTE : null,
        cancelledAt: kind === 5 ? slotStart - 600 * MINUTE : null,
        notes:
          kind === 4
            ? 'Straße gesperrt, Umleitung über B13; Maut 12,50 €'
            : kind === 3
              ? 'Fahrer meldet Stau, "A9"; Anruf Disposition'
              : null,
        createdAt: dayStart - 2 * 24 * 60 * MINUTE,
        updatedAt: now,
      });
      const lines = 1 + (index % 3);
      for (let lineNo = 1; lineNo <= lines; lineNo++) {
        const announced = 40 * lineNo + (index % 7) * 10;
        items.push({
          deliveryId: deliveries[index]!.id,
          lineNo,
          partId: parts[(index + lineNo) % parts.length]!,
          supplierPartNumber: null,
          quantityAnnounced: announced,
          quantityReceived: departed ? (kind === 4 && lineNo === 1 ? announced - 15 : announced) : null,
        });
      }
    }
    for (let from = 0; from < deliveries.length; from += 200) {
      await trx
        .insertInto('inboundDelivery')
        .values(deliveries.slice(from, from + 200))
        .execute();
    }
    for (let from = 0; from < items.length; from += 500) {
      await trx
        .insertInto('deliveryItem')
        .values(items.slice(from, from + 500))
        .execute();
    }
    // Line 1 stops twice for 4711-001 (07:10–07:55 and, from the evening before, until 00:40);
    // line 2 stops for 5820-017 at 15:00 for 20 minutes.
    const event = (at: number, kind: string, lineId: string, payload: object) => ({
      at,
      actor: 'simulator',
      kind,
      entityType: 'line',
      entityId: lineId,
      payload: JSON.stringify(payload),
    });
    await trx
      .insertInto('eventLog')
      .values([
        event(dayStart - 50 * MINUTE, 'line.stopped', 'L1', { partId: '4711-001', orderId: 'O-1' }),
        event(localMinute(day, 40), 'line.resumed', 'L1', {
          partId: '4711-001',
          orderId: 'O-1',
          stoppedMinutes: 90,
        }),
        event(localMinute(day, 7 * 60 + 10), 'line.stopped', 'L1', { partId: '4711-001', orderId: 'O-2' }),
        event(localMinute(day, 7 * 60 + 55), 'line.resumed', 'L1', {
          partId: '4711-001',
          orderId: 'O-2',
          stoppedMinutes: 45,
        }),
        event(localMinute(day, 15 * 60), 'line.stopped', 'L2', { partId: '5820-017', orderId: 'O-7' }),
        event(localMinute(day, 15 * 60 + 20), 'line.resumed', 'L2', {
          partId: '5820-017',
          orderId: 'O-7',
          stoppedMinutes: 20,
        }),
      ])
      .execute();
  });
}
