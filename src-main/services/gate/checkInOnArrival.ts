import type { AppContext } from '../../app/context';
import type { DeliveryStatus } from '../../db/schema';
import { applyGateStep } from './gateTransition';

// The automatic gate check-in: a GPS fix inside the plant's geofence checks the truck in. The
// ingest calls this inside its own transaction and tells the views after its commit. The truck
// stays with the automatic dock handling: nobody at the gate took a step by hand.

const ON_THE_WAY: ReadonlySet<DeliveryStatus> = new Set(['announced', 'in_transit']);

/** Checks the delivery in at the gate at `at`; false (and nothing written) unless it was on its way. */
export function checkInOnArrival(ctx: AppContext, deliveryId: string, at: number): boolean {
  const { sqlite } = ctx.database;
  const row = sqlite.prepare('SELECT status FROM inbound_delivery WHERE id = ?').get(deliveryId) as
    | { status: DeliveryStatus }
    | undefined;
  if (!row || !ON_THE_WAY.has(row.status)) return false;
  applyGateStep(sqlite, {
    deliveryId,
    from: row.status,
    to: 'at_gate',
    at,
    set: { gate_in_at: at, eta: at, eta_confidence_minutes: 0 },
    kind: 'gate.checked_in',
    payload: { by: 'geofence' },
    actor: 'geofence',
    byHand: false,
  });
  return true;
}
