import type { Journal, LineState, OrderState, PlantModel, PlantState } from './types';

// A production line working through its sequence, by the rules of RESCHEDULING.md: a setup
// before an order of another product (no material), then one unit at a time; a unit starts only
// when every BOM part is on hand, and starting it takes the material. Without material the line
// waits (a stoppage) and tries again at the next simulated minute, after that minute's receipts.

const MINUTE = 60_000;
/** Used only when an order sits on a line that has no rate for its product (moved by hand). */
const FALLBACK_MINUTES_PER_UNIT = 2;

/** Orders still to run on each line, in sequence order. */
export function openOrdersByLine(orders: readonly OrderState[]): Map<string, OrderState[]> {
  const byLine = new Map<string, OrderState[]>();
  for (const order of orders) {
    if (order.status === 'done') continue;
    const list = byLine.get(order.lineId) ?? [];
    list.push(order);
    byLine.set(order.lineId, list);
  }
  for (const list of byLine.values()) list.sort((a, b) => a.sequence - b.sequence);
  return byLine;
}

function nextOrder(open: readonly OrderState[]): OrderState | undefined {
  return open.find((order) => order.status === 'running') ?? open.find((order) => order.status === 'planned');
}

function completeUnit(line: LineState, at: number, open: readonly OrderState[], journal: Journal): void {
  const order = open.find((candidate) => candidate.id === line.orderId);
  if (order?.status !== 'running') return;
  order.producedUnits++;
  order.dirty = true;
  journal.unitsProduced++;
  journal.changedLines.add(line.id);
  if (order.producedUnits >= order.quantity) {
    order.status = 'done';
    order.completedAt = Math.round(at);
  }
}

function startSetup(line: LineState, at: number, minutes: number, productId: string): void {
  line.productId = productId;
  line.phase = 'setup';
  line.until = at + minutes * MINUTE;
}

export function runLine(
  line: LineState,
  from: number,
  to: number,
  open: readonly OrderState[],
  model: PlantModel,
  state: PlantState,
  journal: Journal,
): void {
  let cursor = from;
  for (let guard = 0; guard < 100_000; guard++) {
    if (line.phase === 'setup' || line.phase === 'unit') {
      if (line.until >= to) return;
      cursor = Math.max(cursor, line.until);
      if (line.phase === 'unit') completeUnit(line, cursor, open, journal);
      line.phase = 'idle';
    }
    const order = nextOrder(open);
    if (!order) {
      line.phase = 'idle';
      line.orderId = null;
      line.waitingPartId = null;
      line.stoppedSince = null;
      return;
    }
    line.orderId = order.id;
    if (order.status === 'planned') {
      order.status = 'running';
      order.startedAt = Math.round(cursor);
      // A running order is frozen: re-sequencing must keep it where it is.
      order.frozen = 1;
      order.dirty = true;
      journal.changedLines.add(line.id);
    }
    const setup = model.setupMinutes(line.id, line.productId, order.productId);
    if (line.productId !== order.productId && setup > 0) {
      startSetup(line, cursor, setup, order.productId);
      continue;
    }
    line.productId = order.productId;
    if (order.producedUnits >= order.quantity) {
      order.status = 'done';
      order.completedAt = Math.round(cursor);
      order.dirty = true;
      continue;
    }
    const bom = model.bom.get(order.productId) ?? [];
    const missing = bom.find(({ partId, quantity }) => (state.stock.get(partId) ?? 0) < quantity);
    if (missing) {
      if (line.phase !== 'waiting') {
        line.phase = 'waiting';
        line.stoppedSince = cursor;
        journal.lineEvents.push({
          lineId: line.id,
          kind: 'line.stopped',
          at: Math.round(cursor),
          partId: missing.partId,
          orderId: order.id,
        });
      }
      line.waitingPartId = missing.partId;
      return;
    }
    if (line.phase === 'waiting') {
      journal.lineEvents.push({
        lineId: line.id,
        kind: 'line.resumed',
        at: Math.round(cursor),
        partId: line.waitingPartId ?? '',
        orderId: order.id,
        stoppedMinutes: Math.round((cursor - (line.stoppedSince ?? cursor)) / MINUTE),
      });
      line.waitingPartId = null;
      line.stoppedSince = null;
    }
    for (const { partId, quantity } of bom) {
      state.stock.set(partId, (state.stock.get(partId) ?? 0) - quantity);
      journal.changedParts.add(partId);
      const key = `${partId}|${order.id}`;
      const booked = journal.consumption.get(key);
      if (booked) {
        booked.quantity += quantity;
        booked.at = Math.round(cursor);
      } else {
        journal.consumption.set(key, { partId, orderId: order.id, quantity, at: Math.round(cursor) });
      }
    }
    line.phase = 'unit';
    line.until =
      cursor +
      (model.minutesPerUnit.get(line.id)?.get(order.productId) ?? FALLBACK_MINUTES_PER_UNIT) * MINUTE;
  }
}
