import { Worker } from 'node:worker_threads';
import type { RecommendResult } from '../../../domain/reschedule/recommender/index';
import { fromJobError, type RecommendJobOptions, type RecommendResponse, runJob } from './recommendJob';

// Runs recommendations off the main thread: one long-lived worker, started on first use, that
// takes jobs one after another. A job can be stopped through an AbortSignal (the worker sees a
// shared flag between evaluations); a crashed worker fails its pending jobs and is replaced.

export interface RunControl {
  signal?: AbortSignal;
}

export type RunRecommendation = (
  instance: unknown,
  options?: RecommendJobOptions,
  control?: RunControl,
) => Promise<RecommendResult>;

export interface RecommendationRunner {
  readonly mode: 'worker' | 'inline';
  /** `instance` is an Instance or raw JSON: it is validated (parseInstance) before the search. */
  runRecommendation: RunRecommendation;
  /** Ends the worker (pending jobs fail); a later job starts a new one. */
  close(): Promise<void>;
}

/**
 * The built worker next to the main bundle's entries (out/main/recommendWorker.js). Shared code
 * may sit in out/main/chunks/, so the URL is taken from the bundle folder, not from this module.
 */
export function defaultWorkerUrl(moduleUrl: string = import.meta.url): URL {
  return new URL(
    /\/chunks\/[^/]*$/.test(moduleUrl) ? '../recommendWorker.js' : './recommendWorker.js',
    moduleUrl,
  );
}

const abortReason = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('The recommendation was aborted', 'AbortError');

/** In this thread: for tests under TypeScript sources (a worker cannot load .ts) and for tools. */
export const runRecommendationInline: RunRecommendation = async (instance, options, control) => {
  const signal = control?.signal;
  if (signal?.aborted) throw abortReason(signal);
  const result = runJob(instance, options, signal ? () => signal.aborted : undefined);
  if (signal?.aborted) throw abortReason(signal);
  return result;
};

interface PendingJob {
  resolve(result: RecommendResult): void;
  reject(error: unknown): void;
}

class WorkerRunner implements RecommendationRunner {
  readonly mode = 'worker';
  private worker: Worker | null = null;
  private readonly pending = new Map<number, PendingJob>();
  private nextId = 1;
  private readonly url: URL;

  constructor(url: URL) {
    this.url = url;
  }

  runRecommendation: RunRecommendation = (instance, options, control) => {
    const signal = control?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const id = this.nextId++;
    const stop = new SharedArrayBuffer(4);
    const worker = this.start();
    return new Promise<RecommendResult>((resolve, reject) => {
      const onAbort = () => {
        // The worker stops at its next evaluation and answers; the caller need not wait for it.
        Atomics.store(new Int32Array(stop), 0, 1);
        settle(() => reject(abortReason(signal!)));
      };
      let settled = false;
      const settle = (finish: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        finish();
      };
      this.pending.set(id, {
        resolve: (result) => settle(() => resolve(result)),
        reject: (error) => settle(() => reject(error)),
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.ref();
      worker.postMessage({ id, instance, options, stop });
    });
  };

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.failAll(new Error('The recommendation worker was closed'));
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.url);
    worker.on('message', (response: RecommendResponse) => {
      const job = this.pending.get(response.id);
      this.pending.delete(response.id);
      // An idle worker must not keep the process alive.
      if (this.pending.size === 0) worker.unref();
      if (!job) return;
      if ('result' in response) job.resolve(response.result);
      else job.reject(fromJobError(response.error));
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error(`The recommendation worker stopped (exit code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: unknown): void {
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) job.reject(error);
  }
}

const inlineRunner: RecommendationRunner = {
  mode: 'inline',
  runRecommendation: runRecommendationInline,
  close: async () => undefined,
};

/** 'worker' in the app (workerUrl defaults to the built bundle's); 'inline' where no bundle is built. */
export function createRecommendationRunner(
  options: { mode: 'worker'; workerUrl?: URL } | { mode: 'inline' },
): RecommendationRunner {
  return options.mode === 'inline' ? inlineRunner : new WorkerRunner(options.workerUrl ?? defaultWorkerUrl());
}

let shared: RecommendationRunner | null = null;

/** The app's shared worker: started on first use, kept for the next job. */
export const runRecommendation: RunRecommendation = (instance, options, control) => {
  shared ??= createRecommendationRunner({ mode: 'worker' });
  return shared.runRecommendation(instance, options, control);
};
