import { z } from 'zod';

// Building blocks for procedure inputs: every value from outside is bounded.

export const entityId = z.string().trim().min(1).max(64);
export const epochMs = z
  .number()
  .int()
  .min(0)
  .max(8_640_000_000_000_000, 'must be a time in epoch milliseconds');
export const plantDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day like 2026-11-27');
export const searchText = z.string().trim().max(100);
export const deliveryStatus = z.enum([
  'announced',
  'in_transit',
  'at_gate',
  'at_door',
  'unloading',
  'unloaded',
  'departed',
  'cancelled',
]);
export const noInput = z.object({}).strict();
