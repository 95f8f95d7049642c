import { z } from 'zod';
import { InstanceError, issueError } from './instanceError';
import type { Instance, Schedule } from './types';

const scheduleSchema = z.object({
  lines: z.record(z.string(), z.array(z.string({ error: 'must be a string' }))),
});

/** The lines an order may run on: its eligibleLines, or else the line the plan puts it on. */
export function eligibleLinesOf(instance: Instance): Map<string, string[]> {
  const eligible = new Map<string, string[]>();
  for (const [lineId, sequence] of Object.entries(instance.plan)) {
    for (const orderId of sequence) eligible.set(orderId, [lineId]);
  }
  for (const order of instance.orders) if (order.eligibleLines) eligible.set(order.id, order.eligibleLines);
  return eligible;
}

/** Per line, the frozen orders at the head of its plan sequence. */
export function frozenPrefixes(instance: Instance): Map<string, string[]> {
  const frozen = new Set(instance.orders.filter((order) => order.frozen).map((order) => order.id));
  const prefixes = new Map<string, string[]>();
  for (const line of instance.lines) {
    prefixes.set(
      line.id,
      (instance.plan[line.id] ?? []).filter((orderId) => frozen.has(orderId)),
    );
  }
  return prefixes;
}

/**
 * Reads a schedule for a (valid) instance: every order exactly once, on an eligible line, with the
 * frozen prefixes kept. Lines missing from the schedule run nothing. Throws InstanceError naming
 * the rule broken.
 */
export function parseSchedule(instance: Instance, raw: unknown): Schedule {
  const result = scheduleSchema.safeParse(raw);
  if (!result.success) {
    throw issueError(raw, result.error.issues[0]!);
  }
  const lines = result.data.lines;
  const lineIds = new Set(instance.lines.map((line) => line.id));
  const orderIds = new Set(instance.orders.map((order) => order.id));
  const eligible = eligibleLinesOf(instance);
  const placed = new Map<string, string>();
  for (const [lineId, sequence] of Object.entries(lines)) {
    if (!lineIds.has(lineId)) throw new InstanceError(`lines.${lineId}`, `unknown line ${lineId}`);
    sequence.forEach((orderId, position) => {
      const at = `lines.${lineId}[${position}]`;
      if (!orderIds.has(orderId)) throw new InstanceError(at, `order ${orderId} is not in orders`);
      const before = placed.get(orderId);
      if (before !== undefined) {
        throw new InstanceError('lines', `order ${orderId} appears twice (${before} and ${at})`);
      }
      placed.set(orderId, at);
      const allowed = eligible.get(orderId) ?? [];
      if (!allowed.includes(lineId)) {
        throw new InstanceError(
          at,
          `order ${orderId} is not eligible for line ${lineId} (eligible: ${allowed.join(', ') || 'none'})`,
        );
      }
    });
  }
  for (const order of instance.orders) {
    if (!placed.has(order.id)) throw new InstanceError('lines', `order ${order.id} is on no line`);
  }
  for (const [lineId, prefix] of frozenPrefixes(instance)) {
    if (prefix.length === 0) continue;
    const sequence = lines[lineId] ?? [];
    if (prefix.some((orderId, position) => sequence[position] !== orderId)) {
      throw new InstanceError(
        `lines.${lineId}`,
        `frozen orders ${prefix.join(', ')} must stay the first orders of ${lineId} in plan order`,
      );
    }
  }
  const schedule: Schedule = { lines: {} };
  for (const line of instance.lines) schedule.lines[line.id] = [...(lines[line.id] ?? [])];
  return schedule;
}
