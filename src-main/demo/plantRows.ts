import type { Selectable } from 'kysely';
import type {
  BomItemTable,
  DeliveryItemTable,
  DeliveryRouteTable,
  DockDoorTable,
  EventLogTable,
  InboundDeliveryTable,
  LineRateTable,
  LineSetupTable,
  LineShiftTable,
  OrderEligibleLineTable,
  PartnerTable,
  PartTable,
  PositionTable,
  ProductionLineTable,
  ProductionOrderTable,
  ProductTable,
  SettingTable,
  ShiftTable,
  SiteTable,
  StockMovementTable,
  StockTable,
  SupplierPartTable,
} from '../db/schema';
import type { DeliveryItemState, OrderState, TruckState } from './engine/types';
import type { DemoCatalog } from './model';
import type { PlannedDelivery } from './planDeliveries';
import type { PlannedOrder } from './planOrders';

// The demo plant as table rows (camelCase, as Kysely names the columns): what generateDemoPlant
// returns and writeDemoPlant inserts.

type Row<T> = Selectable<T>;
type NewRow<T> = Omit<Selectable<T>, 'id'>;

export interface DeliveryRows {
  deliveries: Row<InboundDeliveryTable>[];
  deliveryItems: Row<DeliveryItemTable>[];
  deliveryRoutes: Row<DeliveryRouteTable>[];
}

export interface OrderRows {
  orders: Row<ProductionOrderTable>[];
  orderEligibleLines: Row<OrderEligibleLineTable>[];
}

export interface MasterDataRows {
  site: Row<SiteTable>;
  partners: Row<PartnerTable>[];
  doors: Row<DockDoorTable>[];
  parts: Row<PartTable>[];
  supplierParts: Row<SupplierPartTable>[];
  products: Row<ProductTable>[];
  bomItems: Row<BomItemTable>[];
  lines: Row<ProductionLineTable>[];
  lineRates: Row<LineRateTable>[];
  lineSetups: Row<LineSetupTable>[];
  shifts: Row<ShiftTable>[];
  lineShifts: Row<LineShiftTable>[];
}

export interface DemoPlant extends MasterDataRows, DeliveryRows, OrderRows {
  stock: Row<StockTable>[];
  stockMovements: NewRow<StockMovementTable>[];
  positions: NewRow<PositionTable>[];
  eventLog: NewRow<EventLogTable>[];
  settings: Row<SettingTable>[];
}

/** A 13-digit GLN: a 7-digit company prefix, a 5-digit location number and the GS1 check digit. */
export function demoGln(companyPrefix: string, index: number): string {
  const body = `${companyPrefix}${String(index + 1).padStart(5, '0')}`;
  const sum = [...body].reduce((total, digit, at) => total + Number(digit) * (at % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

export function masterDataRows(catalog: DemoCatalog, createdAt: number): MasterDataRows {
  const { site } = catalog;
  const partner = (
    entity: DemoCatalog['suppliers'][number] | DemoCatalog['carriers'][number],
    role: 'supplier' | 'carrier',
    index: number,
  ): Row<PartnerTable> => ({
    id: entity.id,
    name: entity.name,
    role,
    city: entity.city,
    countryCode: entity.countryCode,
    lat: entity.at[0],
    lon: entity.at[1],
    contactName: entity.contact.name,
    contactEmail: entity.contact.email,
    contactPhone: entity.contact.phone,
    createdAt,
    // The GLN its shipping notices (DESADV NAD+SU / NAD+CA) name it by.
    partyId: demoGln(role === 'supplier' ? '4012345' : '4098765', index),
  });
  return {
    site: {
      id: site.id,
      name: site.name,
      city: site.city,
      lat: site.at[0],
      lon: site.at[1],
      geofenceRadiusM: site.geofenceRadiusM,
      timeZone: site.timeZone,
      isDemo: 1,
      demoSeed: catalog.seed,
      createdAt,
    },
    partners: [
      ...catalog.suppliers.map((supplier, index) => partner(supplier, 'supplier', index)),
      ...catalog.carriers.map((carrier, index) => partner(carrier, 'carrier', index)),
    ],
    doors: catalog.doors.map((door) => ({
      id: door.id,
      name: door.name,
      capabilities: JSON.stringify(door.capabilities),
      openingHours: JSON.stringify(door.openingHours),
      unloadMinutes: door.unloadMinutes,
      sortOrder: door.sortOrder,
    })),
    parts: catalog.parts.map((part) => ({
      id: part.id,
      description: part.description,
      unit: part.unit,
      safetyStock: part.safetyStock,
      putAwayMinutes: part.putAwayMinutes,
      supplierId: part.supplierId,
    })),
    supplierParts: catalog.parts.map((part) => ({
      supplierId: part.supplierId,
      supplierPartNumber: part.supplierPartNumber,
      partId: part.id,
    })),
    products: catalog.products.map((product) => ({ id: product.id, name: product.name })),
    bomItems: catalog.products.flatMap((product) =>
      product.bom.map((item) => ({ productId: product.id, partId: item.partId, quantity: item.quantity })),
    ),
    lines: catalog.lines.map((line) => ({
      id: line.id,
      name: line.name,
      initialProductId: line.initialProductId,
      sortOrder: line.sortOrder,
    })),
    lineRates: catalog.lines.flatMap((line) =>
      Object.entries(line.minutesPerUnit).map(([productId, minutesPerUnit]) => ({
        lineId: line.id,
        productId,
        minutesPerUnit,
      })),
    ),
    lineSetups: catalog.lines.flatMap((line) =>
      Object.entries(line.setupMinutes).flatMap(([fromProductId, targets]) =>
        Object.entries(targets).map(([toProductId, minutes]) => ({
          lineId: line.id,
          fromProductId,
          toProductId,
          minutes,
        })),
      ),
    ),
    shifts: catalog.shifts.map((shift) => ({ ...shift })),
    // The plant runs three shifts on every line, as the reference semantics assume: no line rests.
    lineShifts: catalog.lines.flatMap((line) =>
      catalog.shifts.map((shift) => ({ lineId: line.id, shiftId: shift.id })),
    ),
  };
}

export function deliveryRows(
  planned: readonly PlannedDelivery[],
  truckOf: (id: string) => TruckState,
  itemsOf: (id: string) => readonly DeliveryItemState[],
  createdAt: number,
  updatedAt: number,
): DeliveryRows {
  return {
    deliveries: planned.map((delivery) => {
      const truck = truckOf(delivery.id);
      return {
        id: delivery.id,
        noticeNumber: delivery.noticeNumber,
        supplierId: delivery.supplierId,
        carrierId: delivery.carrierId,
        truckPlate: delivery.truckPlate,
        deviceId: delivery.deviceId,
        originName: delivery.originName,
        originLat: delivery.originAt[0],
        originLon: delivery.originAt[1],
        doorId: delivery.doorId,
        slotStart: delivery.slotStart,
        slotEnd: delivery.slotEnd,
        status: truck.status,
        eta: truck.eta,
        etaSource: truck.etaSource,
        etaConfidenceMinutes: truck.etaConfidenceMinutes,
        lastPositionAt: truck.lastFix?.at ?? null,
        lastLat: truck.lastFix?.lat ?? null,
        lastLon: truck.lastFix?.lon ?? null,
        lastSpeedKmh: truck.lastFix?.speedKmh ?? null,
        lastHeading: truck.lastFix?.heading ?? null,
        departedAt: truck.departedAt,
        gateInAt: truck.gateInAt,
        doorArrivedAt: truck.doorArrivedAt,
        unloadingStartedAt: truck.unloadingStartedAt,
        unloadedAt: truck.unloadedAt,
        gateOutAt: truck.gateOutAt,
        cancelledAt: null,
        notes: null,
        createdAt,
        updatedAt,
        requiredCapabilities: JSON.stringify(delivery.requires),
        dockHandling: 'auto' as const,
      };
    }),
    deliveryItems: planned.flatMap((delivery) =>
      itemsOf(delivery.id).map((item) => ({
        deliveryId: delivery.id,
        lineNo: item.lineNo,
        partId: item.partId,
        supplierPartNumber:
          delivery.items.find((planned) => planned.lineNo === item.lineNo)?.supplierPartNumber ?? null,
        quantityAnnounced: item.quantityAnnounced,
        quantityReceived: item.quantityReceived,
      })),
    ),
    deliveryRoutes: planned.map((delivery) => {
      const truck = truckOf(delivery.id);
      return {
        deliveryId: delivery.id,
        waypoints: truck.waypointsJson,
        distanceKm: truck.distanceKm,
        travelledKm: truck.travelledKm,
        disruption: truck.disruption ? JSON.stringify(truck.disruption) : null,
      };
    }),
  };
}

export function orderRows(
  planned: readonly PlannedOrder[],
  stateOf: (id: string) => OrderState,
  createdAt: number,
): OrderRows {
  return {
    orders: planned.map((order) => {
      const state = stateOf(order.id);
      return {
        id: order.id,
        productId: order.productId,
        quantity: order.quantity,
        lineId: order.lineId,
        sequence: order.sequence,
        dueAt: order.dueAt,
        status: state.status,
        frozen: state.frozen,
        producedUnits: state.producedUnits,
        startedAt: state.startedAt,
        completedAt: state.completedAt,
        createdAt,
      };
    }),
    orderEligibleLines: planned.flatMap((order) =>
      order.eligibleLineIds.map((lineId) => ({ orderId: order.id, lineId })),
    ),
  };
}
