import {
  type CompiledInstance,
  compileInstance,
  type Evaluation,
  evaluate,
} from '../../domain/reschedule/index';
import type { Instance } from '../../domain/reschedule/types';
import type { PlantInstance } from './instanceFromPlant';
import { supplyInstanceRows } from './instanceFromPlant';
import type { SupplyRow } from './plantReads';
import { deriveProjection } from './projection';
import type { CoverageWindow } from './types';

// The projection's working state in memory: the plant's instance, its compiled form, the plan's
// evaluation with trace (without stock curves: partCurve() computes a part's curve on demand) and
// the projection derived from it. A change makes a new state; the
// cheap changes (a truck's ETA, a stock level) patch the compiled instance instead of compiling
// it again, which is what keeps an ETA change within a few milliseconds at plant scale.

export interface CoverageState {
  plant: PlantInstance;
  compiled: CompiledInstance;
  evaluation: Evaluation;
  projection: CoverageWindow;
}

function evaluated(plant: PlantInstance, compiled: CompiledInstance): CoverageState {
  const evaluation = evaluate(compiled, compiled.planSequences, { trace: true, stockCurves: false });
  return { plant, compiled, evaluation, projection: deriveProjection(plant, evaluation) };
}

export function buildCoverageState(plant: PlantInstance): CoverageState {
  return evaluated(plant, compileInstance(plant.instance));
}

/**
 * The supply arrays compileInstance makes (sorted by time, stable by index), for a new list of
 * supplies; null when a supply names a part the compiled instance does not know.
 */
function recompileSupplies(compiled: CompiledInstance, instance: Instance): CompiledInstance | null {
  const { supplies } = instance;
  const partIndex: number[] = [];
  for (const supply of supplies) {
    const index = compiled.partIndex.get(supply.part);
    if (index === undefined) return null;
    partIndex.push(index);
  }
  const order = supplies.map((_, index) => index);
  order.sort((a, b) => supplies[a]!.at - supplies[b]!.at || a - b);
  return {
    ...compiled,
    instance,
    supplyTime: Float64Array.from(order, (index) => supplies[index]!.at),
    supplyPart: Int32Array.from(order, (index) => partIndex[index]!),
    supplyQuantity: Float64Array.from(order, (index) => supplies[index]!.quantity),
    supplyIndex: Int32Array.from(order),
  };
}

/**
 * Evaluates the plan (with its trace) as if the supplies were `supplies`: the what-if of a truck
 * arriving at another time. The state itself is left as it is.
 */
export function evaluateWithSupplies(state: CoverageState, supplies: Instance['supplies']): Evaluation {
  const instance: Instance = { ...state.plant.instance, supplies };
  const compiled = recompileSupplies(state.compiled, instance) ?? compileInstance(instance);
  return evaluate(compiled, compiled.planSequences, { trace: true });
}

/**
 * Replaces the supplies of the deliveries named with `rows` (their items still to come; none when
 * a truck was unloaded or cancelled). Every availability is recomputed: a truck leaving a door
 * frees the door for the one waiting in the yard.
 */
export function withDeliveries(
  state: CoverageState,
  deliveryIds: ReadonlySet<string>,
  rows: readonly SupplyRow[],
): CoverageState {
  const { plant } = state;
  const kept = plant.supplies.filter((supply) => !deliveryIds.has(supply.deliveryId));
  const { supplies, instanceSupplies } = supplyInstanceRows(
    [...kept, ...rows],
    plant.doors,
    plant.parts,
    plant.origin,
  );
  const instance: Instance = { ...plant.instance, supplies: instanceSupplies };
  const next: PlantInstance = { ...plant, instance, supplies };
  const compiled = recompileSupplies(state.compiled, instance) ?? compileInstance(instance);
  return evaluated(next, compiled);
}

/** New stock on hand for the parts named. */
export function withStock(state: CoverageState, stock: ReadonlyMap<string, number>): CoverageState {
  const { plant, compiled } = state;
  const parts = new Map(plant.parts);
  for (const [partId, onHand] of stock) {
    const part = parts.get(partId);
    if (part) parts.set(partId, { ...part, onHand: Math.max(0, onHand) });
  }
  const instance: Instance = {
    ...plant.instance,
    parts: plant.instance.parts.map((part) =>
      stock.has(part.id) ? { id: part.id, stock: Math.max(0, stock.get(part.id)!) } : part,
    ),
  };
  const initialStock = Float64Array.from(compiled.initialStock);
  for (const part of instance.parts) {
    const index = compiled.partIndex.get(part.id);
    if (index !== undefined) initialStock[index] = part.stock;
  }
  return evaluated({ ...plant, parts, instance }, { ...compiled, instance, initialStock });
}
