import { z } from 'zod';
import { InstanceError, parseInstance } from '../../../domain/reschedule/index';
import { type RecommendResult, recommend } from '../../../domain/reschedule/recommender/index';

// One recommendation job as the worker thread runs it, and as the inline runner runs it in this
// thread: the same validation, the same search, the same errors. Messages cross the thread
// boundary by structured clone, so they hold data only: no clock, no callbacks.

export interface RecommendJobOptions {
  /** Default 1000 ms (none when maxEvaluations is given). */
  timeLimitMs?: number;
  seed?: number;
  /** Deterministic stop after this many evaluations. */
  maxEvaluations?: number;
}

export interface RecommendRequest {
  id: number;
  /** An Instance or raw JSON: validated here either way, since it came from outside the worker. */
  instance: unknown;
  options?: RecommendJobOptions;
  /** An Int32Array view's buffer: the caller stores 1 at index 0 to stop the search early. */
  stop?: SharedArrayBuffer;
}

/** An error as data: InstanceError keeps its path and rule across the thread boundary. */
export interface JobError {
  name: string;
  message: string;
  path?: string;
  rule?: string;
}

export type RecommendResponse = { id: number; result: RecommendResult } | { id: number; error: JobError };

const optionsSchema = z
  .object({
    timeLimitMs: z.number().positive().max(600_000).optional(),
    seed: z.number().int().optional(),
    maxEvaluations: z.number().int().positive().optional(),
  })
  .strict();

export function toJobError(error: unknown): JobError {
  if (error instanceof InstanceError) {
    return { name: error.name, message: error.message, path: error.path, rule: error.rule };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** Back to an Error on the caller's side: an InstanceError again when it was one. */
export function fromJobError(error: JobError): Error {
  if (error.name === 'InstanceError' && error.path !== undefined && error.rule !== undefined) {
    return new InstanceError(error.path, error.rule);
  }
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

/** Validates and runs one job; throws InstanceError (instance) or Error (options). */
export function runJob(
  instance: unknown,
  options: RecommendJobOptions | undefined,
  shouldStop?: () => boolean,
): RecommendResult {
  const parsedOptions = optionsSchema.safeParse(options ?? {});
  if (!parsedOptions.success) {
    const issue = parsedOptions.error.issues[0]!;
    throw new RangeError(`recommendation options: ${issue.path.join('.') || '(options)'}: ${issue.message}`);
  }
  return recommend(parseInstance(instance), { ...parsedOptions.data, ...(shouldStop ? { shouldStop } : {}) });
}

export function answer(request: RecommendRequest): RecommendResponse {
  const flag = request.stop ? new Int32Array(request.stop) : null;
  try {
    const result = runJob(
      request.instance,
      request.options,
      flag ? () => Atomics.load(flag, 0) !== 0 : undefined,
    );
    return { id: request.id, result };
  } catch (error) {
    return { id: request.id, error: toJobError(error) };
  }
}
