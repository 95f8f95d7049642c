import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileInstance,
  evaluate,
  randomInstance,
  randomSchedule,
  scheduleSequences,
} from '../../src-main/domain/reschedule/index';
import { changedLines, sequenceChanges } from '../../src-main/services/recommendation/resequenceProposal';

describe('the changes of a new sequence', () => {
  it('lists the orders a planner re-inserts: exactly as many as the moved metric counts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.nat({ max: 1_000_000 }),
        (seed, scheduleSeed) => {
          const instance = randomInstance(seed, { lines: 3, orders: 14, parts: 5, horizon: 240 });
          const schedule = randomSchedule(instance, scheduleSeed, 'perturb', 3);
          const compiled = compileInstance(instance);
          const { moved } = evaluate(compiled, scheduleSequences(compiled, schedule)).metrics;
          const changes = sequenceChanges(instance.plan, changedLines(instance.plan, schedule.lines));
          expect(changes).toHaveLength(moved);
          for (const change of changes) {
            expect(schedule.lines[change.toLine]![change.toIndex]).toBe(change.orderId);
            expect(instance.plan[change.fromLine]![change.fromIndex]).toBe(change.orderId);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names a move within a line and one to another line', () => {
    const previous = { L1: ['A', 'B', 'C', 'D'], L2: ['E'] };
    expect(sequenceChanges(previous, { L1: ['A', 'D', 'B', 'C'] })).toEqual([
      { orderId: 'D', fromLine: 'L1', toLine: 'L1', fromIndex: 3, toIndex: 1 },
    ]);
    expect(
      sequenceChanges(previous, changedLines(previous, { L1: ['A', 'B', 'D'], L2: ['C', 'E'] })),
    ).toEqual([{ orderId: 'C', fromLine: 'L1', toLine: 'L2', fromIndex: 2, toIndex: 0 }]);
    expect(changedLines(previous, { L1: ['A', 'B', 'C', 'D'], L2: ['E'] })).toEqual({});
  });
});
