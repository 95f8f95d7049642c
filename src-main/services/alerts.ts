import { sql } from 'kysely';
import type { AppContext } from '../app/context';
import { punctuality } from '../domain/punctuality';
import { coverageOverview } from './coverage/coverageAccess';
import type { PredictedStoppage } from './coverage/types';

export type AlertKind = 'truck_late' | 'slot_missed' | 'below_safety_stock' | 'stoppage_predicted';

export interface Alert {
  id: string;
  kind: AlertKind;
  severity: 'warning' | 'critical';
  /** When the condition is due or began: the slot end for trucks, now for stock. */
  at: number;
  deliveryId?: string;
  partId?: string;
  /** Values the view puts into its translated sentence. */
  params: Record<string, string | number | null>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A predicted stoppage this close is critical: a shift can hardly react in less. */
const STOPPAGE_CRITICAL_MS = 4 * 60 * 60 * 1000;

/** A predicted stoppage as an alert: which line stops for which part, when, how long, and whose truck ends it. */
export function stoppageAlert(stoppage: PredictedStoppage, now: number): Alert {
  const delivery = stoppage.endingDelivery;
  return {
    id: `stoppage_predicted:${stoppage.id}`,
    kind: 'stoppage_predicted',
    severity: stoppage.start - now <= STOPPAGE_CRITICAL_MS ? 'critical' : 'warning',
    at: stoppage.start,
    partId: stoppage.partId,
    ...(delivery ? { deliveryId: delivery.id } : {}),
    params: {
      line: stoppage.lineName,
      lineId: stoppage.lineId,
      part: stoppage.partId,
      description: stoppage.partDescription,
      startsAt: stoppage.start,
      inMinutes: Math.max(0, Math.round((stoppage.start - now) / 60_000)),
      minutes: Math.round(stoppage.durationMinutes),
      plate: delivery?.truckPlate ?? null,
      notice: delivery?.noticeNumber ?? null,
      supplier: delivery?.supplierName ?? null,
    },
  };
}

/** Derived from the current state on each call: an alert clears itself when its cause does. */
export async function openAlerts(ctx: AppContext): Promise<Alert[]> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const [trucks, lowParts, coverage] = await Promise.all([
    db
      .selectFrom('inboundDelivery as d')
      .innerJoin('partner as s', 's.id', 'd.supplierId')
      .select([
        'd.id',
        'd.truckPlate',
        'd.status',
        'd.slotStart',
        'd.slotEnd',
        'd.eta',
        'd.etaConfidenceMinutes',
        'd.gateInAt',
        's.name as supplierName',
      ])
      .where('d.status', 'in', ['announced', 'in_transit'])
      .where('d.slotStart', '<', now + DAY_MS)
      .where('d.slotEnd', '>', now - DAY_MS)
      .execute(),
    db
      .selectFrom('part as p')
      .leftJoin('stock as s', 's.partId', 'p.id')
      .select(['p.id', 'p.description', 'p.safetyStock', sql<number>`coalesce(s.on_hand, 0)`.as('onHand')])
      .where(sql<boolean>`coalesce(s.on_hand, 0) < p.safety_stock`)
      .execute(),
    coverageOverview(ctx),
  ]);
  const alerts: Alert[] = [];
  for (const truck of trucks) {
    const state = punctuality(truck, now);
    if (state.class !== 'late') continue;
    const missed = now > truck.slotEnd;
    alerts.push({
      id: `${missed ? 'slot_missed' : 'truck_late'}:${truck.id}`,
      kind: missed ? 'slot_missed' : 'truck_late',
      severity: missed ? 'critical' : 'warning',
      at: truck.slotEnd,
      deliveryId: truck.id,
      params: { plate: truck.truckPlate, supplier: truck.supplierName, minutesLate: state.minutesLate },
    });
  }
  for (const part of lowParts) {
    alerts.push({
      id: `below_safety_stock:${part.id}`,
      kind: 'below_safety_stock',
      severity: part.onHand === 0 ? 'critical' : 'warning',
      at: now,
      partId: part.id,
      params: {
        part: part.id,
        description: part.description,
        onHand: part.onHand,
        safetyStock: part.safetyStock,
      },
    });
  }
  for (const stoppage of coverage.stoppages) alerts.push(stoppageAlert(stoppage, now));
  return alerts.sort((a, b) =>
    a.severity === b.severity ? a.at - b.at : a.severity === 'critical' ? -1 : 1,
  );
}
