import { describe, expect, it } from 'vitest';
import { parseFixTime } from '../../src-main/ingest/fixTime';
import { KNOT_KMH, parseOsmandRequest } from '../../src-main/ingest/osmand';

const NOW = Date.UTC(2026, 10, 27, 8, 0);
const query = (text: string) => ({ query: new URLSearchParams(text), form: null, json: undefined, now: NOW });

describe('fix times', () => {
  it('reads Unix seconds below 2^31 and milliseconds above, as Traccar does', () => {
    expect(parseFixTime('1795766400')).toBe(1_795_766_400_000);
    expect(parseFixTime('1795766400123')).toBe(1_795_766_400_123);
    expect(parseFixTime('1795766400.5')).toBe(1_795_766_400_500);
    expect(parseFixTime(1_795_766_400)).toBe(1_795_766_400_000);
  });

  it('reads ISO 8601 with and without zone, and yyyy-MM-dd HH:mm:ss as UTC', () => {
    expect(parseFixTime('2026-11-27T08:00:00Z')).toBe(NOW);
    expect(parseFixTime('2026-11-27T08:00:00.250Z')).toBe(NOW + 250);
    expect(parseFixTime('2026-11-27T09:00:00+01:00')).toBe(NOW);
    expect(parseFixTime('2026-11-27T03:30:00-0430')).toBe(NOW);
    expect(parseFixTime('2026-11-27T08:00')).toBe(NOW);
    expect(parseFixTime('2026-11-27 08:00:00')).toBe(NOW);
  });

  it('refuses what is none of them, and dates that do not exist', () => {
    for (const text of [
      '',
      'now',
      '2026-02-30 10:00:00',
      '2026-13-01T00:00:00Z',
      '2026-11-27T25:00:00Z',
      '27.11.2026 08:00',
      '-5',
      '1e9',
    ]) {
      expect(parseFixTime(text), text).toBeNull();
    }
    expect(parseFixTime(Number.NaN)).toBeNull();
  });
});

describe('OsmAnd parameters', () => {
  it('turns knots into km/h and takes bearing or heading', () => {
    const result = parseOsmandRequest(
      query('id=7&lat=48.1&lon=11.5&timestamp=1795766400&speed=10&heading=90'),
    );
    expect(result).toEqual({
      ok: true,
      reports: [
        {
          deviceId: '7',
          at: NOW,
          lat: 48.1,
          lon: 11.5,
          speedKmh: 10 * KNOT_KMH,
          heading: 90,
          altitude: null,
          accuracyM: null,
          hdop: null,
          battery: null,
        },
      ],
    });
  });

  it('reads the form body over the query, and says where a bad value was', () => {
    const result = parseOsmandRequest({
      query: new URLSearchParams('id=7&lat=1'),
      form: new URLSearchParams('lat=48&lon=200'),
      json: undefined,
      now: NOW,
    });
    expect(result).toEqual({
      ok: false,
      issues: [{ field: 'lon', where: 'form body', message: 'must be at most 180' }],
    });
  });

  it('ignores parameters it does not know (valid, charge, driverUniqueId)', () => {
    const result = parseOsmandRequest(query('id=7&lat=48&lon=11&valid=true&charge=false&driverUniqueId=x'));
    expect(result.ok).toBe(true);
  });

  it('takes metres per second from the JSON body and treats negative values as unknown', () => {
    const result = parseOsmandRequest({
      query: new URLSearchParams(),
      form: null,
      json: {
        device_id: 'abc',
        location: {
          timestamp: '2026-11-27T08:00:00.000Z',
          coords: { latitude: 48, longitude: 11, speed: 10, heading: -1, accuracy: -1 },
          battery: { level: 0.5 },
        },
      },
      now: NOW,
    });
    expect(result.ok && result.reports[0]).toMatchObject({
      speedKmh: 36,
      heading: null,
      accuracyM: null,
      battery: 50,
    });
  });
});
