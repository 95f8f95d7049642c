import { z } from 'zod';
import { issueError } from './instanceError';
import { checkRelations } from './relations';
import type { Instance } from './types';

// The JSON shape of an instance (RESCHEDULING.md) with the rules a single field can break on its
// own; relations.ts checks the rules between fields (ids, references, the plan).

const isTime = (value: number) => Number.isFinite(value) && Number.isInteger(value * 64);
const TIME_RULE = 'must be a multiple of 1/64 minute';

const number = () => z.number({ error: 'must be a number' });
const whole = (min: 0 | 1) =>
  number().refine((value) => Number.isSafeInteger(value) && value >= min, {
    error: min === 0 ? 'must be a whole number ≥ 0' : 'must be a positive whole number',
  });
/** A time: a multiple of 1/64 minute, with an extra bound. */
const time = (bound: 'any' | 'nonNegative' | 'positive') =>
  number()
    .refine(isTime, { error: TIME_RULE, abort: true })
    .refine((value) => (bound === 'any' ? true : bound === 'positive' ? value > 0 : value >= 0), {
      error: bound === 'positive' ? 'must be positive' : 'must be ≥ 0',
    });
const id = () => z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' });

const partSchema = z.object({ id: id(), stock: whole(0) });
const productSchema = z.object({ id: id(), bom: z.record(z.string(), whole(0)) });
const lineSchema = z.object({
  id: id(),
  minutesPerUnit: z.record(z.string(), time('positive')),
  setup: z.record(z.string(), z.record(z.string(), time('nonNegative'))).optional(),
  initialProduct: id().nullable().optional(),
});
const orderSchema = z.object({
  id: id(),
  product: id(),
  quantity: whole(1),
  due: time('any'),
  eligibleLines: z.array(id()).optional(),
  frozen: z.boolean({ error: 'must be true or false' }).optional(),
});
const supplySchema = z.object({ part: id(), quantity: whole(0), at: time('nonNegative') });

export const instanceSchema = z.object({
  horizon: time('positive'),
  parts: z.array(partSchema).default([]),
  products: z.array(productSchema),
  lines: z.array(lineSchema),
  orders: z.array(orderSchema),
  plan: z.record(z.string(), z.array(id())),
  supplies: z.array(supplySchema).default([]),
});

/**
 * Checks the shape of an instance and the rules each field has on its own (relations.ts adds the
 * rules between fields). Throws InstanceError naming the first field that breaks one:
 * "orders[3].quantity: must be a positive whole number".
 */
export function parseInstanceFields(raw: unknown): Instance {
  const result = instanceSchema.safeParse(raw);
  if (!result.success) throw issueError(raw, result.error.issues[0]!);
  return result.data;
}

/**
 * Reads an instance in the JSON format of RESCHEDULING.md: the shape and per-field rules, then the
 * rules between fields (relations.ts). Throws InstanceError naming the field path:
 * "orders[3].quantity: must be a positive whole number", "plan: order O5 is on no line".
 */
export function parseInstance(raw: unknown): Instance {
  const instance = parseInstanceFields(raw);
  checkRelations(instance);
  return instance;
}
