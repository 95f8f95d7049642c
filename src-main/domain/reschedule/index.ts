// The re-sequencing problem of ../../../shared/RESCHEDULING.md: instance format, validation,
// compilation, the reference and the fast evaluator, and a generator of random instances.

export { compareMetrics, isBetter } from './compare';
export { type CompiledInstance, compileInstance } from './compile';
export {
  type EvaluateOptions,
  type Evaluation,
  type EvaluationTrace,
  evaluate,
  evaluateSchedule,
  scheduleSequences,
} from './fastEvaluator';
export { InstanceError } from './instanceError';
export { instanceSchema, parseInstance } from './instanceSchema';
export { movedCount } from './moved';
export { type RandomInstanceSize, randomInstance } from './randomInstance';
export { randomSchedule } from './randomSchedule';
export { referenceEvaluate } from './referenceEvaluator';
export { eligibleLinesOf, frozenPrefixes, parseSchedule } from './schedule';
export * from './types';
export { validateInstance } from './validate';
