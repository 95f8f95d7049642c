import { z } from 'zod';
import { isTimeZone } from '../../imports/plant/cells';
import type { IngestStatus } from '../../ingest/ingestSettings';

// The plant's settings as one document: what settings.get returns and what settings.update takes
// in parts. Each value is validated here, once, for every way it can arrive.

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day like 06:00');
const name = z.string().trim().min(1, 'must not be empty').max(200);

export const plantSettings = z
  .object({
    id: z.string().trim().min(1).max(64).optional(),
    name,
    city: name,
    lat: z.number().min(-90, 'is not a latitude').max(90, 'is not a latitude'),
    lon: z.number().min(-180, 'is not a longitude').max(180, 'is not a longitude'),
    geofenceRadiusM: z.number().min(10, 'must be at least 10 m').max(50_000, 'may be at most 50 km'),
    timeZone: z.string().trim().refine(isTimeZone, 'is not a time zone (IANA, e.g. Europe/Berlin)'),
  })
  .strict();

export const shiftSettings = z
  .array(
    z
      .object({ id: z.string().trim().min(1).max(64), name, start: clock, end: clock })
      .strict()
      .refine((shift) => shift.start !== shift.end, {
        message: 'a shift must not start when it ends',
        path: ['end'],
      }),
  )
  .max(12)
  .refine(
    (shifts) => new Set(shifts.map((shift) => shift.id)).size === shifts.length,
    'shift ids must differ',
  );

const tileUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((url) => /^https:\/\/[^\s@]+$/.test(url), 'must be an https:// address without credentials')
  .refine((url) => ['{z}', '{x}', '{y}'].every((part) => url.includes(part)), 'must hold {z}, {x} and {y}');

export const baseMapSettings = z
  .object({
    source: z.enum(['offline', 'online']),
    tileUrl,
    attribution: z.string().trim().min(1).max(200),
  })
  .strict();

export const ingestSettings = z
  .object({
    enabled: z.boolean(),
    host: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .regex(/^[A-Za-z0-9.:_-]+$/, 'must be a host name or an IP address'),
    port: z.number().int().min(1).max(65535),
  })
  .strict();

export const syncSettings = z
  .object({
    /** The folder the ERP drops stock and order files into; null: no sync. */
    folder: z.string().trim().min(1).max(1000).nullable(),
    /** How often the folder is scanned besides the change notifications. */
    scanSeconds: z.number().int().min(5).max(3600),
  })
  .strict();

export const settingsUpdate = z
  .object({
    plant: plantSettings.partial().optional(),
    shifts: shiftSettings.optional(),
    frozenWindowMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .optional(),
    putAwayMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .optional(),
    baseMap: baseMapSettings.partial().optional(),
    ingest: ingestSettings.partial().optional(),
    language: z.enum(['de', 'en']).optional(),
    sync: syncSettings.partial().optional(),
  })
  .strict();
export type SettingsUpdate = z.infer<typeof settingsUpdate>;

export type PlantSettings = z.infer<typeof plantSettings>;
export type ShiftSetting = z.infer<typeof shiftSettings>[number];

export interface Settings {
  plant: (Required<PlantSettings> & { isDemo: boolean }) | null;
  shifts: ShiftSetting[];
  frozenWindowMinutes: number;
  putAwayMinutes: number;
  baseMap: z.infer<typeof baseMapSettings>;
  ingest: z.infer<typeof ingestSettings>;
  /** How the ingest listener fared with the settings last applied; null before it first started. */
  ingestStatus: IngestStatus | null;
  language: 'de' | 'en';
  sync: z.infer<typeof syncSettings>;
}
