import { z } from 'zod';
import type { ShippingNotice } from '../imports/notices/shippingNotice';
import { EARLIEST_FIX, parseFixTime } from './fixTime';

// The JSON bodies of /partner/v1/…: a status event and one shipping notice. Times are ISO 8601
// strings or epoch numbers (seconds below 2^31, milliseconds above, as for positions).

export const timeValue = z.union([z.string().max(40), z.number()]).transform((raw, context) => {
  const at = parseFixTime(raw);
  if (at === null || at < EARLIEST_FIX) {
    context.addIssue({
      code: 'custom',
      message: 'must be an ISO 8601 time or epoch seconds or milliseconds',
    });
    return z.NEVER;
  }
  return at;
});

const reference = z.string().trim().min(1, 'must not be empty').max(64, 'may be at most 64 characters');

export const statusEventSchema = z
  .object({
    noticeNumber: reference.optional(),
    deliveryId: reference.optional(),
    event: z.enum(['departed', 'delayed', 'arrived']),
    at: timeValue,
    eta: timeValue.optional(),
    reason: z.string().trim().max(500, 'may be at most 500 characters').optional(),
  })
  .strict()
  .superRefine((value, context) => {
    if ((value.noticeNumber === undefined) === (value.deliveryId === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['noticeNumber'],
        message: 'name the delivery by noticeNumber or by deliveryId (one of them)',
      });
    }
    if (value.event === 'delayed' && value.eta === undefined) {
      context.addIssue({ code: 'custom', path: ['eta'], message: 'is required for a delayed event' });
    }
    if (value.eta !== undefined && value.eta < value.at) {
      context.addIssue({ code: 'custom', path: ['eta'], message: 'must not lie before at' });
    }
  });

export type StatusEvent = z.output<typeof statusEventSchema>;

const party = z
  .object({
    partnerId: reference.optional(),
    partyId: reference.optional(),
    name: z.string().trim().min(1).max(120).optional(),
  })
  .strict();

const item = z
  .object({
    lineNo: z.number().int().min(1).max(9999),
    supplierPartNumber: z.string().trim().min(1).max(64).nullish(),
    partId: z.string().trim().min(1).max(64).nullish(),
    quantity: z.number().int().min(0).max(10_000_000),
    packages: z.number().int().min(0).max(100_000).nullish(),
  })
  .strict()
  .refine((value) => value.supplierPartNumber || value.partId, {
    message: 'needs a supplierPartNumber or a partId',
    path: ['supplierPartNumber'],
  });

/** One shipping notice; without a supplier the token's partner is the supplier. */
export const shippingNoticeSchema = z
  .object({
    noticeNumber: reference,
    supplier: party.optional(),
    carrier: party.nullish(),
    documentDate: timeValue.nullish(),
    despatchedAt: timeValue.nullish(),
    estimatedArrival: timeValue.nullish(),
    truckPlate: z.string().trim().min(1).max(20).nullish(),
    deviceId: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[\x21-\x7e]+$/, 'may hold only printable ASCII without spaces')
      .nullish(),
    references: z
      .array(z.object({ qualifier: z.string().trim().min(1).max(3), value: reference }).strict())
      .max(20)
      .optional(),
    items: z.array(item).min(1, 'needs at least one item').max(500),
  })
  .strict();

/** The request's notice in the shape every notice import shares. */
export function toShippingNotice(
  input: z.output<typeof shippingNoticeSchema>,
  partnerId: string,
): ShippingNotice {
  return {
    noticeNumber: input.noticeNumber,
    supplier: input.supplier ?? { partnerId },
    carrier: input.carrier ?? null,
    documentDate: input.documentDate ?? null,
    despatchedAt: input.despatchedAt ?? null,
    estimatedArrival: input.estimatedArrival ?? null,
    truckPlate: input.truckPlate ?? null,
    deviceId: input.deviceId ?? null,
    ...(input.references ? { references: input.references } : {}),
    items: input.items.map((line) => ({
      lineNo: line.lineNo,
      supplierPartNumber: line.supplierPartNumber ?? null,
      partId: line.partId ?? null,
      quantity: line.quantity,
      ...(line.packages !== undefined ? { packages: line.packages } : {}),
    })),
  };
}
