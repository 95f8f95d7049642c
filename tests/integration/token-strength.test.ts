import * as crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { procedures } from '../../src-main/api/procedures/index';
import { type Caller, callProcedure } from '../../src-main/api/registry';
import { FailureLockout } from '../../src-main/server/lockout';
import { verifyPartnerToken } from '../../src-main/services/accessTokens/partnerTokens';
import { hashTokenSecret, newTokenSecret, sameHash } from '../../src-main/services/accessTokens/secret';
import { verifyViewerToken } from '../../src-main/services/accessTokens/verify';
import { loadFixturePlant } from '../support/fixturePlant';
import { testContext } from '../support/testContext';

// Issue 9, security: every kind of token (viewer links for wall screens, partner tokens for the
// ingest) carries at least 128 random bits, is stored only as a hash, is compared in constant
// time, and guessing is locked out. The lockouts of both servers over HTTP are tested in
// viewer-links.test.ts and ingest-security.test.ts; the policy itself is tested here.

// The real crypto, watched: which random source and which comparison the token code uses.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return {
    ...actual,
    randomBytes: vi.fn(actual.randomBytes),
    timingSafeEqual: vi.fn(actual.timingSafeEqual),
  };
});

const desk: Caller = { transport: 'internal', access: 'write' };
const silent = { error: () => {}, warn: () => {}, info: () => {} };
const MIN_BITS = 128;

let t: Awaited<ReturnType<typeof testContext>>;
beforeEach(async () => {
  t = await testContext();
  await loadFixturePlant(t.ctx);
  vi.mocked(crypto.randomBytes).mockClear();
  vi.mocked(crypto.timingSafeEqual).mockClear();
});
afterEach(() => t.dispose());

async function created(name: 'viewerLinks.create' | 'partnerTokens.create', input: object): Promise<string> {
  const result = await callProcedure(t.ctx, procedures, name, input, desk, silent);
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { token: string }).token;
}

const TOKEN_KINDS = {
  'viewer link': () => created('viewerLinks.create', { label: 'Wand Halle 3' }),
  'partner token': () => created('partnerTokens.create', { partnerId: 'C1', label: 'Fahrer-Handys' }),
} as const;

/** Ones among all bits of the given tokens (decoded from base64url). */
function countOnes(tokens: readonly string[]): { ones: number; bits: number } {
  let ones = 0;
  let bits = 0;
  for (const token of tokens) {
    for (const byte of Buffer.from(token, 'base64url')) {
      for (let bit = 0; bit < 8; bit++) ones += (byte >> bit) & 1;
      bits += 8;
    }
  }
  return { ones, bits };
}

describe.each(Object.entries(TOKEN_KINDS))('a %s', (_kind, create) => {
  it(`carries at least ${MIN_BITS} bits from the operating system's random source`, async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 40; i++) tokens.push(await create());
    // Each token is one call of crypto.randomBytes, with at least 16 bytes, encoded whole.
    const draws = vi.mocked(crypto.randomBytes).mock.calls.map(([size]) => size);
    expect(draws.filter((size) => size * 8 >= MIN_BITS)).toHaveLength(tokens.length);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(MIN_BITS);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
    // And the bits look random: the share of ones lies within 5 standard deviations of one half.
    const { ones, bits } = countOnes(tokens);
    expect(Math.abs(ones - bits / 2)).toBeLessThan(5 * Math.sqrt(bits / 4));
  });

  it('is stored only as its hash: neither the text nor its bytes are anywhere in the database files', async () => {
    const token = await create();
    const raw = Buffer.from(token, 'base64url');
    const files = () =>
      ['plant.db', 'plant.db-wal'].flatMap((name) => {
        try {
          return [{ name, bytes: readFileSync(t.folder.file(name)) }];
        } catch {
          return [];
        }
      });
    // The hash must turn up, so the scan reads the right bytes: first in the WAL, then, after a
    // checkpoint has written every page back, in the database file.
    const scan = () => {
      const scanned = files();
      for (const { name, bytes } of scanned) {
        expect(bytes.includes(token), `${name} holds the token`).toBe(false);
        expect(bytes.includes(raw), `${name} holds the token's bytes`).toBe(false);
      }
      return scanned.filter(({ bytes }) => bytes.includes(hashTokenSecret(token))).map(({ name }) => name);
    };
    expect(scan()).toContain('plant.db-wal');
    t.ctx.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(scan()).toEqual(['plant.db']);
  });
});

describe('checking a presented token', () => {
  it('compares hashes in constant time, for viewer links and partner tokens alike', async () => {
    const viewer = await TOKEN_KINDS['viewer link']();
    const partner = await TOKEN_KINDS['partner token']();
    const compare = vi.mocked(crypto.timingSafeEqual);

    compare.mockClear();
    expect(await verifyViewerToken(t.ctx, viewer)).toBe(true);
    expect(compare).toHaveBeenCalledOnce();
    const [left, right] = compare.mock.calls[0]!;
    expect(Buffer.from(left as Uint8Array).toString('hex')).toBe(hashTokenSecret(viewer));
    expect(Buffer.from(right as Uint8Array).toString('hex')).toBe(hashTokenSecret(viewer));

    compare.mockClear();
    expect(verifyPartnerToken(t.ctx.database.sqlite, partner, t.clock.now())).toMatchObject({
      partnerId: 'C1',
    });
    expect(compare).toHaveBeenCalledOnce();
    // From the cache as well: a cached token is compared the same way, not by ===.
    compare.mockClear();
    expect(verifyPartnerToken(t.ctx.database.sqlite, partner, t.clock.now())).not.toBeNull();
    expect(compare).toHaveBeenCalledOnce();
  });

  it('refuses a forged token of the right shape before any comparison can leak', async () => {
    await TOKEN_KINDS['viewer link']();
    const forged = newTokenSecret();
    expect(await verifyViewerToken(t.ctx, forged)).toBe(false);
    expect(verifyPartnerToken(t.ctx.database.sqlite, forged, t.clock.now())).toBeNull();
    // Wrong shapes are refused without a database lookup; hashes of other lengths compare false.
    for (const shape of ['', 'short', `${forged}=`, 'x'.repeat(10_000)]) {
      expect(await verifyViewerToken(t.ctx, shape), shape.slice(0, 20)).toBe(false);
    }
    expect(sameHash('ab', 'abcd')).toBe(false);
    expect(sameHash(hashTokenSecret(forged), hashTokenSecret(forged))).toBe(true);
  });
});

describe('guessing is locked out', () => {
  it('locks an address after 10 failures within 5 minutes, for 5 minutes, and others not at all', () => {
    let now = 0;
    const lockout = new FailureLockout(undefined, () => now);
    for (let i = 0; i < 9; i++) lockout.recordFailure('10.0.0.7');
    expect(lockout.retryAfterMs('10.0.0.7')).toBe(0);
    lockout.recordFailure('10.0.0.7');
    expect(lockout.retryAfterMs('10.0.0.7')).toBe(5 * 60_000);
    expect(lockout.retryAfterMs('10.0.0.8')).toBe(0);
    now += 5 * 60_000;
    expect(lockout.retryAfterMs('10.0.0.7')).toBe(0);
  });

  it('forgets failures older than its window: nine per five minutes never add up to a lock', () => {
    let now = 0;
    const lockout = new FailureLockout(undefined, () => now);
    for (let i = 0; i < 50; i++) {
      lockout.recordFailure('10.0.0.7');
      now += 35_000;
    }
    expect(lockout.retryAfterMs('10.0.0.7')).toBe(0);
  });
});
