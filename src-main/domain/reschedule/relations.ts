import { InstanceError } from './instanceError';
import type { Instance } from './types';

// The rules between the fields of an instance: ids, references, eligibility and the plan.

const isTime = (value: number) => Number.isFinite(value) && Number.isInteger(value * 64);

function noDuplicates(items: readonly { id: string }[], section: string, what: string): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id))
      throw new InstanceError(`${section}[${index}].id`, `duplicate ${what} id ${item.id}`);
    seen.add(item.id);
  });
  return seen;
}

/**
 * The rules between fields of an instance whose fields each have the right shape (instanceSchema):
 * unique ids, known products/lines/orders, eligibility, and a plan that holds every order once with
 * frozen orders first on their line. Parts may be referenced without being listed: their stock is 0.
 * Throws InstanceError naming the field path.
 */
export function checkRelations(instance: Instance): void {
  if (!(instance.horizon > 0) || !isTime(instance.horizon)) {
    throw new InstanceError('horizon', 'must be a positive multiple of 1/64 minute');
  }
  noDuplicates(instance.parts, 'parts', 'part');
  const products = noDuplicates(instance.products, 'products', 'product');
  const lines = noDuplicates(instance.lines, 'lines', 'line');
  const orders = noDuplicates(instance.orders, 'orders', 'order');
  const lineById = new Map(instance.lines.map((line) => [line.id, line]));

  instance.lines.forEach((line, index) => {
    for (const product of Object.keys(line.minutesPerUnit)) {
      if (!products.has(product)) {
        throw new InstanceError(`lines[${index}].minutesPerUnit.${product}`, `unknown product ${product}`);
      }
    }
    for (const [from, row] of Object.entries(line.setup ?? {})) {
      if (!products.has(from))
        throw new InstanceError(`lines[${index}].setup.${from}`, `unknown product ${from}`);
      for (const to of Object.keys(row)) {
        if (!products.has(to)) {
          throw new InstanceError(`lines[${index}].setup.${from}.${to}`, `unknown product ${to}`);
        }
      }
    }
    const initial = line.initialProduct;
    if (initial !== undefined && initial !== null && !products.has(initial)) {
      throw new InstanceError(`lines[${index}].initialProduct`, `unknown product ${initial}`);
    }
  });

  // Where the plan puts each order, checked before eligibility so the message can name the place.
  const planned = new Map<string, { line: string; position: number }>();
  for (const [lineId, sequence] of Object.entries(instance.plan)) {
    if (!lines.has(lineId)) throw new InstanceError(`plan.${lineId}`, `unknown line ${lineId}`);
    sequence.forEach((orderId, position) => {
      if (!orders.has(orderId)) {
        throw new InstanceError(`plan.${lineId}[${position}]`, `order ${orderId} is not in orders`);
      }
      if (planned.has(orderId)) throw new InstanceError('plan', `order ${orderId} appears twice`);
      planned.set(orderId, { line: lineId, position });
    });
  }

  instance.orders.forEach((order, index) => {
    const at = `orders[${index}]`;
    if (!products.has(order.product))
      throw new InstanceError(`${at}.product`, `unknown product ${order.product}`);
    const place = planned.get(order.id);
    if (!place) throw new InstanceError('plan', `order ${order.id} is on no line`);
    if (order.eligibleLines) {
      const listed = new Set<string>();
      order.eligibleLines.forEach((lineId, position) => {
        if (!lines.has(lineId)) {
          throw new InstanceError(`${at}.eligibleLines[${position}]`, `unknown line ${lineId}`);
        }
        if (listed.has(lineId)) {
          throw new InstanceError(`${at}.eligibleLines[${position}]`, `line ${lineId} is listed twice`);
        }
        listed.add(lineId);
        if (lineById.get(lineId)!.minutesPerUnit[order.product] === undefined) {
          throw new InstanceError(
            `${at}.eligibleLines`,
            `line ${lineId} has no minutesPerUnit for product ${order.product}`,
          );
        }
      });
      if (!listed.has(place.line)) {
        throw new InstanceError(
          `plan.${place.line}[${place.position}]`,
          `order ${order.id} is not eligible for line ${place.line} (eligibleLines: ${order.eligibleLines.join(', ') || 'none'})`,
        );
      }
    }
    if (lineById.get(place.line)!.minutesPerUnit[order.product] === undefined) {
      throw new InstanceError(
        `plan.${place.line}[${place.position}]`,
        `line ${place.line} cannot make product ${order.product} of order ${order.id} (no minutesPerUnit)`,
      );
    }
  });

  const frozen = new Set(instance.orders.filter((order) => order.frozen).map((order) => order.id));
  for (const [lineId, sequence] of Object.entries(instance.plan)) {
    let unfrozenSeen: string | null = null;
    sequence.forEach((orderId, position) => {
      if (!frozen.has(orderId)) unfrozenSeen ??= orderId;
      else if (unfrozenSeen !== null) {
        throw new InstanceError(
          `plan.${lineId}[${position}]`,
          `frozen order ${orderId} comes after unfrozen order ${unfrozenSeen}: frozen orders must be the first orders of their line`,
        );
      }
    });
  }
}
