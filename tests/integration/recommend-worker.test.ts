import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareMetrics, InstanceError, randomInstance } from '../../src-main/domain/reschedule/index';
import {
  createRecommendationRunner,
  defaultWorkerUrl,
  type RecommendationRunner,
  runRecommendationInline,
} from '../../src-main/services/recommendation/worker/runInWorker';
import { projectRoot } from '../support/bootHarness';

// The REAL worker thread from the built bundle (out/main/recommendWorker.js; npm test builds before
// vitest): the search runs off the main thread, which keeps serving its event loop, and bad input
// comes back as an error, not a crash.

const workerFile = join(projectRoot, 'out', 'main', 'recommendWorker.js');
const instance = randomInstance(5, { lines: 5, orders: 80, parts: 30, partsPerProduct: 6, horizon: 1440 });

describe('recommendations in the worker thread', () => {
  let runner: RecommendationRunner;

  beforeAll(() => {
    if (!existsSync(workerFile))
      throw new Error(`${workerFile} is missing: run \`npm run build\` (npm test does).`);
    runner = createRecommendationRunner({ mode: 'worker', workerUrl: pathToFileURL(workerFile) });
  });
  afterAll(async () => {
    await runner?.close();
  });

  it('keeps the main thread responsive during a 1 s recommendation', async () => {
    let ticks = 0;
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks += 1;
    }, 10);
    try {
      const result = await runner.runRecommendation(instance, { timeLimitMs: 1000, seed: 1 });
      expect(result.elapsedMs).toBeGreaterThan(900);
      expect(compareMetrics(result.metrics, result.planMetrics)).toBeLessThanOrEqual(0);
    } finally {
      clearInterval(timer);
    }
    // A 10 ms timer over a second: dozens of ticks, no stall anywhere near the search's length.
    expect(ticks).toBeGreaterThan(40);
    expect(longestGap).toBeLessThan(300);
  });

  it('gives the same answer as the inline runner for the same seed and budget', async () => {
    const options = { seed: 7, maxEvaluations: 150 };
    const [inWorker, inline] = await Promise.all([
      runner.runRecommendation(instance, options),
      runRecommendationInline(instance, options),
    ]);
    expect(inWorker.schedule).toEqual(inline.schedule);
    expect(inWorker.metrics).toEqual(inline.metrics);
  });

  it('answers a malformed instance with an InstanceError, and keeps working', async () => {
    const broken = { ...instance, orders: [{ id: 'O1', product: 'A1', quantity: -3, due: 10 }] };
    const failure = await runner
      .runRecommendation(broken, { maxEvaluations: 10 })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InstanceError);
    expect((failure as InstanceError).path).toBe('orders[0].quantity');
    expect((failure as InstanceError).message).toMatch(
      /orders\[0\]\.quantity: must be a positive whole number/,
    );
    await expect(runner.runRecommendation('not an instance', {})).rejects.toThrow(/\(input\)/);
    const after = await runner.runRecommendation(instance, { maxEvaluations: 20 });
    expect(after.evaluations).toBeLessThanOrEqual(20);
  });

  it('stops a job when its signal aborts, and takes the next one', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const running = runner.runRecommendation(
      instance,
      { timeLimitMs: 10_000 },
      { signal: controller.signal },
    );
    // The job is posted; aborting now sets the shared stop flag the worker checks as it runs.
    controller.abort();
    await expect(running).rejects.toThrow(/abort/i);
    const next = await runner.runRecommendation(instance, { maxEvaluations: 20 });
    // The worker saw the stop flag: the next job did not wait out the ten seconds.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(next.evaluations).toBeLessThanOrEqual(20);
  });

  it('fails cleanly when the worker file is missing, and rejects bad options', async () => {
    const lost = createRecommendationRunner({
      mode: 'worker',
      workerUrl: pathToFileURL(join(projectRoot, 'nowhere.js')),
    });
    await expect(lost.runRecommendation(instance, {})).rejects.toThrow(/nowhere\.js|Cannot find module/);
    await lost.close();
    await expect(runner.runRecommendation(instance, { timeLimitMs: -1 })).rejects.toThrow(/timeLimitMs/);
  });

  it('finds the built worker next to the bundle entries, from an entry or from a shared chunk', () => {
    const main = pathToFileURL(join(projectRoot, 'out', 'main')).href;
    expect(defaultWorkerUrl(`${main}/index.js`).href).toBe(`${main}/recommendWorker.js`);
    expect(defaultWorkerUrl(`${main}/chunks/runInWorker-abc123.js`).href).toBe(`${main}/recommendWorker.js`);
  });
});
