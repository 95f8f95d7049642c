import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { solveExact } from '../domain/reschedule/exact';
import {
  evaluateSchedule,
  type Instance,
  InstanceError,
  parseInstance,
  parseSchedule,
} from '../domain/reschedule/index';
import { recommend } from '../domain/reschedule/recommender/index';

// The re-sequencing command line of RESCHEDULING.md (built to out/main/reschedule.js, run by
// `npm run reschedule`):
//
//   reschedule INSTANCE.json [--time-limit-ms N] [--exact]   → {lines, metrics, elapsedMs[, optimal]}
//   reschedule INSTANCE.json --evaluate SCHEDULE.json        → {metrics}
//
// stdout carries only the JSON answer, so it can be piped; anything for a person goes to stderr.
// Exit codes: 0 done, 2 bad arguments or input (nothing on stdout), 1 an unexpected failure.

const USAGE = `usage: npm run reschedule -- INSTANCE.json [--time-limit-ms N] [--exact]
       npm run reschedule -- INSTANCE.json --evaluate SCHEDULE.json
  --time-limit-ms N   search time in ms (default 1000; with --exact 10000)
  --exact             exhaustive search that proves optimality on small instances
  --evaluate FILE     print the metrics of the schedule in FILE instead of searching`;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
}

/** A problem with what the user gave us: reported on stderr with exit code 2 (and the usage, if asked). */
class InputError extends Error {
  readonly showUsage: boolean;

  constructor(message: string, showUsage = false) {
    super(message);
    this.showUsage = showUsage;
  }
}

interface CliArgs {
  instancePath: string;
  timeLimitMs?: number;
  exact: boolean;
  evaluatePath?: string;
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const positional: string[] = [];
  let timeLimitMs: number | undefined;
  let exact = false;
  let evaluatePath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--')
      ? (arg.split(/=(.*)/s, 2) as [string, string | undefined])
      : [arg];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new InputError(`${flag} needs a value`, true);
      return next;
    };
    if (flag === '--exact') exact = true;
    else if (flag === '--time-limit-ms') {
      const text = value();
      const number = Number(text);
      if (!/^\d+$/.test(text) || !Number.isSafeInteger(number) || number <= 0) {
        throw new InputError(
          `--time-limit-ms must be a positive whole number of milliseconds, not "${text}"`,
        );
      }
      timeLimitMs = number;
    } else if (flag === '--evaluate') evaluatePath = value();
    else if (arg.startsWith('-') && arg !== '-') throw new InputError(`unknown option ${arg}`, true);
    else positional.push(arg);
  }
  if (positional.length !== 1) {
    throw new InputError(
      positional.length === 0 ? 'INSTANCE.json is missing' : `unexpected argument "${positional[1]}"`,
      true,
    );
  }
  if (evaluatePath !== undefined && (exact || timeLimitMs !== undefined)) {
    throw new InputError(
      '--evaluate takes no --exact or --time-limit-ms: it evaluates, it does not search',
      true,
    );
  }
  return {
    instancePath: positional[0]!,
    exact,
    ...(timeLimitMs !== undefined ? { timeLimitMs } : {}),
    ...(evaluatePath !== undefined ? { evaluatePath } : {}),
  };
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

/** Where JSON.parse stops on the text: null when it parses, -1 when V8's message names no place. */
function failureOffset(text: string): number | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const stated = /at position (\d+)/.exec(message);
    if (stated) return Number(stated[1]);
    return /end of JSON input|Unterminated/i.test(message) ? text.length : -1;
  }
}

/**
 * Where the JSON goes wrong. V8 names the position in most messages but not all ("Unexpected token
 * 'x', … is not valid JSON"); then it is the end of the shortest prefix that fails for a reason other
 * than ending too soon (every shorter prefix is the start of some valid JSON text).
 */
function syntaxErrorOffset(text: string): number {
  const stated = failureOffset(text);
  if (stated !== null && stated >= 0) return stated;
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const failure = failureOffset(text.slice(0, middle));
    if (failure === null || failure >= middle) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

function readJson(io: CliIo, path: string, what: string): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    throw new InputError(
      `cannot read ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const offset = syntaxErrorOffset(text);
    // V8 may quote the text, line breaks and all: one line reads better.
    const reason = error.message.replace(/\s*\n\s*/g, ' ');
    throw new InputError(`${what} ${path} is not valid JSON at ${lineAndColumn(text, offset)}: ${reason}`);
  }
}

function readValid<T>(path: string, what: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InstanceError) {
      throw new InputError(`${what} ${path} is not valid: ${error.path}: ${error.rule}`);
    }
    throw error;
  }
}

function run(args: CliArgs, io: CliIo): void {
  const raw = readJson(io, args.instancePath, 'instance');
  const instance: Instance = readValid(args.instancePath, 'instance', () => parseInstance(raw));
  if (args.evaluatePath !== undefined) {
    const rawSchedule = readJson(io, args.evaluatePath, 'schedule');
    const schedule = readValid(args.evaluatePath, 'schedule', () => parseSchedule(instance, rawSchedule));
    io.stdout(`${JSON.stringify({ metrics: evaluateSchedule(instance, schedule).metrics }, null, 2)}\n`);
    return;
  }
  if (args.exact) {
    const timeLimitMs = args.timeLimitMs ?? 10_000;
    const exact = solveExact(instance, { timeLimitMs });
    const optimal = exact.status === 'optimal';
    if (!optimal) {
      io.stderr(
        `reschedule: could not prove optimality within ${timeLimitMs} ms (${exact.explored} search nodes): the schedule printed is the best found, "optimal": false\n`,
      );
    }
    const answer = {
      lines: exact.schedule.lines,
      metrics: exact.metrics,
      elapsedMs: exact.elapsedMs,
      optimal,
    };
    io.stdout(`${JSON.stringify(answer, null, 2)}\n`);
    return;
  }
  const result = recommend(instance, args.timeLimitMs !== undefined ? { timeLimitMs: args.timeLimitMs } : {});
  io.stderr(
    `reschedule: ${result.evaluations} schedules evaluated; ${result.improved ? 'better than the plan' : 'the plan is kept: nothing better found'}\n`,
  );
  io.stdout(
    `${JSON.stringify({ lines: result.schedule.lines, metrics: result.metrics, elapsedMs: result.elapsedMs }, null, 2)}\n`,
  );
}

/** Runs the command; returns the exit code. */
export function runRescheduleCli(argv: readonly string[], io: CliIo): number {
  try {
    run(parseCliArgs(argv), io);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`reschedule: ${error.message}\n`);
      if (error.showUsage) io.stderr(`${USAGE}\n`);
      return 2;
    }
    io.stderr(
      `reschedule: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

// Only when run as a program (node out/main/reschedule.js …), not when a test imports it.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runRescheduleCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFileSync(path, 'utf8'),
  });
}
