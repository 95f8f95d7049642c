import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Simulator } from '../../src-main/demo/simulator';
import { loadCoveragePlant } from '../support/coveragePlant';
import { callOn, okValue } from '../support/planningCalls';
import { testContext } from '../support/testContext';

let t: Awaited<ReturnType<typeof testContext>>;
const call = callOn(() => t.ctx);

beforeEach(async () => {
  t = await testContext();
  await loadCoveragePlant(t.ctx);
});
afterEach(() => t.dispose());

const sequenceOf = async (lineId: string) =>
  (
    await t.ctx.database.db
      .selectFrom('productionOrder')
      .select('id')
      .where('lineId', '=', lineId)
      .where('status', '!=', 'done')
      .orderBy('sequence')
      .execute()
  ).map((row) => row.id);

describe('lines.evaluateSequence', () => {
  it('shows the effect of a planner’s sequence before it is saved', async () => {
    const result = okValue(await call('lines.evaluateSequence', { lines: { L1: ['O-1', 'O-3', 'O-2'] } }));
    expect(result).toEqual({
      before: { unproducedUnits: 0, stoppageMinutes: 45, tardinessMinutes: 0, setups: 2, moved: 0 },
      after: { unproducedUnits: 0, stoppageMinutes: 0, tardinessMinutes: 0, setups: 1, moved: 1 },
      stoppagesAfter: [],
      valid: true,
    });
    const moved = okValue(
      await call('lines.evaluateSequence', { lines: { L1: ['O-1', 'O-2'], L2: ['O-3'] } }),
    );
    expect(moved.after.moved).toBe(1);
    // On L2, O-3 runs beside O-1 and takes 4711-001 before truck D-1 is in.
    expect(moved.stoppagesAfter.map((s) => s.id)).toEqual(['L1:O-2:4711-002', 'L2:O-3:4711-001']);
    expect(await sequenceOf('L1')).toEqual(['O-1', 'O-2', 'O-3']);
  });

  it('names the rule a sequence breaks', async () => {
    const cases: [unknown, string][] = [
      [
        { L1: ['O-2', 'O-1', 'O-3'] },
        'lines.L1: frozen orders O-1 must stay the first orders of L1 in plan order',
      ],
      [{ L1: ['O-1', 'O-3'] }, 'lines: order O-2 is on no line'],
      [{ L1: ['O-1', 'O-2', 'O-3', 'O-9'] }, 'lines.L1[3]: order O-9 is not in orders'],
      [
        { L1: ['O-1', 'O-3'], L2: ['O-2'] },
        'lines.L2[0]: order O-2 is not eligible for line L2 (eligible: L1)',
      ],
      [{ L2: ['O-2'] }, 'lines: order O-2 appears twice (lines.L1[1] and lines.L2[0])'],
      [{ L9: [] }, 'lines.L9: unknown line L9'],
    ];
    for (const [lines, message] of cases) {
      const result = await call('lines.evaluateSequence', { lines });
      expect(!result.ok && result.error, JSON.stringify(lines)).toMatchObject({
        code: 'INVALID_INPUT',
        message,
      });
    }
  });

  it('names the malformed field', async () => {
    const shapes: [unknown, string][] = [
      [{}, 'lines'],
      [{ lines: { L1: 'O-1' } }, 'lines.L1'],
      [{ lines: { L1: [7] } }, 'lines.L1.0'],
      [{ lines: {} }, 'lines'],
      [{ lines: { L1: [] }, extra: true }, '(input)'],
    ];
    for (const [input, field] of shapes) {
      const result = await call('lines.evaluateSequence', input);
      expect(!result.ok && result.error, JSON.stringify(input)).toMatchObject({
        code: 'INVALID_INPUT',
        details: { issues: [expect.objectContaining({ field })] },
      });
    }
  });
});

describe('lines.saveSequence', () => {
  it('saves like an applied proposal, with an audit entry, and can be undone', async () => {
    const saved = okValue(await call('lines.saveSequence', { lines: { L1: ['O-1', 'O-3', 'O-2'] } }));
    expect(saved).toMatchObject({
      kind: 'resequence',
      status: 'applied',
      decidedBy: 'planner',
      summary:
        'Manual re-sequencing: Run O-3 before O-2 on Linie 1: no stoppage instead of 45 min; one changeover fewer.',
    });
    expect(saved.sentence).toMatchObject({ key: 'resequence', params: { manual: true } });
    expect(await sequenceOf('L1')).toEqual(['O-1', 'O-3', 'O-2']);
    const log = await t.ctx.database.db
      .selectFrom('eventLog')
      .selectAll()
      .where('entityId', '=', saved.id)
      .execute();
    expect(log.map((entry) => [entry.kind, entry.actor])).toEqual([['sequence.applied', 'planner']]);
    okValue(await call('recommendations.undo', { id: saved.id }));
    expect(await sequenceOf('L1')).toEqual(['O-1', 'O-2', 'O-3']);
  });

  it('moves an order to another eligible line, and the line takes it up on the next step', async () => {
    okValue(await call('lines.saveSequence', { lines: { L1: ['O-1', 'O-2'], L2: ['O-3'] } }));
    expect(await sequenceOf('L1')).toEqual(['O-1', 'O-2']);
    expect(await sequenceOf('L2')).toEqual(['O-3']);
    const simulator = new Simulator(t.ctx);
    try {
      await simulator.advanceTo(t.clock.now() + 5 * 60_000);
    } finally {
      await simulator.stop();
    }
    const o3 = await t.ctx.database.db
      .selectFrom('productionOrder')
      .select(['lineId', 'status', 'producedUnits'])
      .where('id', '=', 'O-3')
      .executeTakeFirstOrThrow();
    expect(o3).toMatchObject({ lineId: 'L2', status: 'running' });
    expect(o3.producedUnits).toBeGreaterThan(0);
  });

  it('refuses a sequence that changes nothing or breaks a rule, and writes nothing', async () => {
    const same = await call('lines.saveSequence', { lines: { L1: ['O-1', 'O-2', 'O-3'] } });
    expect(!same.ok && same.error.code).toBe('INVALID_INPUT');
    const frozen = await call('lines.saveSequence', { lines: { L1: ['O-3', 'O-1', 'O-2'] } });
    expect(!frozen.ok && frozen.error.code).toBe('INVALID_INPUT');
    expect(await t.ctx.database.db.selectFrom('recommendation').selectAll().execute()).toEqual([]);
    expect(await sequenceOf('L1')).toEqual(['O-1', 'O-2', 'O-3']);
  });
});
