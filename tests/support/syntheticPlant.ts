import type { Instance } from '../../src-main/domain/reschedule/types';
import type { PlantInstance, PlantSupply } from '../../src-main/services/coverage/instanceFromPlant';
import type { SupplyRow } from '../../src-main/services/coverage/plantReads';

const MINUTE = 60_000;
export const SYNTHETIC_DOOR = 'door-0';

/** The delivery row of supply `index`: one truck per supply, arriving when the goods are available. */
export function syntheticSupplyRow(
  instance: Instance,
  index: number,
  origin: number,
  at?: number,
): SupplyRow {
  const supply = instance.supplies[index]!;
  const eta = origin + (at ?? supply.at) * MINUTE;
  return {
    deliveryId: `D-${index + 1}`,
    noticeNumber: `ASN-${index + 1}`,
    truckPlate: `B-${index + 1}`,
    supplierName: 'Supplier',
    status: 'in_transit',
    doorId: SYNTHETIC_DOOR,
    slotStart: eta,
    eta,
    doorArrivedAt: null,
    unloadingStartedAt: null,
    lineNo: 1,
    partId: supply.part,
    quantity: supply.quantity,
  };
}

/**
 * A generated instance (randomInstance) dressed as a plant, for the projector's in-memory path:
 * every supply is a truck of its own at a door that unloads instantly, parts put away at once.
 */
export function plantFromInstance(instance: Instance, origin: number): PlantInstance {
  const planLine = new Map<string, string>();
  for (const [lineId, sequence] of Object.entries(instance.plan)) {
    for (const orderId of sequence) planLine.set(orderId, lineId);
  }
  const supplies: PlantSupply[] = instance.supplies.map((supply, index) => ({
    ...syntheticSupplyRow(instance, index, origin),
    availableAt: origin + supply.at * MINUTE,
  }));
  const partIds = new Set([
    ...instance.parts.map((part) => part.id),
    ...instance.products.flatMap((product) => Object.keys(product.bom)),
    ...instance.supplies.map((supply) => supply.part),
  ]);
  const stock = new Map(instance.parts.map((part) => [part.id, part.stock]));
  return {
    origin,
    timeZone: 'Europe/Berlin',
    settings: { horizonMinutes: instance.horizon, frozenWindowMinutes: 60 },
    instance,
    lines: instance.lines.map((line) => ({ id: line.id, name: `Line ${line.id}` })),
    orders: new Map(
      instance.orders.map((order) => [
        order.id,
        {
          id: order.id,
          lineId: planLine.get(order.id)!,
          productId: order.product,
          productName: order.product,
          quantity: order.quantity,
          producedUnits: 0,
          status: order.frozen ? ('running' as const) : ('planned' as const),
          dueAt: origin + order.due * MINUTE,
          sequence: 0,
          frozen: order.frozen ?? false,
        },
      ]),
    ),
    parts: new Map(
      [...partIds].map((id) => [
        id,
        { id, description: id, unit: 'ST', safetyStock: 0, putAwayMinutes: 0, onHand: stock.get(id) ?? 0 },
      ]),
    ),
    productNames: new Map(instance.products.map((product) => [product.id, product.id])),
    doors: new Map([
      [
        SYNTHETIC_DOOR,
        { id: SYNTHETIC_DOOR, name: 'Door 0', unloadMinutes: 0, capabilities: '[]', openingHours: '[]' },
      ],
    ]),
    supplies,
    skippedOrders: [],
  };
}
