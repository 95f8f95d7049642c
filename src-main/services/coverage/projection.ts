import type { Evaluation, EvaluationTrace } from '../../domain/reschedule/index';
import type { PlantInstance, PlantSupply } from './instanceFromPlant';
import { epochOf, plannedArrival } from './supplyAvailability';
import type {
  CoverageWindow,
  EndingDelivery,
  LineSchedule,
  PartCoverage,
  PredictedStoppage,
  ScheduledOrder,
} from './types';

// Turns an evaluation (in instance minutes and ids) into what the views show (epoch ms, names,
// trucks). Pure: the same plant and evaluation give the same projection.

type Trace = EvaluationTrace;

function endingDelivery(supply: PlantSupply | undefined): EndingDelivery | null {
  if (!supply) return null;
  return {
    id: supply.deliveryId,
    noticeNumber: supply.noticeNumber,
    truckPlate: supply.truckPlate,
    supplierName: supply.supplierName,
    eta: plannedArrival(supply),
  };
}

/** The supply that ends a stoppage: the one the line resumed with, or the first after the horizon. */
function endingSupply(plant: PlantInstance, stoppage: Trace['stoppages'][number]): PlantSupply | undefined {
  if (stoppage.resumedBySupply !== null) return plant.supplies[stoppage.resumedBySupply];
  let best: number | null = null;
  plant.instance.supplies.forEach((supply, index) => {
    if (supply.part !== stoppage.part || supply.at < plant.instance.horizon) return;
    if (best === null || supply.at < plant.instance.supplies[best]!.at) best = index;
  });
  return best === null ? undefined : plant.supplies[best];
}

export function predictedStoppages(
  plant: PlantInstance,
  trace: Trace,
  schedule: Readonly<Record<string, readonly string[]>>,
): PredictedStoppage[] {
  const lineName = new Map(plant.lines.map((line) => [line.id, line.name]));
  const tardiness = new Map(trace.orders.map((order) => [order.id, order.tardiness]));
  const seen = new Map<string, number>();
  return trace.stoppages.map((stoppage) => {
    const base = `${stoppage.line}:${stoppage.order}:${stoppage.part}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    const sequence = schedule[stoppage.line] ?? [];
    const position = sequence.indexOf(stoppage.order);
    const laterLate = sequence.slice(position + 1).filter((orderId) => (tardiness.get(orderId) ?? 0) > 1e-6);
    const start = epochOf(stoppage.start, plant.origin);
    const end = epochOf(stoppage.end, plant.origin);
    return {
      id: count === 0 ? base : `${base}:${count + 1}`,
      lineId: stoppage.line,
      lineName: lineName.get(stoppage.line) ?? stoppage.line,
      partId: stoppage.part,
      partDescription: plant.parts.get(stoppage.part)?.description ?? stoppage.part,
      orderId: stoppage.order,
      start,
      end,
      durationMinutes: stoppage.end - stoppage.start,
      endingDelivery: endingDelivery(endingSupply(plant, stoppage)),
      ordersAffected: [stoppage.order, ...laterLate],
    };
  });
}

function lineSchedules(plant: PlantInstance, trace: Trace): LineSchedule[] {
  const horizonEnd = epochOf(plant.instance.horizon, plant.origin);
  const traced = new Map(trace.orders.map((order) => [order.id, order]));
  const quantity = new Map(plant.instance.orders.map((order) => [order.id, order.quantity]));
  const waitStart = new Map<string, number>();
  for (const stoppage of trace.stoppages) {
    if (!waitStart.has(stoppage.order)) waitStart.set(stoppage.order, stoppage.start);
  }
  return plant.lines.map((line) => ({
    id: line.id,
    name: line.name,
    orders: (plant.instance.plan[line.id] ?? []).map((orderId): ScheduledOrder => {
      const order = plant.orders.get(orderId)!;
      const run = traced.get(orderId);
      const starts = [run?.setupStart, run?.firstUnitStart, waitStart.get(orderId)].filter(
        (t): t is number => t !== null && t !== undefined,
      );
      const beyondHorizon = (run?.startedUnits ?? 0) < (quantity.get(orderId) ?? 0);
      const at = (minutes: number | null | undefined) =>
        minutes === null || minutes === undefined ? horizonEnd : epochOf(minutes, plant.origin);
      return {
        id: order.id,
        productId: order.productId,
        productName: order.productName,
        quantity: order.quantity,
        producedUnits: order.producedUnits,
        status: order.status,
        frozen: order.frozen,
        dueAt: order.dueAt,
        setupStart: starts.length > 0 ? at(Math.min(...starts)) : horizonEnd,
        start: at(run?.firstUnitStart),
        end: beyondHorizon ? horizonEnd : at(run?.lastUnitEnd),
        beyondHorizon,
        completion: at(run?.completion),
        tardinessMinutes: run?.tardiness ?? 0,
      };
    }),
  }));
}

/**
 * When the part first runs out for the plan: the first predicted stoppage for it, or the first
 * moment its stock curve is down to zero after the lines took from it (the trace's partEmpty) —
 * whichever comes first.
 */
function coverageEnd(emptyAt: number | null, firstStoppage: number | undefined): number | null {
  if (firstStoppage === undefined) return emptyAt;
  return emptyAt === null ? firstStoppage : Math.min(emptyAt, firstStoppage);
}

function partCoverage(plant: PlantInstance, trace: Trace): PartCoverage[] {
  const firstStoppage = new Map<string, number>();
  for (const stoppage of trace.stoppages) {
    const known = firstStoppage.get(stoppage.part);
    if (known === undefined || stoppage.start < known) firstStoppage.set(stoppage.part, stoppage.start);
  }
  const parts: PartCoverage[] = [];
  for (const { part: partId, emptyAt } of trace.partEmpty) {
    const part = plant.parts.get(partId);
    if (!part) continue;
    const until = coverageEnd(emptyAt, firstStoppage.get(partId));
    parts.push({
      id: part.id,
      description: part.description,
      unit: part.unit,
      onHand: part.onHand,
      safetyStock: part.safetyStock,
      coverageUntil: until === null ? null : epochOf(until, plant.origin),
      critical: firstStoppage.has(part.id),
    });
  }
  return parts.sort(
    (a, b) =>
      Number(b.critical) - Number(a.critical) ||
      (a.coverageUntil ?? Number.POSITIVE_INFINITY) - (b.coverageUntil ?? Number.POSITIVE_INFINITY) ||
      a.id.localeCompare(b.id),
  );
}

export function deriveProjection(plant: PlantInstance, evaluation: Evaluation): CoverageWindow {
  const trace = evaluation.trace;
  if (!trace) throw new Error('The coverage projection needs an evaluation with its trace');
  // Stock curves are not needed here (partEmpty is): partCurve() computes them on demand.
  return {
    computedAt: plant.origin,
    horizonEnd: epochOf(plant.instance.horizon, plant.origin),
    metrics: evaluation.metrics,
    lines: lineSchedules(plant, trace),
    stoppages: predictedStoppages(plant, trace, plant.instance.plan),
    parts: partCoverage(plant, trace),
  };
}
