import { randomStream } from '../seededRandom';
import { eligibleLinesOf, frozenPrefixes } from './schedule';
import type { Instance, Schedule } from './types';

/**
 * A valid schedule for the instance drawn from the seed: either every unfrozen order on a random
 * eligible line in random order ('shuffle'), or the plan with a few orders picked up and re-inserted
 * on an eligible line ('perturb', default `moves` 1–3). Frozen prefixes stay in place.
 */
export function randomSchedule(
  instance: Instance,
  seed: number,
  style: 'shuffle' | 'perturb' = 'shuffle',
  moves?: number,
): Schedule {
  const random = randomStream('reschedule-schedule', seed);
  const eligible = eligibleLinesOf(instance);
  const prefixes = frozenPrefixes(instance);
  const frozen = new Set([...prefixes.values()].flat());
  const tails = new Map<string, string[]>();
  for (const line of instance.lines) {
    tails.set(
      line.id,
      style === 'perturb' ? (instance.plan[line.id] ?? []).filter((orderId) => !frozen.has(orderId)) : [],
    );
  }
  const free = instance.orders.map((order) => order.id).filter((orderId) => !frozen.has(orderId));
  if (style === 'shuffle') {
    for (const orderId of random.shuffle(free)) tails.get(random.pick(eligible.get(orderId)!))!.push(orderId);
  } else if (free.length > 0) {
    for (let n = moves ?? random.int(1, 3); n > 0; n--) {
      const orderId = random.pick(free);
      for (const tail of tails.values()) {
        const at = tail.indexOf(orderId);
        if (at >= 0) tail.splice(at, 1);
      }
      const target = tails.get(random.pick(eligible.get(orderId)!))!;
      target.splice(random.int(0, target.length), 0, orderId);
    }
  }
  const schedule: Schedule = { lines: {} };
  for (const line of instance.lines)
    schedule.lines[line.id] = [...prefixes.get(line.id)!, ...tails.get(line.id)!];
  return schedule;
}
