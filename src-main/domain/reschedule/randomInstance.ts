import { randomStream } from '../seededRandom';
import type { Instance, InstanceLine, InstanceOrder, InstanceProduct, InstanceSupply } from './types';

export interface RandomInstanceSize {
  lines: number;
  orders: number;
  parts: number;
  /** Most parts in one BOM (default min(4, parts)). */
  partsPerProduct?: number;
  /** Default about 1.5·√orders, at least 1. */
  products?: number;
  /** Default a random multiple of 15 minutes between 1 and 12 hours. */
  horizon?: number;
  /** Share of orders eligible on more than one line (default drawn from 0.2/0.5/0.8). */
  eligibleShare?: number;
  /** Chance each next order at the head of a plan line is frozen (default drawn from 0/0.1/0.3). */
  frozenShare?: number;
  /** About the share of products that need a part whose stock falls short of the plan's demand; short
   * parts mostly get supplies during (or after) the horizon. Default random in 0.05–0.7. */
  tightness?: number;
  /** Whole-minute times from small sets only (short units and setups), so that unit starts,
   * setup ends and supplies coincide as often as possible: for tests of the tie rules. */
  coarse?: boolean;
}

/** A time drawn on a coarse grid most of the time (so events often coincide), else on the 1/64 grid. */
function drawTime(random: ReturnType<typeof randomStream>, max: number, coarse = false): number {
  const grid = coarse ? 1 : random.pick([1, 1, 4, 64]);
  return random.int(0, Math.floor(max * grid)) / grid;
}

/**
 * A valid instance drawn deterministically from the seed: products made on 1–3 lines, BOMs sharing
 * parts (a few also name a part that is not listed, so stock 0), setups with missing entries,
 * orders eligible on 1–3 lines, frozen plan heads, and stock from ample to short with supplies
 * arriving during (and after) the horizon. Times are multiples of 1/64 minute, often coarse so that
 * lines compete at equal times.
 */
export function randomInstance(seed: number, size: RandomInstanceSize): Instance {
  const random = randomStream('reschedule-instance', seed);
  const lineCount = Math.max(1, Math.floor(size.lines));
  const orderCount = Math.max(0, Math.floor(size.orders));
  const partCount = Math.max(0, Math.floor(size.parts));
  const productCount = Math.max(1, Math.floor(size.products ?? Math.round(1.5 * Math.sqrt(orderCount))));
  const partsPerProduct = Math.min(partCount, Math.max(1, Math.floor(size.partsPerProduct ?? 4)));
  const horizon = size.horizon ?? random.int(4, 48) * 15;
  const eligibleShare = size.eligibleShare ?? random.pick([0.2, 0.5, 0.8]);
  const frozenShare = size.frozenShare ?? random.pick([0, 0.1, 0.3]);
  const tightness = size.tightness ?? random.between(0.05, 0.7);
  const coarse = size.coarse ?? false;

  const partIds = Array.from({ length: partCount }, (_, i) => `P${i + 1}`);
  const products: InstanceProduct[] = Array.from({ length: productCount }, (_, p) => {
    const bom: Record<string, number> = {};
    const wanted = partCount === 0 ? 0 : random.int(1, partsPerProduct);
    while (Object.keys(bom).length < wanted) {
      // Skewed towards the first parts, so that products (and lines) share them.
      const part = partIds[Math.floor(random.next() ** 1.6 * partCount)]!;
      bom[part] ??= random.int(1, 3);
    }
    if (random.chance(0.04)) bom[`X${p + 1}`] = 1; // not in parts: stock 0 unless supplied
    return { id: `A${p + 1}`, bom };
  });

  // Which lines make which product: every product on 1–3 lines, every line making something.
  const makers: number[][] = products.map((_, p) => {
    const lines = new Set<number>([p % lineCount]);
    const extra = random.int(0, Math.min(2, lineCount - 1));
    while (lines.size < 1 + extra) lines.add(random.int(0, lineCount - 1));
    return [...lines].sort((a, b) => a - b);
  });
  const lines: InstanceLine[] = Array.from({ length: lineCount }, (_, l) => {
    const made = products.filter((_, p) => makers[p]!.includes(l)).map((product) => product.id);
    const minutesPerUnit: Record<string, number> = {};
    for (const product of made) {
      minutesPerUnit[product] = coarse
        ? random.pick([1, 1, 2, 3])
        : random.chance(0.7)
          ? random.pick([0.5, 0.75, 1, 1, 1.25, 1.5, 2])
          : random.int(8, 192) / 64;
    }
    const setup: Record<string, Record<string, number>> = {};
    for (const from of made) {
      for (const to of made) {
        if (from === to || !random.chance(0.6)) continue;
        setup[from] ??= {};
        setup[from][to] = coarse
          ? random.pick([0, 1, 2, 5])
          : random.chance(0.8)
            ? random.pick([0, 5, 10, 15, 20, 30])
            : random.int(0, 40 * 64) / 64;
      }
    }
    const line: InstanceLine = { id: `L${l + 1}`, minutesPerUnit };
    if (Object.keys(setup).length > 0) line.setup = setup;
    if (made.length > 0 && random.chance(0.75)) line.initialProduct = random.pick(made);
    else if (random.chance(0.3)) line.initialProduct = null;
    return line;
  });

  // Orders: a product, 1–3 eligible lines, a plan line among them.
  const planLine: number[] = [];
  const drafts = Array.from({ length: orderCount }, (_, o) => {
    const p = random.int(0, productCount - 1);
    const candidates = random.shuffle(makers[p]!);
    const count = random.chance(eligibleShare) ? random.int(1, Math.min(3, candidates.length)) : 1;
    const eligible = candidates.slice(0, count);
    const line = random.pick(eligible);
    planLine.push(line);
    return { id: `O${o + 1}`, p, eligible, line };
  });
  const perLine = new Array<number>(lineCount).fill(0);
  for (const line of planLine) perLine[line]! += 1;
  const load = random.between(0.5, 1.1);
  const orders: InstanceOrder[] = drafts.map((draft) => {
    const product = products[draft.p]!.id;
    const minutes = lines[draft.line]!.minutesPerUnit[product]!;
    const typical = (load * horizon) / (perLine[draft.line]! * minutes);
    const order: InstanceOrder = {
      id: draft.id,
      product,
      quantity: Math.max(1, Math.round(typical * random.between(0.3, 1.7))),
      due: drawTime(random, horizon * 1.25, coarse),
    };
    if (draft.eligible.length > 1 || random.chance(0.5)) {
      order.eligibleLines = draft.eligible.map((line) => lines[line]!.id);
    }
    return order;
  });

  const plan: Record<string, string[]> = {};
  for (const line of lines) plan[line.id] = [];
  for (const index of random.shuffle(orders.map((_, o) => o)))
    plan[lines[planLine[index]!]!.id]!.push(orders[index]!.id);
  for (const sequence of Object.values(plan)) {
    for (const id of sequence) {
      if (!random.chance(frozenShare)) break;
      orders[Number(id.slice(1)) - 1]!.frozen = true;
    }
  }

  // Stock and supplies against the plan's demand.
  const demand = new Map<string, number>();
  for (const order of orders) {
    const bom = products.find((product) => product.id === order.product)!.bom;
    for (const [part, quantity] of Object.entries(bom)) {
      demand.set(part, (demand.get(part) ?? 0) + quantity * order.quantity);
    }
  }
  // A part is short with a chance set so that about `tightness` of the products need a short part.
  const bomSize = (1 + partsPerProduct) / 2;
  const shortChance = 1 - (1 - Math.min(0.95, tightness)) ** (1 / bomSize);
  const supplies: InstanceSupply[] = [];
  const supply = (part: string, total: number) => {
    for (let n = random.int(1, 3); n > 0; n--) {
      supplies.push({
        part,
        quantity: Math.max(1, Math.ceil(total * random.between(0.2, 0.6))),
        at: drawTime(random, horizon * 1.1, coarse),
      });
    }
  };
  const parts = partIds.map((id) => {
    const need = demand.get(id) ?? random.int(0, 50);
    const short = random.chance(shortChance);
    if (short ? random.chance(0.85) : random.chance(0.15)) supply(id, need);
    return { id, stock: Math.floor(need * (short ? random.between(0, 0.6) : random.between(1, 1.5))) };
  });
  for (const part of demand.keys())
    if (part.startsWith('X') && random.chance(0.7)) supply(part, demand.get(part)!);
  return { horizon, parts, products, lines, orders, plan, supplies: random.shuffle(supplies) };
}
