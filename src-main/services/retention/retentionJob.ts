import type { Logger } from '../../api/registry';
import type { AppContext } from '../../app/context';
import { type RetentionPassResult, type RetentionWatermark, runPositionRetention } from './positionRetention';

// The periodic retention pass: a minute after start (so it never slows the start itself), then
// every six hours. Ages are measured on the plant clock, so a sped-up demo ages its tracks as
// fast as it drives them. The watermark lives in memory only: the first pass after a start
// visits the whole history once (seconds for a year), later passes only what aged since.

const FIRST_PASS_DELAY_MS = 60_000;
const INTERVAL_MS = 6 * 60 * 60 * 1000;

export interface PositionRetentionJob {
  /** Runs a pass now (or joins the one running) and resolves with its result. */
  runNow(): Promise<RetentionPassResult | null>;
  stop(): Promise<void>;
}

export function startPositionRetention(
  ctx: AppContext,
  options: { logger?: Logger; firstDelayMs?: number; intervalMs?: number } = {},
): PositionRetentionJob {
  const logger = options.logger ?? console;
  let stopped = false;
  let running: Promise<RetentionPassResult | null> | null = null;
  let watermark: RetentionWatermark | undefined;

  async function pass(): Promise<RetentionPassResult | null> {
    const started = Date.now();
    const result = await runPositionRetention(ctx.database.sqlite, ctx.clock.now(), {
      ...(watermark ? { since: watermark } : {}),
      shouldStop: () => stopped,
    });
    watermark = result.watermark;
    if (result.deleted > 0) {
      logger.info(
        `[retention] thinned ${result.deleted} old positions in ${result.transactions} transactions, ${Date.now() - started} ms`,
      );
    }
    return result;
  }

  const runNow = (): Promise<RetentionPassResult | null> => {
    if (stopped) return Promise.resolve(null);
    running ??= pass()
      .catch((error: unknown) => {
        // The next pass tries again from the same watermark; nothing was half-deleted (each
        // slice is its own transaction).
        logger.error('[retention] position retention failed', error);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const first = setTimeout(() => void runNow(), options.firstDelayMs ?? FIRST_PASS_DELAY_MS);
  first.unref?.();
  const timer = setInterval(() => void runNow(), options.intervalMs ?? INTERVAL_MS);
  timer.unref?.();

  return {
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
