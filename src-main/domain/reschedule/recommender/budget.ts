// How long the search may go on: a time limit on an injected clock, an evaluation count (the
// deterministic stop tests use), and a caller's stop flag. Before each evaluation it asks whether
// one more still fits, from what that kind of evaluation has cost so far, so that the time limit
// is kept rather than overshot by the last one.

export interface BudgetOptions {
  now: () => number;
  started: number;
  /** Infinity: no time limit. */
  timeLimitMs: number;
  /** Infinity: no evaluation limit. */
  maxEvaluations: number;
  shouldStop?: (() => boolean) | undefined;
}

/** A plain evaluation, or one that also records a trace (several times the cost). */
export type EvaluationKind = 'plain' | 'trace';

/** Until a trace has been timed, it is assumed to cost this many plain evaluations. */
const TRACE_GUESS = 8;

export class Budget {
  evaluations = 0;
  private readonly options: BudgetOptions;
  private readonly deadline: number;
  private readonly spentMs = { plain: 0, trace: 0 };
  private readonly counted = { plain: 0, trace: 0 };

  constructor(options: BudgetOptions) {
    this.options = options;
    this.deadline = options.started + options.timeLimitMs;
  }

  private expectedMs(kind: EvaluationKind): number {
    const plain = this.counted.plain === 0 ? 0 : this.spentMs.plain / this.counted.plain;
    if (kind === 'plain') return plain;
    return this.counted.trace === 0 ? plain * TRACE_GUESS : this.spentMs.trace / this.counted.trace;
  }

  /** Whether one more evaluation of this kind may still start. */
  allows(kind: EvaluationKind = 'plain'): boolean {
    if (this.evaluations + 1 > this.options.maxEvaluations) return false;
    if (this.options.shouldStop?.()) return false;
    if (this.deadline === Number.POSITIVE_INFINITY) return true;
    return this.options.now() + this.expectedMs(kind) < this.deadline;
  }

  /** Runs one evaluation and learns its cost. */
  spend<T>(evaluation: () => T, kind: EvaluationKind = 'plain'): T {
    this.evaluations += 1;
    if (this.deadline === Number.POSITIVE_INFINITY) return evaluation();
    const before = this.options.now();
    const result = evaluation();
    this.spentMs[kind] += this.options.now() - before;
    this.counted[kind] += 1;
    return result;
  }

  elapsedMs(): number {
    return this.options.now() - this.options.started;
  }
}
