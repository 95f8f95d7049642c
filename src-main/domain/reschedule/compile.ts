import { eligibleLinesOf, frozenPrefixes } from './schedule';
import type { Instance } from './types';

/**
 * An instance turned into indices and typed arrays once, so that evaluating a schedule allocates
 * nothing. Orders, lines and products are numbered in instance order; parts are the listed ones
 * followed by every other part a BOM or supply names (stock 0). The scratch buffers make
 * `evaluate` non-reentrant per compiled instance: give each worker its own.
 */
export interface CompiledInstance {
  readonly instance: Instance;
  readonly horizon: number;
  readonly orderIds: string[];
  readonly lineIds: string[];
  readonly partIds: string[];
  readonly productIds: string[];
  readonly orderIndex: Map<string, number>;
  readonly lineIndex: Map<string, number>;
  readonly partIndex: Map<string, number>;
  readonly productIndex: Map<string, number>;
  /** Per order, the line indices it may run on, in instance.lines order. */
  readonly eligible: number[][];
  /** Per line, the order indices frozen there (the head of its plan sequence). */
  readonly frozenPrefix: number[][];
  /** Per line, the plan's order indices. */
  readonly planSequences: number[][];
  /** Per order: the plan line and the position on it. */
  readonly planLine: Int32Array;
  readonly planPosition: Int32Array;
  readonly orderProduct: Int32Array;
  readonly orderQuantity: Float64Array;
  readonly orderDue: Float64Array;
  readonly orderFrozen: Uint8Array;
  /** minutesPerUnit[line * products + product]; NaN where the line cannot make the product. */
  readonly minutesPerUnit: Float64Array;
  /** setup[(line * products + from) * products + to]; 0 where missing. */
  readonly setup: Float64Array;
  /** Per line, the product it is set up for at t = 0, or -1. */
  readonly initialProduct: Int32Array;
  /** BOM of product p: bomPart/bomQuantity[bomStart[p] … bomStart[p + 1]), in bom key order. */
  readonly bomStart: Int32Array;
  readonly bomPart: Int32Array;
  readonly bomQuantity: Float64Array;
  /** Parts some BOM uses. */
  readonly usedParts: Uint8Array;
  readonly initialStock: Float64Array;
  /** Supplies sorted by time (stable): time, part, quantity and index into instance.supplies. */
  readonly supplyTime: Float64Array;
  readonly supplyPart: Int32Array;
  readonly supplyQuantity: Float64Array;
  readonly supplyIndex: Int32Array;
  /** Line events are keyed time · keyScale + line (exact integers, see fastEvaluator.ts). */
  readonly keyScale: number;
  /** Buffers `evaluate` reuses. */
  readonly scratch: EvaluationScratch;
}

export interface EvaluationScratch {
  stock: Float64Array;
  completion: Float64Array;
  started: Float64Array;
  /** Per line (padded to a power of two) its next event's key; the loser tree over them. */
  lineKey: Float64Array;
  tree: Int32Array;
  winners: Int32Array;
  linePosition: Int32Array;
  lineProduct: Int32Array;
  /** When each line in the heap acts next. */
  lineTime: Float64Array;
  lineWaitStart: Float64Array;
  lineShortPart: Int32Array;
  /** Per part, the last time a supply of it arrived. */
  suppliedAt: Float64Array;
  /** For the moved count: positions in the plan line, and the patience piles of the LIS. */
  lisValues: Int32Array;
  lisTails: Int32Array;
}

export function compileInstance(instance: Instance): CompiledInstance {
  const orderIds = instance.orders.map((order) => order.id);
  const lineIds = instance.lines.map((line) => line.id);
  const productIds = instance.products.map((product) => product.id);
  const partIds = instance.parts.map((part) => part.id);
  const partIndex = new Map(partIds.map((id, index) => [id, index]));
  const addPart = (id: string) => {
    let index = partIndex.get(id);
    if (index === undefined) {
      index = partIds.length;
      partIds.push(id);
      partIndex.set(id, index);
    }
    return index;
  };
  for (const product of instance.products) for (const part of Object.keys(product.bom)) addPart(part);
  for (const supply of instance.supplies) addPart(supply.part);

  const orderIndex = new Map(orderIds.map((id, index) => [id, index]));
  const lineIndex = new Map(lineIds.map((id, index) => [id, index]));
  const productIndex = new Map(productIds.map((id, index) => [id, index]));
  const nOrders = orderIds.length;
  const nLines = lineIds.length;
  const nProducts = productIds.length;
  const nParts = partIds.length;

  const eligibleIds = eligibleLinesOf(instance);
  const eligible = orderIds.map((id) =>
    (eligibleIds.get(id) ?? []).map((lineId) => lineIndex.get(lineId)!).sort((a, b) => a - b),
  );
  const prefixes = frozenPrefixes(instance);
  const frozenPrefix = lineIds.map((id) =>
    (prefixes.get(id) ?? []).map((orderId) => orderIndex.get(orderId)!),
  );
  const planSequences = lineIds.map((id) =>
    (instance.plan[id] ?? []).map((orderId) => orderIndex.get(orderId)!),
  );
  const planLine = new Int32Array(nOrders).fill(-1);
  const planPosition = new Int32Array(nOrders).fill(-1);
  planSequences.forEach((sequence, line) => {
    sequence.forEach((order, position) => {
      planLine[order] = line;
      planPosition[order] = position;
    });
  });

  const orderProduct = new Int32Array(nOrders);
  const orderQuantity = new Float64Array(nOrders);
  const orderDue = new Float64Array(nOrders);
  const orderFrozen = new Uint8Array(nOrders);
  instance.orders.forEach((order, index) => {
    orderProduct[index] = productIndex.get(order.product)!;
    orderQuantity[index] = order.quantity;
    orderDue[index] = order.due;
    orderFrozen[index] = order.frozen ? 1 : 0;
  });

  const minutesPerUnit = new Float64Array(nLines * nProducts).fill(Number.NaN);
  const setup = new Float64Array(nLines * nProducts * nProducts);
  const initialProduct = new Int32Array(nLines).fill(-1);
  instance.lines.forEach((line, l) => {
    for (const [product, minutes] of Object.entries(line.minutesPerUnit)) {
      minutesPerUnit[l * nProducts + productIndex.get(product)!] = minutes;
    }
    for (const [from, row] of Object.entries(line.setup ?? {})) {
      for (const [to, minutes] of Object.entries(row)) {
        setup[(l * nProducts + productIndex.get(from)!) * nProducts + productIndex.get(to)!] = minutes;
      }
    }
    if (line.initialProduct) initialProduct[l] = productIndex.get(line.initialProduct)!;
  });

  const bomStart = new Int32Array(nProducts + 1);
  const bomEntries: [number, number][] = [];
  const usedParts = new Uint8Array(nParts);
  instance.products.forEach((product, p) => {
    bomStart[p] = bomEntries.length;
    for (const [part, quantity] of Object.entries(product.bom)) {
      const k = partIndex.get(part)!;
      bomEntries.push([k, quantity]);
      usedParts[k] = 1;
    }
  });
  bomStart[nProducts] = bomEntries.length;
  const bomPart = Int32Array.from(bomEntries, ([part]) => part);
  const bomQuantity = Float64Array.from(bomEntries, ([, quantity]) => quantity);

  const initialStock = new Float64Array(nParts);
  for (const part of instance.parts) initialStock[partIndex.get(part.id)!] = part.stock;

  const supplyOrder = instance.supplies.map((_, index) => index);
  supplyOrder.sort((a, b) => instance.supplies[a]!.at - instance.supplies[b]!.at || a - b);
  const supplyTime = Float64Array.from(supplyOrder, (index) => instance.supplies[index]!.at);
  const supplyPart = Int32Array.from(supplyOrder, (index) => partIndex.get(instance.supplies[index]!.part)!);
  const supplyQuantity = Float64Array.from(supplyOrder, (index) => instance.supplies[index]!.quantity);
  const supplyIndex = Int32Array.from(supplyOrder);

  // Every event happens before horizon + the longest unit or setup; its key must stay exact.
  const keyScale = 64 * Math.max(1, nLines);
  let longest = 0;
  for (const value of minutesPerUnit) if (value > longest) longest = value;
  for (const value of setup) if (value > longest) longest = value;
  if ((instance.horizon + longest) * keyScale >= Number.MAX_SAFE_INTEGER) {
    throw new RangeError('instance times are too large to order events exactly');
  }

  let leaves = 1;
  while (leaves < nLines) leaves *= 2;
  const scratch: EvaluationScratch = {
    stock: new Float64Array(nParts),
    completion: new Float64Array(nOrders),
    started: new Float64Array(nOrders),
    lineKey: new Float64Array(leaves),
    tree: new Int32Array(leaves),
    winners: new Int32Array(2 * leaves),
    linePosition: new Int32Array(nLines),
    lineProduct: new Int32Array(nLines),
    lineTime: new Float64Array(nLines),
    lineWaitStart: new Float64Array(nLines),
    lineShortPart: new Int32Array(nLines),
    suppliedAt: new Float64Array(nParts),
    lisValues: new Int32Array(nOrders),
    lisTails: new Int32Array(nOrders + 1),
  };

  return {
    instance,
    horizon: instance.horizon,
    orderIds,
    lineIds,
    partIds,
    productIds,
    orderIndex,
    lineIndex,
    partIndex,
    productIndex,
    eligible,
    frozenPrefix,
    planSequences,
    planLine,
    planPosition,
    orderProduct,
    orderQuantity,
    orderDue,
    orderFrozen,
    minutesPerUnit,
    setup,
    initialProduct,
    bomStart,
    bomPart,
    bomQuantity,
    usedParts,
    initialStock,
    supplyTime,
    supplyPart,
    supplyQuantity,
    supplyIndex,
    keyScale,
    scratch,
  };
}
