import type BetterSqlite3 from 'better-sqlite3';
import type { DeliveryStatus } from '../../db/schema';
import { logDeliveryEvent } from '../dock/deliveryLog';

// One step of a truck from the gate to the door and out again: the status changes with its
// timestamp, the delivery's history gets both the step ('gate.checked_in' …) and the status
// change ('delivery.status', as the simulator writes it), and — for a step staff take by hand —
// the delivery is marked as handled by hand, so the demo simulator leaves it to them.

export interface GateStep {
  deliveryId: string;
  from: DeliveryStatus;
  to: DeliveryStatus;
  at: number;
  /** Columns to set besides status and updated_at (snake_case, as the table names them). */
  set: Record<string, string | number | null>;
  kind: string;
  payload: Record<string, unknown>;
  actor: string;
  byHand: boolean;
}

const COLUMN = /^[a-z_]+$/;

export function applyGateStep(sqlite: BetterSqlite3.Database, step: GateStep): void {
  const columns = Object.keys(step.set);
  for (const column of columns) if (!COLUMN.test(column)) throw new Error(`bad column ${column}`);
  const assignments = [
    'status = ?',
    'updated_at = ?',
    ...columns.map((column) => `${column} = ?`),
    ...(step.byHand ? ["dock_handling = 'manual'"] : []),
  ];
  const result = sqlite
    .prepare(`UPDATE inbound_delivery SET ${assignments.join(', ')} WHERE id = ? AND status = ?`)
    .run(step.to, step.at, ...columns.map((column) => step.set[column]!), step.deliveryId, step.from);
  if (result.changes !== 1) throw new Error(`Delivery ${step.deliveryId} changed under the gate step`);
  logDeliveryEvent(sqlite, step.at, step.kind, step.deliveryId, step.payload, step.actor);
  logDeliveryEvent(
    sqlite,
    step.at,
    'delivery.status',
    step.deliveryId,
    { from: step.from, to: step.to },
    step.actor,
  );
}
