import { describe, expect, it } from 'vitest';
import { generateDemoPlant } from '../../src-main/demo/generateDemoPlant';
import { plantDay } from '../../src-main/demo/planDay';
import { greatCircleKm, type LatLon, ROAD_CIRCUITY } from '../../src-main/domain/geo';
import { openThroughout, parseOpeningHours, plantWeekMinute } from '../../src-main/domain/openingHours';

const SEED = 20261127;
// Thursday 26 November 2026, 09:40 in Ingolstadt.
const NOW = Date.UTC(2026, 10, 26, 8, 40);
const TZ = 'Europe/Berlin';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const plant = generateDemoPlant(SEED, NOW);

describe('the demo plant generator', () => {
  it('gives the same plant for the same seed and another plant for another seed', () => {
    expect(generateDemoPlant(SEED, NOW)).toEqual(plant);
    const other = generateDemoPlant(SEED + 1, NOW);
    expect(other.deliveries.map((d) => d.truckPlate)).not.toEqual(plant.deliveries.map((d) => d.truckPlate));
  });

  it('builds a plant of the intended size', () => {
    expect(plant.site).toMatchObject({ isDemo: 1, demoSeed: SEED, timeZone: TZ, city: 'Gaimersheim' });
    expect(plant.site.geofenceRadiusM).toBeGreaterThanOrEqual(400);
    expect(plant.site.geofenceRadiusM).toBeLessThanOrEqual(800);
    expect(plant.doors).toHaveLength(10);
    expect(plant.lines.length).toBeGreaterThanOrEqual(4);
    expect(plant.lines.length).toBeLessThanOrEqual(6);
    expect(plant.products.length).toBeGreaterThanOrEqual(10);
    expect(plant.products.length).toBeLessThanOrEqual(14);
    expect(plant.parts.length).toBeGreaterThanOrEqual(180);
    expect(plant.parts.length).toBeLessThanOrEqual(220);
    const suppliers = plant.partners.filter((p) => p.role === 'supplier');
    expect(suppliers.length).toBeGreaterThanOrEqual(13);
    expect(suppliers.length).toBeLessThanOrEqual(17);
    expect(plant.partners.filter((p) => p.role === 'carrier')).toHaveLength(6);
    expect(plant.shifts.map((s) => [s.startMinute, s.endMinute])).toEqual([
      [360, 840],
      [840, 1320],
      [1320, 360],
    ]);
  });

  it('plans about 150 deliveries on each of three days', () => {
    for (let dayIndex = 0; dayIndex < 3; dayIndex++) {
      const day = plantDay(NOW, dayIndex, TZ);
      const count = plant.deliveries.filter((d) => d.slotStart >= day.start && d.slotStart < day.end).length;
      expect(count).toBeGreaterThanOrEqual(130);
      expect(count).toBeLessThanOrEqual(170);
    }
    expect(plant.deliveries.every((d) => d.slotStart >= plantDay(NOW, 0, TZ).start)).toBe(true);
  });

  it('lets partners live in real European cities, with plausible contacts', () => {
    const countries = new Set(plant.partners.map((p) => p.countryCode));
    for (const country of ['DE', 'CZ', 'PL', 'AT', 'IT', 'HU', 'FR']) expect(countries).toContain(country);
    for (const partner of plant.partners) {
      expect(partner.lat).toBeGreaterThan(44);
      expect(partner.lat).toBeLessThan(53);
      expect(partner.lon).toBeGreaterThan(7);
      expect(partner.lon).toBeLessThan(20);
      expect(partner.contactEmail).toMatch(/^[a-z]+\.[a-z]+@[a-z-]+\.(de|cz|pl|at|it|hu|sk|fr)$/);
      expect(partner.contactPhone).toMatch(/^\+\d{2,3} \d/);
    }
  });

  it('builds bills of material from parts that exist, 2 to 12 parts each', () => {
    const partIds = new Set(plant.parts.map((p) => p.id));
    for (const product of plant.products) {
      const bom = plant.bomItems.filter((item) => item.productId === product.id);
      expect(bom.length).toBeGreaterThanOrEqual(2);
      expect(bom.length).toBeLessThanOrEqual(12);
      for (const item of bom) {
        expect(partIds.has(item.partId)).toBe(true);
        expect(Number.isInteger(item.quantity) && item.quantity > 0).toBe(true);
      }
    }
    for (const part of plant.parts) {
      expect(['ST', 'KG', 'M']).toContain(part.unit);
      expect(plant.supplierParts.filter((sp) => sp.partId === part.id)).toHaveLength(1);
    }
    expect(plant.parts.find((p) => p.description === 'Kabelbaum Tür vorn links')).toBeDefined();
  });

  it('gives lines rates on the 1/64-minute grid, setups and an initial product', () => {
    for (const rate of plant.lineRates) expect(Number.isInteger(rate.minutesPerUnit * 64)).toBe(true);
    for (const line of plant.lines) {
      const products = plant.lineRates.filter((r) => r.lineId === line.id).map((r) => r.productId);
      expect(products).toContain(line.initialProductId);
      const setups = plant.lineSetups.filter((s) => s.lineId === line.id);
      expect(setups).toHaveLength(products.length * (products.length - 1));
    }
  });

  it('books each door slot once, on the 30-minute grid, within opening hours, at a fitting door', () => {
    const doors = new Map(plant.doors.map((door) => [door.id, door]));
    const needs = new Map([
      ['sup-airtec', 'hazardous'],
      ['sup-adesivi-brescia', 'cooled'],
      ['sup-stampaggi-torinesi', 'oversize'],
      ['sup-aluprofil-linz', 'side_loading'],
    ]);
    const taken = new Set<string>();
    for (const delivery of plant.deliveries) {
      const key = `${delivery.doorId}|${delivery.slotStart}`;
      expect(taken.has(key)).toBe(false);
      taken.add(key);
      expect(delivery.slotEnd - delivery.slotStart).toBe(30 * MINUTE);
      expect(plantWeekMinute(delivery.slotStart, TZ).minute % 30).toBe(0);
      const door = doors.get(delivery.doorId!)!;
      expect(
        openThroughout(parseOpeningHours(door.openingHours), delivery.slotStart, delivery.slotEnd, TZ),
      ).toBe(true);
      const need = needs.get(delivery.supplierId);
      if (need) expect(JSON.parse(door.capabilities)).toContain(need);
    }
  });

  it('routes trucks from the supplier to the plant over real border crossings', () => {
    const plantAt: LatLon = [plant.site.lat, plant.site.lon];
    for (const delivery of plant.deliveries) {
      const route = plant.deliveryRoutes.find((r) => r.deliveryId === delivery.id)!;
      const waypoints = JSON.parse(route.waypoints) as LatLon[];
      expect(waypoints[0]).toEqual([delivery.originLat, delivery.originLon]);
      expect(waypoints.at(-1)).toEqual(plantAt);
      let legs = 0;
      for (let i = 1; i < waypoints.length; i++) legs += greatCircleKm(waypoints[i - 1]!, waypoints[i]!);
      expect(route.distanceKm).toBeCloseTo(legs * ROAD_CIRCUITY, 0);
    }
    // Trucks from Plzeň cross at Waidhaus/Rozvadov, from Wrocław at Görlitz/Ludwigsdorf.
    const viaWaidhaus = plant.deliveryRoutes.filter((r) => r.waypoints.includes('[49.6556,12.5286]'));
    const viaLudwigsdorf = plant.deliveryRoutes.filter((r) => r.waypoints.includes('[51.178,14.99]'));
    expect(viaWaidhaus.length).toBeGreaterThan(10);
    expect(viaLudwigsdorf.length).toBeGreaterThan(10);
  });

  it('gives trucks plates of their carrier’s country and shipping notices', () => {
    const patterns: Record<string, RegExp> = {
      'car-donautal': /^IN-[A-Z]{1,2} \d{2,4}$/,
      'car-nordgau': /^WEN-[A-Z]{1,2} \d{2,4}$/,
      'car-bohemia': /^\dP\d \d{4}$/,
      'car-transodra': /^DW (\d{5}|\d{3}[A-Z]{2})$/,
      'car-traunviertel': /^WE-\d{3,5}[A-Z]$/,
      'car-adige': /^[A-Z]{2} \d{3} [A-Z]{2}$/,
    };
    for (const delivery of plant.deliveries) {
      expect(delivery.truckPlate).toMatch(patterns[delivery.carrierId!]!);
      expect(delivery.deviceId).toMatch(/^tk-[0-9a-f]{8}$/);
      expect(delivery.noticeNumber).toMatch(/^[A-Z]{3}-\d{6}-\d{2}$/);
    }
    expect(new Set(plant.deliveries.map((d) => d.noticeNumber)).size).toBe(plant.deliveries.length);
    const items = plant.deliveryItems;
    for (const delivery of plant.deliveries) {
      const own = items.filter((item) => item.deliveryId === delivery.id);
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(6);
      for (const item of own) {
        expect(plant.parts.find((p) => p.id === item.partId)!.supplierId).toBe(delivery.supplierId);
      }
    }
  });

  it('shows the day as it stands: past slots done, trucks on the road, the rest announced', () => {
    const status = (id: string) => plant.deliveries.find((d) => d.id === id)!.status;
    const longPast = plant.deliveries.filter((d) => d.slotEnd < NOW - 6 * HOUR);
    expect(longPast.length).toBeGreaterThan(20);
    expect(longPast.every((d) => status(d.id) === 'departed')).toBe(true);
    const farAhead = plant.deliveries.filter((d) => d.slotStart > NOW + 16 * HOUR);
    expect(farAhead.every((d) => d.status === 'announced' && d.departedAt === null)).toBe(true);
    const onTheRoad = plant.deliveries.filter((d) => d.status === 'in_transit');
    expect(onTheRoad.length).toBeGreaterThanOrEqual(20);
    for (const truck of onTheRoad) {
      expect(truck.lastPositionAt).not.toBeNull();
      expect(truck.lastLat).not.toBeNull();
      expect(truck.departedAt).toBeLessThanOrEqual(NOW);
      expect(truck.eta).toBeGreaterThan(NOW - MINUTE);
      expect(truck.etaSource).toBe('gps');
      expect(plant.positions.some((p) => p.deliveryId === truck.id && p.source === 'simulator')).toBe(true);
    }
    const arrived = plant.deliveries.filter((d) => d.gateInAt !== null);
    expect(arrived.some((d) => d.gateInAt! > d.slotEnd)).toBe(true);
    expect(arrived.filter((d) => d.gateInAt! <= d.slotEnd).length).toBeGreaterThan(arrived.length / 2);
    for (const done of plant.deliveries.filter((d) => d.status === 'departed')) {
      expect(done.gateInAt).toBeLessThanOrEqual(done.doorArrivedAt!);
      expect(done.doorArrivedAt).toBeLessThanOrEqual(done.unloadingStartedAt!);
      expect(done.unloadingStartedAt).toBeLessThan(done.unloadedAt!);
      expect(done.unloadedAt).toBeLessThan(done.gateOutAt!);
    }
  });

  it('plans three days of orders per line: one running and frozen, sequences in order', () => {
    for (const line of plant.lines) {
      const orders = plant.orders.filter((o) => o.lineId === line.id).sort((a, b) => a.sequence - b.sequence);
      expect(orders.length).toBeGreaterThanOrEqual(3 * 4);
      expect(new Set(orders.map((o) => o.sequence)).size).toBe(orders.length);
      const running = orders.filter((o) => o.status === 'running');
      expect(running).toHaveLength(1);
      expect(running[0]!.frozen).toBe(1);
      expect(orders.filter((o) => o.status === 'planned').every((o) => o.frozen === 0)).toBe(true);
      // Done, then the running one, then planned: the line works through its sequence.
      const statuses = orders.map((o) => o.status).join(',');
      expect(statuses).toMatch(/^(done,)*running(,planned)*$/);
    }
    const lastDue = Math.max(...plant.orders.map((o) => o.dueAt));
    expect(lastDue).toBeGreaterThan(plantDay(NOW, 2, TZ).end - 6 * HOUR);
    const eligibleCount = new Map<string, number>();
    for (const row of plant.orderEligibleLines) {
      eligibleCount.set(row.orderId, (eligibleCount.get(row.orderId) ?? 0) + 1);
    }
    for (const order of plant.orders) {
      expect(plant.orderEligibleLines).toContainEqual({ orderId: order.id, lineId: order.lineId });
    }
    expect([...eligibleCount.values()].some((count) => count === 2)).toBe(true);
  });

  it('keeps stock consistent with its movements, receipts short now and then', () => {
    for (const row of plant.stock) {
      expect(row.onHand).toBeGreaterThanOrEqual(0);
      const moved = plant.stockMovements
        .filter((m) => m.partId === row.partId)
        .reduce((sum, m) => sum + m.quantity, 0);
      expect(moved).toBe(row.onHand);
    }
    const received = plant.deliveryItems.filter((item) => item.quantityReceived !== null);
    expect(received.length).toBeGreaterThan(50);
    const short = received.filter((item) => item.quantityReceived! < item.quantityAnnounced);
    expect(short.length).toBeLessThan(received.length * 0.15);
    expect(plant.stockMovements.some((m) => m.kind === 'consumption' && m.quantity < 0)).toBe(true);
    expect(plant.eventLog.filter((entry) => entry.kind === 'demo.loaded')).toHaveLength(1);
  });

  it('records the history that ran before now, so every past delivery has its steps', () => {
    const history = plant.eventLog.filter((entry) => entry.kind === 'delivery.status');
    expect(history.every((entry) => entry.at <= NOW && entry.actor === 'simulator')).toBe(true);
    for (const delivery of plant.deliveries.filter((d) => d.status === 'departed')) {
      const steps = history
        .filter((entry) => entry.entityId === delivery.id)
        .map((entry) => JSON.parse(entry.payload!).to);
      expect(steps).toEqual(['in_transit', 'at_gate', 'at_door', 'unloading', 'unloaded', 'departed']);
    }
  });

  it('copes with a daylight-saving day', () => {
    // Sunday 29 March 2026: the plant-local day has 23 hours.
    const springNow = Date.UTC(2026, 2, 29, 10, 0);
    const spring = generateDemoPlant(SEED, springNow);
    const day = plantDay(springNow, 0, TZ);
    expect(day.end - day.start).toBe(23 * HOUR);
    const keys = spring.deliveries.map((d) => `${d.doorId}|${d.slotStart}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(spring.deliveries.every((d) => plantWeekMinute(d.slotStart, TZ).minute % 30 === 0)).toBe(true);
  });
});
