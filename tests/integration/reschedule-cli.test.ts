import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareMetrics,
  type Instance,
  type Metrics,
  randomInstance,
  referenceEvaluate,
} from '../../src-main/domain/reschedule/index';
import { projectRoot } from '../support/bootHarness';
import { tempFolder } from '../support/tempDatabase';

// The built command line (out/main/reschedule.js, what `npm run reschedule` runs) on instance
// files: stdout is exactly the JSON answer, bad input is a message on stderr with exit code 2.

const cli = join(projectRoot, 'out', 'main', 'reschedule.js');

function reschedule(...args: string[]) {
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run reschedule (the built command line)', () => {
  const folder = tempFolder('leitstand-reschedule-');
  const instance: Instance = randomInstance(41, { lines: 2, orders: 7, parts: 3, tightness: 0.5 });
  const instancePath = folder.file('instance.json');
  const write = (name: string, content: unknown) => {
    const path = folder.file(name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };

  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` (npm test does).`);
    write('instance.json', instance);
  });
  afterAll(() => folder.remove());

  it('recommends: {lines, metrics, elapsedMs}, never worse than the plan', () => {
    const { code, stdout } = reschedule(instancePath, '--time-limit-ms', '300');
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as {
      lines: Record<string, string[]>;
      metrics: Metrics;
      elapsedMs: number;
    };
    expect(Object.keys(answer).sort()).toEqual(['elapsedMs', 'lines', 'metrics']);
    expect(referenceEvaluate(instance, { lines: answer.lines })).toEqual(answer.metrics);
    const plan = referenceEvaluate(instance, { lines: instance.plan });
    expect(compareMetrics(answer.metrics, plan)).toBeLessThanOrEqual(0);
    expect(answer.elapsedMs).toBeLessThanOrEqual(400);
  });

  it('evaluates a given schedule: {metrics}', () => {
    const schedulePath = write('schedule.json', { lines: instance.plan });
    const { code, stdout } = reschedule(instancePath, '--evaluate', schedulePath);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ metrics: referenceEvaluate(instance, { lines: instance.plan }) });
  });

  it('proves optimality with --exact, and says so when it cannot within the limit', () => {
    const proven = reschedule(instancePath, '--exact');
    expect(proven.code).toBe(0);
    const answer = JSON.parse(proven.stdout) as {
      lines: Record<string, string[]>;
      metrics: Metrics;
      optimal: boolean;
    };
    expect(answer.optimal).toBe(true);
    expect(referenceEvaluate(instance, { lines: answer.lines })).toEqual(answer.metrics);

    const large = write('large.json', randomInstance(42, { lines: 4, orders: 40, parts: 6 }));
    const limited = reschedule(large, '--exact', '--time-limit-ms', '200');
    expect(limited.code).toBe(0);
    expect(JSON.parse(limited.stdout)).toMatchObject({ optimal: false });
    expect(limited.stderr).toMatch(/could not prove optimality within 200 ms/);
  });

  const fails = (args: string[], message: RegExp) => {
    const { code, stdout, stderr } = reschedule(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  };

  it('rejects an unreadable file', () => {
    fails([folder.file('missing.json')], /cannot read instance .*missing\.json: ENOENT/);
  });

  it('rejects malformed JSON, naming where it breaks', () => {
    fails(
      [write('broken.json', '{\n  "horizon": 600,\n  "parts": [x]\n}')],
      /not valid JSON at line 3, column 13/,
    );
    fails([write('truncated.json', '{"horizon": 600, "parts": [')], /not valid JSON at line 1, column 28/);
    fails([write('empty.json', '')], /not valid JSON at line 1, column 1/);
  });

  it('rejects an invalid instance with the field and the rule', () => {
    const badQuantity = {
      ...instance,
      orders: instance.orders.map((o, i) => (i === 2 ? { ...o, quantity: 0 } : o)),
    };
    fails([write('quantity.json', badQuantity)], /orders\[2\]\.quantity: must be a positive whole number/);
    fails([write('no-products.json', { ...instance, products: undefined })], /products: is required/);
  });

  it('rejects an invalid schedule with the rule it breaks', () => {
    const first = Object.keys(instance.plan)[0]!;
    const dropped = { lines: { ...instance.plan, [first]: instance.plan[first]!.slice(1) } };
    fails(
      [instancePath, '--evaluate', write('dropped.json', dropped)],
      /schedule .* is not valid: lines: order .* is on no line/,
    );
  });

  it('rejects bad arguments with the usage', () => {
    fails([], /INSTANCE\.json is missing[\s\S]*usage:/);
    fails([instancePath, '--time-limit-ms', 'soon'], /--time-limit-ms must be a positive whole number/);
    fails([instancePath, '--fast'], /unknown option --fast[\s\S]*usage:/);
    fails([instancePath, '--evaluate'], /--evaluate needs a value/);
  });
});
