import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ingestUrlHints, readIngestSettings } from '../../src-main/ingest/ingestSettings';
import { TokenBucketLimiter } from '../../src-main/ingest/rateLimit';

describe('the token bucket', () => {
  it('lets a burst through, then the sustained rate, per key', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perSecond: 10, burst: 3 }, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([0, 0, 0, 100]);
    expect(limiter.take('b')).toBe(0);
    now = 100;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(100);
    now = 10_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([0, 0, 0, 100]);
  });
});

describe('the ingest settings', () => {
  const withSettings = (rows: [string, string][]) => {
    const sqlite = new BetterSqlite3(':memory:');
    sqlite.exec(
      'CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL)',
    );
    for (const [key, value] of rows) sqlite.prepare('INSERT INTO setting VALUES (?, ?, 0)').run(key, value);
    return sqlite;
  };

  it('defaults to loopback on port 4880, and reads what is stored', () => {
    expect(readIngestSettings(withSettings([]))).toEqual({ enabled: true, host: '127.0.0.1', port: 4880 });
    expect(
      readIngestSettings(
        withSettings([
          ['ingest.enabled', 'false'],
          ['ingest.host', '"0.0.0.0"'],
          ['ingest.port', '5055'],
        ]),
      ),
    ).toEqual({ enabled: false, host: '0.0.0.0', port: 5055 });
  });

  it('ignores values that do not parse', () => {
    expect(
      readIngestSettings(
        withSettings([
          ['ingest.enabled', '"yes please"'],
          ['ingest.host', '"evil host; rm"'],
          ['ingest.port', '99999'],
        ]),
      ),
    ).toEqual({ enabled: true, host: '127.0.0.1', port: 4880 });
  });

  it('gives the addresses a partner configures', () => {
    expect(ingestUrlHints({ enabled: true, host: '127.0.0.1', port: 4880 }, 'TOKEN')).toEqual({
      enabled: true,
      loopbackOnly: true,
      osmandUrl: 'http://127.0.0.1:4880/osmand/TOKEN',
      partnerApiUrl: 'http://127.0.0.1:4880/partner/v1/',
    });
    expect(ingestUrlHints({ enabled: true, host: '0.0.0.0', port: 4880 }, 'T').osmandUrl).toBe(
      'http://<this-computer>:4880/osmand/T',
    );
  });
});
