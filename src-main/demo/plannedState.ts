import type { DeliveryItemState, OrderState, PlantModel, TruckState } from './engine/types';
import type { DemoCatalog } from './model';
import type { PlannedDelivery } from './planDeliveries';
import type { PlannedOrder } from './planOrders';
import { setupMinutes } from './planOrders';

// The engine's view of freshly planned data: the plant model from the catalogue, and planned
// deliveries and orders as engine states (all announced, all planned).

export function modelFromCatalog(catalog: DemoCatalog): PlantModel {
  const lineById = new Map(catalog.lines.map((line) => [line.id, line]));
  return {
    seed: catalog.seed,
    timeZone: catalog.site.timeZone,
    plantAt: catalog.site.at,
    geofenceKm: catalog.site.geofenceRadiusM / 1000,
    doors: [...catalog.doors].sort((a, b) => a.sortOrder - b.sortOrder),
    bom: new Map(catalog.products.map((product) => [product.id, product.bom])),
    minutesPerUnit: new Map(
      catalog.lines.map((line) => [line.id, new Map(Object.entries(line.minutesPerUnit))] as const),
    ),
    setupMinutes: (lineId, from, to) => {
      const line = lineById.get(lineId);
      return line ? setupMinutes(line, from, to) : 0;
    },
  };
}

export function plannedTruck(delivery: PlannedDelivery): TruckState {
  return {
    id: delivery.id,
    doorId: delivery.doorId,
    slotStart: delivery.slotStart,
    slotEnd: delivery.slotEnd,
    status: 'announced',
    waypointsJson: JSON.stringify(delivery.route.waypoints),
    geometry: null,
    distanceKm: delivery.route.distanceKm,
    travelledKm: 0,
    disruption: null,
    departedAt: null,
    gateInAt: null,
    doorArrivedAt: null,
    unloadingStartedAt: null,
    unloadedAt: null,
    gateOutAt: null,
    eta: delivery.slotStart,
    etaSource: 'notice',
    etaConfidenceMinutes: 60,
    lastFix: null,
    handledByHand: false,
    dirty: true,
  };
}

export function plannedItems(delivery: PlannedDelivery): DeliveryItemState[] {
  return delivery.items.map((item) => ({
    lineNo: item.lineNo,
    partId: item.partId,
    quantityAnnounced: item.quantity,
    quantityReceived: null,
  }));
}

export function plannedOrderState(order: PlannedOrder): OrderState {
  return {
    id: order.id,
    lineId: order.lineId,
    productId: order.productId,
    quantity: order.quantity,
    sequence: order.sequence,
    status: 'planned',
    producedUnits: 0,
    startedAt: null,
    completedAt: null,
    frozen: 0,
    dirty: true,
  };
}
