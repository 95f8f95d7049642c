import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IngestHarness, ingestHarness } from './ingest-harness';

// Property tests for every ingest route: random and mutated query strings, form bodies and JSON
// bodies never crash the server, never answer 500, and a refused request stores nothing.

let h: IngestHarness;
beforeAll(async () => {
  h = await ingestHarness({
    rateLimit: { perSecond: 1e6, burst: 1e6 },
    lockout: { maxFailures: 1e6, windowMs: 1000, lockMs: 1 },
  });
});
afterAll(() => h.dispose());

const RUNS = 120;
const ANSWERS = [200, 400, 401, 404, 405, 409, 413, 429];

/** Rows a refused request must leave as they were. */
function footprint() {
  const { sqlite } = h.t.ctx.database;
  const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  return {
    positions: count('SELECT count(*) AS n FROM position'),
    events: count('SELECT count(*) AS n FROM event_log'),
    deliveries: JSON.stringify(sqlite.prepare('SELECT * FROM inbound_delivery ORDER BY id').all()),
  };
}

async function expectSafe(path: string, init?: RequestInit) {
  const before = footprint();
  const response = await h.send(path, init);
  const text = await response.text();
  expect(ANSWERS, `${response.status} ${path} ${String(init?.body ?? '').slice(0, 200)} → ${text}`).toContain(
    response.status,
  );
  if (response.status !== 200) expect(footprint()).toEqual(before);
  return response.status;
}

const KEYS = [
  'id',
  'deviceid',
  'lat',
  'lon',
  'location',
  'timestamp',
  'speed',
  'bearing',
  'heading',
  'altitude',
  'accuracy',
  'hdop',
  'batt',
  'token',
  'valid',
];
const numberish = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-0',
    '1e400',
    '0x10',
    '',
    ' ',
    '48,1',
    '1795766400',
    '2026-11-27T08:00:00Z',
    '2026-11-27 08:00:00',
  ),
);
const parameter = fc.tuple(
  fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })),
  fc.oneof(numberish, fc.string({ maxLength: 30 }), fc.constantFrom('PHONE-1', 'PHONE-9', 'x'.repeat(80))),
);
const parameters = fc
  .array(parameter, { maxLength: 12 })
  .map((pairs) => new URLSearchParams(pairs).toString());
const rawText = fc.string({ unit: 'binary', maxLength: 200 });

/** A valid request's parameters with one value replaced or one removed. */
const mutatedFix = fc
  .tuple(fc.constantFrom(...KEYS.slice(0, 13)), fc.oneof(numberish, fc.constant(null)))
  .map(([key, value]) => {
    const params = new URLSearchParams({
      id: 'PHONE-1',
      lat: '49.1',
      lon: '12.4',
      timestamp: String(Date.UTC(2026, 10, 27, 8, 1)),
      speed: '40',
      bearing: '180',
    });
    if (value === null) params.delete(key);
    else params.set(key, value);
    return params.toString();
  });

const validJsonFix = () => ({
  device_id: 'PHONE-1',
  location: {
    timestamp: '2026-11-27T08:02:00Z',
    coords: { latitude: 49, longitude: 12, speed: 10, heading: 90, altitude: 300, accuracy: 5 },
    battery: { level: 0.5, is_charging: false },
  },
});
const validStatus = () => ({
  noticeNumber: 'ASN-D-1',
  event: 'delayed',
  at: '2026-11-27T08:00:00Z',
  eta: '2026-11-27T12:00:00Z',
  reason: 'Stau',
});
const validNotice = () => ({
  noticeNumber: 'ASN-P1',
  items: [{ lineNo: 1, partId: '4711-001', quantity: 5 }],
});

/** Replaces the value at a random path of a JSON document with a random JSON value. */
function mutate(document: unknown, steps: number[], replacement: unknown): unknown {
  if (steps.length === 0 || document === null || typeof document !== 'object') return replacement;
  const entries = Object.entries(document as Record<string, unknown>);
  if (entries.length === 0) return replacement;
  const [key, value] = entries[steps[0]! % entries.length]!;
  const copy: Record<string, unknown> = Array.isArray(document)
    ? ([...document] as never)
    : { ...(document as object) };
  copy[key] = mutate(value, steps.slice(1), replacement);
  return copy;
}
const mutation = (make: () => unknown) =>
  fc
    .tuple(
      fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      fc.oneof(fc.jsonValue(), fc.constant(undefined)),
    )
    .map(([steps, value]) => JSON.stringify(mutate(make(), steps, value)));

const bearer = () => ({ Authorization: `Bearer ${h.tokens.C1}` });

describe('every ingest route takes any input without a crash or a 500', () => {
  it('OsmAnd GET with random and mutated query strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(parameters, mutatedFix, rawText.map(encodeURI)), async (q) => {
        await expectSafe(`/osmand/${h.tokens.C1}?${q}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('OsmAnd POST with random form bodies and random content types', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(parameters, mutatedFix, rawText),
        fc.constantFrom('application/x-www-form-urlencoded', 'text/plain', 'application/json', ''),
        async (body, type) => {
          await expectSafe(`/osmand/${h.tokens.C1}`, {
            method: 'POST',
            headers: type ? { 'Content-Type': type } : {},
            body,
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('OsmAnd POST with random and mutated JSON bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          mutation(validJsonFix),
          rawText,
        ),
        async (body) => {
          await expectSafe(`/osmand/${h.tokens.C1}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body,
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('status events with random and mutated JSON bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          mutation(validStatus),
          rawText,
        ),
        async (body) => {
          await expectSafe('/partner/v1/status', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', ...bearer() },
            body,
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('shipping notices with random and mutated JSON bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          mutation(validNotice),
          rawText,
        ),
        async (body) => {
          await expectSafe('/partner/v1/notices', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${h.tokens.S1}` },
            body,
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('deliveries, random paths, methods and tokens', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        fc.oneof(
          fc.constantFrom('/partner/v1/deliveries', '/osmand', '/osmand/', '/partner/v1/status', '/'),
          fc.webPath(),
        ),
        fc.oneof(fc.constant(h.tokens.S2), fc.string({ maxLength: 60 }), fc.constant('')),
        async (method, path, token) => {
          const safeToken = token.replace(/[^\x21-\x7e]/g, '');
          await expectSafe(path, {
            method,
            headers: safeToken ? { Authorization: `Bearer ${safeToken}` } : {},
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
