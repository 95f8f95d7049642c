import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';
import { findDelivery } from '../../db/repositories/deliveries';
import type { DeliveryStatus } from '../../db/schema';
import { openAt } from '../../domain/openingHours';
import { missingCapabilities } from '../../domain/slots/capability';
import { withPunctuality } from '../deliveryViews';
import {
  type DockDelivery,
  deliveryLabel,
  plantTimeZone,
  requireDelivery,
  requireDoor,
} from '../dock/dockReads';
import { statusRefusal } from '../dock/refusals';
import { applyGateStep } from './gateTransition';

// The gate and dock workflow by hand: check-in at the gate, a door, unloading started and
// finished with the quantities received, check-out. Each step is one synchronous transaction with
// its timestamps and history entries; finishing the unloading books the goods into stock. The
// views (map, timeline, coverage projection) are told after the commit.

const ACTOR = 'control room';
const MINUTE = 60_000;

function requireStatus(delivery: DockDelivery, allowed: readonly DeliveryStatus[], what: string): void {
  if (!allowed.includes(delivery.status)) {
    throw statusRefusal(deliveryLabel(delivery), delivery.id, delivery.status, what);
  }
}

async function deliveryView(ctx: AppContext, deliveryId: string) {
  const delivery = await findDelivery(ctx.database.db, deliveryId);
  if (!delivery) throw new DomainError('NOT_FOUND', `There is no delivery ${deliveryId}.`);
  return withPunctuality(ctx, delivery);
}

export type GateDelivery = Awaited<ReturnType<typeof deliveryView>>;

async function afterCommit(ctx: AppContext, deliveryId: string, partIds: readonly string[] = []) {
  ctx.bus.emit('deliveries.changed', { ids: [deliveryId] });
  if (partIds.length > 0) ctx.bus.emit('stock.changed', { partIds: [...partIds] });
  return deliveryView(ctx, deliveryId);
}

export async function checkIn(ctx: AppContext, deliveryId: string): Promise<GateDelivery> {
  const { sqlite } = ctx.database;
  const now = ctx.clock.now();
  sqlite.transaction(() => {
    const delivery = requireDelivery(sqlite, deliveryId);
    requireStatus(delivery, ['announced', 'in_transit'], 'only a truck still on its way can be checked in.');
    applyGateStep(sqlite, {
      deliveryId,
      from: delivery.status,
      to: 'at_gate',
      at: now,
      set: { gate_in_at: now, eta: now, eta_confidence_minutes: 0 },
      kind: 'gate.checked_in',
      payload: { by: 'hand' },
      actor: ACTOR,
      byHand: true,
    });
  })();
  return afterCommit(ctx, deliveryId);
}

/** The truck at the door now, if any: a door takes one truck at a time. */
function occupantOf(sqlite: BetterSqlite3.Database, doorId: string, except: string) {
  return sqlite
    .prepare(
      `SELECT id, notice_number FROM inbound_delivery
       WHERE door_id = ? AND status IN ('at_door', 'unloading') AND id != ? LIMIT 1`,
    )
    .get(doorId, except) as { id: string; notice_number: string | null } | undefined;
}

export async function assignDoor(ctx: AppContext, deliveryId: string, doorId: string): Promise<GateDelivery> {
  const { sqlite } = ctx.database;
  const now = ctx.clock.now();
  sqlite.transaction(() => {
    const delivery = requireDelivery(sqlite, deliveryId);
    const door = requireDoor(sqlite, doorId);
    const label = deliveryLabel(delivery);
    requireStatus(delivery, ['at_gate'], 'only a truck waiting at the gate can be sent to a door.');
    const missing = missingCapabilities(delivery.requiredCapabilities, door.capabilities);
    const details = { deliveryId, doorId };
    if (missing.length > 0) {
      throw new DomainError('CONFLICT', `${door.name} has no ${missing.join(', ')}, which ${label} needs.`, {
        ...details,
        reason: 'capability',
        capability: missing[0],
        missing,
      });
    }
    if (!openAt(door.openingHours, now, plantTimeZone(sqlite))) {
      throw new DomainError('CONFLICT', `${door.name} is closed now; send ${label} to an open door.`, {
        ...details,
        reason: 'closed',
      });
    }
    const occupant = occupantOf(sqlite, door.id, deliveryId);
    if (occupant) {
      throw new DomainError(
        'CONFLICT',
        `${door.name} is taken by ${occupant.notice_number ?? occupant.id}; send ${label} there once that truck is unloaded.`,
        { ...details, reason: 'overlap', withDeliveryId: occupant.id },
      );
    }
    applyGateStep(sqlite, {
      deliveryId,
      from: 'at_gate',
      to: 'at_door',
      at: now,
      set: { door_id: door.id, door_arrived_at: now },
      kind: 'gate.door_assigned',
      payload: { fromDoorId: delivery.doorId, toDoorId: door.id },
      actor: ACTOR,
      byHand: true,
    });
  })();
  return afterCommit(ctx, deliveryId);
}

export async function startUnloading(ctx: AppContext, deliveryId: string): Promise<GateDelivery> {
  const { sqlite } = ctx.database;
  const now = ctx.clock.now();
  sqlite.transaction(() => {
    const delivery = requireDelivery(sqlite, deliveryId);
    requireStatus(delivery, ['at_door'], 'start unloading only once it is at a door.');
    applyGateStep(sqlite, {
      deliveryId,
      from: 'at_door',
      to: 'unloading',
      at: now,
      set: { unloading_started_at: now },
      kind: 'dock.unloading_started',
      payload: { doorId: delivery.doorId },
      actor: ACTOR,
      byHand: true,
    });
  })();
  return afterCommit(ctx, deliveryId);
}

export interface ReceivedLine {
  lineNo: number;
  quantityReceived: number;
}

interface ItemRow {
  line_no: number;
  part_id: string;
  quantity_announced: number;
}

function matchLines(label: string, deliveryId: string, items: ItemRow[], received: readonly ReceivedLine[]) {
  const given = new Map<number, number>();
  const repeated = new Set<number>();
  for (const line of received) {
    if (given.has(line.lineNo)) repeated.add(line.lineNo);
    given.set(line.lineNo, line.quantityReceived);
  }
  const known = new Set(items.map((item) => item.line_no));
  const missing = items.filter((item) => !given.has(item.line_no)).map((item) => item.line_no);
  const unknown = [...given.keys()].filter((lineNo) => !known.has(lineNo));
  if (missing.length + unknown.length + repeated.size > 0) {
    const problems = [
      missing.length ? `missing line ${missing.join(', ')}` : '',
      unknown.length ? `no line ${unknown.join(', ')} on the notice` : '',
      repeated.size ? `line ${[...repeated].join(', ')} given twice` : '',
    ].filter(Boolean);
    throw new DomainError(
      'INVALID_INPUT',
      `Delivery ${label} has item lines ${[...known].join(', ')}; give each exactly once (${problems.join('; ')}).`,
      { deliveryId, missing, unknown, repeated: [...repeated] },
    );
  }
  return items.map((item) => {
    const quantityReceived = given.get(item.line_no)!;
    return {
      lineNo: item.line_no,
      partId: item.part_id,
      announced: item.quantity_announced,
      received: quantityReceived,
      difference: quantityReceived - item.quantity_announced,
    };
  });
}

export async function finishUnloading(
  ctx: AppContext,
  deliveryId: string,
  received: readonly ReceivedLine[],
  note?: string,
): Promise<GateDelivery> {
  const { sqlite } = ctx.database;
  const now = ctx.clock.now();
  const partIds = sqlite.transaction(() => {
    const delivery = requireDelivery(sqlite, deliveryId);
    const label = deliveryLabel(delivery);
    requireStatus(delivery, ['unloading'], 'finish unloading only once unloading has started.');
    const items = sqlite
      .prepare(
        'SELECT line_no, part_id, quantity_announced FROM delivery_item WHERE delivery_id = ? ORDER BY line_no',
      )
      .all(deliveryId) as ItemRow[];
    const lines = matchLines(label, deliveryId, items, received);
    const setItem = sqlite.prepare(
      'UPDATE delivery_item SET quantity_received = ? WHERE delivery_id = ? AND line_no = ?',
    );
    const addStock = sqlite.prepare(
      `INSERT INTO stock (part_id, on_hand, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (part_id) DO UPDATE SET on_hand = on_hand + excluded.on_hand, updated_at = excluded.updated_at`,
    );
    const movement = sqlite.prepare(
      `INSERT INTO stock_movement (part_id, kind, quantity, at, delivery_id, order_id, note)
       VALUES (?, 'receipt', ?, ?, ?, NULL, ?)`,
    );
    const parts = new Set<string>();
    for (const line of lines) {
      setItem.run(line.received, deliveryId, line.lineNo);
      if (line.received === 0) continue;
      addStock.run(line.partId, line.received, now);
      movement.run(line.partId, line.received, now, deliveryId, note ?? null);
      parts.add(line.partId);
    }
    if (note) {
      sqlite
        .prepare(
          'UPDATE inbound_delivery SET notes = CASE WHEN notes IS NULL THEN ? ELSE notes || char(10) || ? END WHERE id = ?',
        )
        .run(note, note, deliveryId);
    }
    applyGateStep(sqlite, {
      deliveryId,
      from: 'unloading',
      to: 'unloaded',
      at: now,
      set: { unloaded_at: now },
      kind: 'dock.unloaded',
      payload: { items: lines, ...(note ? { note } : {}) },
      actor: ACTOR,
      byHand: true,
    });
    return [...parts].sort();
  })();
  return afterCommit(ctx, deliveryId, partIds);
}

export async function checkOut(ctx: AppContext, deliveryId: string): Promise<GateDelivery> {
  const { sqlite } = ctx.database;
  const now = ctx.clock.now();
  sqlite.transaction(() => {
    const delivery = requireDelivery(sqlite, deliveryId);
    requireStatus(delivery, ['unloaded'], 'check out only once it is unloaded.');
    const dwellMinutes =
      delivery.gateInAt === null ? null : Math.max(0, Math.round((now - delivery.gateInAt) / MINUTE));
    applyGateStep(sqlite, {
      deliveryId,
      from: 'unloaded',
      to: 'departed',
      at: now,
      set: { gate_out_at: now },
      kind: 'gate.checked_out',
      payload: { dwellMinutes },
      actor: ACTOR,
      byHand: true,
    });
  })();
  return afterCommit(ctx, deliveryId);
}
