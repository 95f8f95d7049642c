import { type EvaluationTrace, evaluate } from '../../domain/reschedule/index';
import type { CoverageState } from './coverageState';
import { epochOf } from './supplyAvailability';
import type { PartCoverage, PartCurve } from './types';

// One part's projected stock for the coverage chart: the plan's stock curve (the minimum of
// each quarter hour, so a dip to zero always shows), the trucks that bring it and how fast the
// planned sequence uses it.

/** The state's plan evaluated again with stock curves, once per state (the state's own trace has none). */
const curvesOf = new WeakMap<CoverageState, NonNullable<EvaluationTrace['stockCurves']>>();

function stockCurves(state: CoverageState): NonNullable<EvaluationTrace['stockCurves']> {
  const own = state.evaluation.trace?.stockCurves;
  if (own) return own;
  let curves = curvesOf.get(state);
  if (!curves) {
    const { compiled } = state;
    curves = evaluate(compiled, compiled.planSequences, { trace: true }).trace?.stockCurves ?? [];
    curvesOf.set(state, curves);
  }
  return curves;
}

/** Units of the part the plan's started units take within the horizon. */
function consumedWithinHorizon(state: CoverageState, partId: string): number {
  const { instance } = state.plant;
  const perUnit = new Map(instance.products.map((product) => [product.id, product.bom[partId] ?? 0]));
  const productOf = new Map(instance.orders.map((order) => [order.id, order.product]));
  let total = 0;
  for (const order of state.evaluation.trace?.orders ?? []) {
    total += order.startedUnits * (perUnit.get(productOf.get(order.id) ?? '') ?? 0);
  }
  return total;
}

export function partCurve(state: CoverageState, partId: string): PartCurve | null {
  const { plant, projection } = state;
  const part = plant.parts.get(partId);
  if (!part) return null;
  const horizonEnd = projection.horizonEnd;
  const supplies = plant.supplies
    .filter((supply) => supply.partId === partId)
    .map((supply) => ({
      deliveryId: supply.deliveryId,
      noticeNumber: supply.noticeNumber,
      truckPlate: supply.truckPlate,
      at: Math.max(plant.origin, supply.availableAt),
      quantity: supply.quantity,
    }))
    .sort((a, b) => a.at - b.at || a.deliveryId.localeCompare(b.deliveryId));
  const curve = stockCurves(state).find((candidate) => candidate.part === partId);
  let points: PartCurve['points'];
  if (curve) {
    points = curve.points.map((point) => ({ t: epochOf(point.t, plant.origin), stock: point.stock }));
  } else {
    // No product uses the part: its stock only grows, truck by truck.
    let stock = part.onHand;
    points = [{ t: plant.origin, stock }];
    for (const supply of supplies) {
      if (supply.at >= horizonEnd) break;
      stock += supply.quantity;
      points.push({ t: supply.at, stock });
    }
    points.push({ t: horizonEnd, stock });
  }
  const coverage: PartCoverage = projection.parts.find((candidate) => candidate.id === partId) ?? {
    id: part.id,
    description: part.description,
    unit: part.unit,
    onHand: part.onHand,
    safetyStock: part.safetyStock,
    coverageUntil: null,
    critical: false,
  };
  const hours = plant.instance.horizon / 60;
  return {
    part: coverage,
    points,
    supplies,
    consumptionPerHour: hours > 0 ? consumedWithinHorizon(state, partId) / hours : 0,
  };
}
