import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';

// What the demo keeps between runs, in the `setting` table (JSON values):
// - demo.clock:   the simulated time the plant has reached (the demo clock resumes from it);
// - demo.lines:   what each line is doing (setup or unit in progress, waiting for a part);
// - demo.horizon: how far the plan reaches and where each line's plan ends (rolling horizon).

export const DEMO_CLOCK = 'demo.clock';
export const DEMO_LINES = 'demo.lines';
export const DEMO_HORIZON = 'demo.horizon';

export const demoClockSchema = z.object({ simulatedAt: z.number() });
export type DemoClockSetting = z.infer<typeof demoClockSchema>;

export const lineStateSchema = z.object({
  id: z.string(),
  productId: z.string().nullable(),
  phase: z.enum(['idle', 'setup', 'unit', 'waiting']),
  until: z.number(),
  orderId: z.string().nullable(),
  waitingPartId: z.string().nullable(),
  stoppedSince: z.number().nullable(),
});
export const demoLinesSchema = z.object({ lines: z.array(lineStateSchema) });
export type DemoLinesSetting = z.infer<typeof demoLinesSchema>;

export const lineCarrySchema = z.object({
  plannedEnd: z.number(),
  productId: z.string(),
  sequence: z.number().int(),
});
export const demoHorizonSchema = z.object({
  day0Start: z.number(),
  nextDayIndex: z.number().int(),
  carry: z.record(z.string(), lineCarrySchema),
});
export type DemoHorizonSetting = z.infer<typeof demoHorizonSchema>;

/** Reads a demo setting; null when missing or unreadable (the simulator then starts afresh). */
export function readSetting<T>(sqlite: BetterSqlite3.Database, key: string, schema: z.ZodType<T>): T | null {
  const row = sqlite.prepare('SELECT value FROM setting WHERE key = ?').get(key) as
    | { value: string }
    | undefined;
  if (!row) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeSetting(sqlite: BetterSqlite3.Database, key: string, value: unknown, at: number): void {
  sqlite
    .prepare(
      `INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(key, JSON.stringify(value), at);
}
