import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProcedureName, ProcedureOutput } from '../../src-main/api/contract';
import type { Result } from '../../src-main/api/result';
import { createLeitstand, type Leitstand } from '../../src-main/app/createLeitstand';
import { Simulator } from '../../src-main/demo/simulator';
import { desk, okValue, silent } from '../support/planningCalls';
import { tempFolder } from '../support/tempDatabase';

// The demo plant as a planner meets it: a fresh database at load shows a predicted stoppage
// that re-sequencing avoids; applying the proposal removes it, undo brings it back, and the
// simulated lines follow the new sequence.

const NOW = Date.UTC(2026, 10, 27, 18, 37);
const MINUTE = 60_000;

let folder: ReturnType<typeof tempFolder>;
let leitstand: Leitstand;

beforeEach(async () => {
  folder = tempFolder();
  leitstand = await createLeitstand({
    dbPath: folder.file('demo.db'),
    wallNow: () => NOW,
    simulate: false,
    logger: silent,
    recommender: { mode: 'inline', maxEvaluations: 3000, autoRecompute: false },
  });
});
afterEach(async () => {
  await leitstand.close();
  folder.remove();
});

const call = async <N extends ProcedureName>(name: N, input: unknown) =>
  okValue((await leitstand.call(name, input, desk)) as Result<ProcedureOutput<N>>);

/** The part the demo's stock count came out short of: the staged shortage. */
function stagedPart(): string {
  const row = leitstand.database.sqlite
    .prepare("SELECT part_id FROM stock_movement WHERE note = 'Inventurdifferenz'")
    .get() as { part_id: string } | undefined;
  if (!row) throw new Error('the demo staged no shortage');
  return row.part_id;
}

describe('the demo plant at load', () => {
  it('predicts a stoppage that a proposed re-sequencing removes; undo brings it back', async () => {
    const partId = stagedPart();
    const overview = await call('coverage.overview', {});
    expect(overview.stoppages.length).toBeGreaterThanOrEqual(1);
    const staged = overview.stoppages.find((stoppage) => stoppage.partId === partId)!;
    expect(staged).toBeDefined();
    expect(staged.start - NOW).toBeLessThan(8 * 60 * MINUTE);
    expect(staged.durationMinutes).toBeGreaterThanOrEqual(40);
    // The truck that ends it broke down on the way.
    const route = leitstand.database.sqlite
      .prepare('SELECT disruption FROM delivery_route WHERE delivery_id = ?')
      .get(staged.endingDelivery!.id) as { disruption: string };
    expect(JSON.parse(route.disruption)).toMatchObject({ kind: 'breakdown', forced: true });

    const list = await call('recommendations.compute', {});
    const resequence = list.open.find((proposal) => proposal.kind === 'resequence')!;
    expect(resequence).toBeDefined();
    expect(resequence.after.stoppageMinutes).toBeLessThan(resequence.before.stoppageMinutes);
    expect(resequence.summary).toMatch(/^(Run|Move) .+: .*stoppage.* instead of \d+ min/);

    await call('recommendations.apply', { id: resequence.id });
    const applied = await call('coverage.overview', {});
    expect(applied.stoppages.some((s) => s.lineId === staged.lineId && s.partId === partId)).toBe(false);

    await call('recommendations.undo', { id: resequence.id });
    const undone = await call('coverage.overview', {});
    expect(undone.stoppages.map((s) => s.id)).toContain(staged.id);
  });

  it('lets the simulated lines follow the applied sequence, and the line does not stop for the part', async () => {
    const partId = stagedPart();
    const overview = await call('coverage.overview', {});
    const staged = overview.stoppages.find((stoppage) => stoppage.partId === partId)!;
    const list = await call('recommendations.compute', {});
    const resequence = list.open.find((proposal) => proposal.kind === 'resequence')!;
    if (resequence.kind !== 'resequence') throw new Error('resequence expected');
    await call('recommendations.apply', { id: resequence.id });

    const simulator = new Simulator(leitstand.ctx);
    try {
      const until = staged.end + 60 * MINUTE;
      for (let at = NOW + 10 * MINUTE; at <= until; at += 10 * MINUTE) await simulator.advanceTo(at);
    } finally {
      await simulator.stop();
    }
    const { sqlite } = leitstand.database;
    for (const [lineId, sequence] of Object.entries(resequence.payload.lines)) {
      const started = (
        sqlite
          .prepare(
            'SELECT id FROM production_order WHERE line_id = ? AND started_at >= ? ORDER BY started_at, id',
          )
          .all(lineId, NOW) as { id: string }[]
      ).map((row) => row.id);
      // Whatever started since the apply started in the new order (after the order running then).
      const planned = sequence.filter((id) => !resequence.payload.previous[lineId]?.slice(0, 1).includes(id));
      expect(started, lineId).toEqual(planned.slice(0, started.length));
      expect(started.length, lineId).toBeGreaterThan(0);
    }
    const stops = sqlite
      .prepare("SELECT payload FROM event_log WHERE kind = 'line.stopped' AND entity_id = ? AND at >= ?")
      .all(staged.lineId, NOW) as { payload: string }[];
    expect(stops.map((row) => JSON.parse(row.payload).partId)).not.toContain(partId);
  });

  it('stops the line for the part when nobody acts: the prediction is what the plant does', async () => {
    const partId = stagedPart();
    const staged = (await call('coverage.overview', {})).stoppages.find(
      (stoppage) => stoppage.partId === partId,
    )!;
    const simulator = new Simulator(leitstand.ctx);
    try {
      for (let at = NOW + 10 * MINUTE; at <= staged.end; at += 10 * MINUTE) await simulator.advanceTo(at);
    } finally {
      await simulator.stop();
    }
    const stops = leitstand.database.sqlite
      .prepare("SELECT at, payload FROM event_log WHERE kind = 'line.stopped' AND entity_id = ? AND at >= ?")
      .all(staged.lineId, NOW) as { at: number; payload: string }[];
    const stop = stops.find((row) => JSON.parse(row.payload).partId === partId);
    expect(stop).toBeDefined();
    expect(Math.abs(stop!.at - staged.start)).toBeLessThan(15 * MINUTE);
  });
});
