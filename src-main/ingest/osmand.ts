import { z } from 'zod';
import { EARLIEST_FIX, parseFixTime } from './fixTime';

// The OsmAnd protocol as Traccar Client and OsmAnd send it, parsed into position reports. Two
// shapes: parameters (query string or form body) and Traccar Client's newer JSON body. Speeds
// arrive in knots (parameters) or metres per second (JSON, from the background-geolocation
// library the client uses); a report carries km/h.

export const KNOT_KMH = 1.852;
export const MPS_KMH = 3.6;

/** One position fix, as the ingest stores it. */
export interface PositionReport {
  deviceId: string;
  at: number;
  lat: number;
  lon: number;
  speedKmh: number | null;
  heading: number | null;
  altitude: number | null;
  accuracyM: number | null;
  hdop: number | null;
  /** Battery level in per cent. */
  battery: number | null;
}

/** Where a refused value was: the field and the part of the request it came in. */
export interface InputIssue {
  field: string;
  where: 'path' | 'query' | 'form body' | 'JSON body';
  message: string;
}

export type ParseResult = { ok: true; reports: PositionReport[] } | { ok: false; issues: InputIssue[] };

/** A fix may lie this far ahead of the plant clock (phones with a skewed clock); beyond is refused. */
export const MAX_FUTURE_MS = 24 * 60 * 60_000;

const deviceId = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'may be at most 64 characters')
  .regex(/^[\x21-\x7e]+$/, 'may hold only printable ASCII without spaces');

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const numberText = (min: number, max: number, unit = '') =>
  z
    .string()
    .trim()
    .regex(NUMBER_TEXT, 'must be a number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}${unit}`).max(max, `must be at most ${max}${unit}`));

const fixTimeText = z
  .string()
  .trim()
  .max(40, 'is too long for a time')
  .transform((text, context) => {
    const at = parseFixTime(text);
    if (at === null || at < EARLIEST_FIX) {
      context.addIssue({
        code: 'custom',
        message: 'must be Unix seconds, Unix milliseconds, ISO 8601 or yyyy-MM-dd HH:mm:ss (UTC)',
      });
      return z.NEVER;
    }
    return at;
  });

const locationText = z
  .string()
  .trim()
  .regex(/^[^,]+,[^,]+$/, 'must be "lat,lon"')
  .transform((text) => text.split(',') as [string, string])
  .pipe(z.tuple([numberText(-90, 90), numberText(-180, 180)]));

/** The parameters Leitstand reads; others (valid, charge, driverUniqueId …) are ignored. */
const parameterSchema = z.object({
  id: deviceId.optional(),
  deviceid: deviceId.optional(),
  lat: numberText(-90, 90).optional(),
  lon: numberText(-180, 180).optional(),
  location: locationText.optional(),
  timestamp: fixTimeText.optional(),
  speed: numberText(0, 500, ' knots').optional(),
  bearing: numberText(0, 360).optional(),
  heading: numberText(0, 360).optional(),
  altitude: numberText(-1000, 20_000, ' m').optional(),
  accuracy: numberText(0, 100_000, ' m').optional(),
  hdop: numberText(0, 100).optional(),
  batt: numberText(0, 100, ' %').optional(),
});

const PARAMETER_NAMES = Object.keys(parameterSchema.shape);

/** Negative values are the geolocation library's "unknown"; anything else must be a number. */
const optionalMeasure = (min: number, max: number) =>
  z
    .number()
    .nullish()
    .transform((value) => (value === null || value === undefined || value < 0 ? null : value))
    .pipe(z.number().min(min).max(max).nullable());

const jsonLocation = z.object({
  timestamp: z.union([z.string().max(40), z.number()]).transform((raw, context) => {
    const at = parseFixTime(raw);
    if (at === null || at < EARLIEST_FIX) {
      context.addIssue({
        code: 'custom',
        message: 'must be an ISO 8601 time or Unix seconds or milliseconds',
      });
      return z.NEVER;
    }
    return at;
  }),
  coords: z.object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    speed: optionalMeasure(0, 260),
    heading: optionalMeasure(0, 360),
    altitude: z.number().min(-1000).max(20_000).nullish(),
    accuracy: optionalMeasure(0, 100_000),
  }),
  battery: z.object({ level: optionalMeasure(0, 1), is_charging: z.boolean().optional() }).optional(),
});

// One location or a batch of them; told apart before parsing, so a refusal names the field
// ("location.coords.latitude") rather than "matches neither form".
const jsonSchema = z.object({
  device_id: deviceId.optional(),
  location: z.unknown().pipe(
    z
      .custom<unknown>((value) => value !== undefined, 'is required')
      .transform((value, context) => {
        const schema = Array.isArray(value) ? z.array(jsonLocation).min(1).max(100) : jsonLocation;
        const parsed = schema.safeParse(value);
        if (parsed.success) return parsed.data;
        for (const issue of parsed.error.issues)
          context.addIssue({ ...issue, code: 'custom', path: issue.path });
        return z.NEVER;
      }),
  ),
});

export interface OsmandRequest {
  query: URLSearchParams;
  /** The form body's parameters, when the body was a form. */
  form: URLSearchParams | null;
  /** The parsed JSON body, when it was JSON. */
  json: unknown;
  /** The plant time now: fixes far in its future are refused. */
  now: number;
}

const asIssues = (error: z.ZodError, where: InputIssue['where']): InputIssue[] =>
  error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(body)',
    where,
    message: issue.message,
  }));

/** First value of each known parameter, and which part of the request it came from. */
function collectParameters(query: URLSearchParams, form: URLSearchParams | null) {
  const values: Record<string, string> = {};
  const source: Record<string, InputIssue['where']> = {};
  for (const [params, where] of [
    [query, 'query'],
    [form, 'form body'],
  ] as const) {
    if (!params) continue;
    for (const name of PARAMETER_NAMES) {
      const value = params.get(name);
      if (value !== null) {
        values[name] = value;
        source[name] = where;
      }
    }
  }
  return { values, source };
}

function futureIssue(at: number, now: number, field: string, where: InputIssue['where']): InputIssue[] {
  return at > now + MAX_FUTURE_MS ? [{ field, where, message: 'lies more than 24 hours in the future' }] : [];
}

function parseParameters(request: OsmandRequest): ParseResult {
  const { values, source } = collectParameters(request.query, request.form);
  const parsed = parameterSchema.safeParse(values);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? '(parameters)');
        return { field, where: source[field] ?? 'query', message: issue.message };
      }),
    };
  }
  const p = parsed.data;
  const issues: InputIssue[] = [];
  const device = p.id ?? p.deviceid;
  if (device === undefined)
    issues.push({ field: 'id', where: 'query', message: 'id or deviceid is required' });
  const lat = p.lat ?? p.location?.[0];
  const lon = p.lon ?? p.location?.[1];
  if (lat === undefined || lon === undefined) {
    issues.push({ field: 'lat', where: 'query', message: 'lat and lon (or location=lat,lon) are required' });
  }
  const at = p.timestamp ?? request.now;
  issues.push(...futureIssue(at, request.now, 'timestamp', source.timestamp ?? 'query'));
  if (issues.length > 0 || device === undefined || lat === undefined || lon === undefined) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    reports: [
      {
        deviceId: device,
        at,
        lat,
        lon,
        speedKmh: p.speed === undefined ? null : p.speed * KNOT_KMH,
        heading: p.bearing ?? p.heading ?? null,
        altitude: p.altitude ?? null,
        accuracyM: p.accuracy ?? null,
        hdop: p.hdop ?? null,
        battery: p.batt ?? null,
      },
    ],
  };
}

function parseJson(request: OsmandRequest): ParseResult {
  const parsed = jsonSchema.safeParse(request.json);
  if (!parsed.success) return { ok: false, issues: asIssues(parsed.error, 'JSON body') };
  const { values } = collectParameters(request.query, null);
  const queryDevice = deviceId.safeParse(values.id ?? values.deviceid);
  const device = parsed.data.device_id ?? (queryDevice.success ? queryDevice.data : undefined);
  if (device === undefined) {
    return {
      ok: false,
      issues: [{ field: 'device_id', where: 'JSON body', message: 'device_id is required' }],
    };
  }
  const locations = Array.isArray(parsed.data.location) ? parsed.data.location : [parsed.data.location];
  const issues = locations.flatMap((location, index) =>
    futureIssue(
      location.timestamp,
      request.now,
      Array.isArray(parsed.data.location) ? `location.${index}.timestamp` : 'location.timestamp',
      'JSON body',
    ),
  );
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    reports: locations.map((location) => ({
      deviceId: device,
      at: location.timestamp,
      lat: location.coords.latitude,
      lon: location.coords.longitude,
      speedKmh: location.coords.speed === null ? null : location.coords.speed * MPS_KMH,
      heading: location.coords.heading,
      altitude: location.coords.altitude ?? null,
      accuracyM: location.coords.accuracy,
      hdop: null,
      battery: location.battery?.level == null ? null : location.battery.level * 100,
    })),
  };
}

/** Parses one OsmAnd request into its position reports, or says what is wrong and where. */
export function parseOsmandRequest(request: OsmandRequest): ParseResult {
  return request.json !== undefined ? parseJson(request) : parseParameters(request);
}
