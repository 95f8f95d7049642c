import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from '../../src-main/services/partnerNotices/webhookSignature';

const secret = 'whsec-kabelwerk-0123456789';
const body = '{"id":"N-1","kind":"slot_confirmation"}';
const now = Date.UTC(2026, 10, 27, 9, 0, 12, 345);

describe('webhook signatures', () => {
  it('signs `timestamp.body` with HMAC-SHA256 as a receiver recomputes it', () => {
    const header = signWebhook(secret, body, now);
    const t = Math.floor(now / 1000);
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
    expect(verifyWebhook(secret, body, header, now)).toEqual({ ok: true, timestamp: t });
  });

  it('refuses a changed body, another secret, a missing or garbled header', () => {
    const header = signWebhook(secret, body, now);
    expect(verifyWebhook(secret, `${body} `, header, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhook('another-secret-xyz', body, header, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhook(secret, body, undefined, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyWebhook(secret, body, 'v1=abc', now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyWebhook(secret, body, header.replace(/v1=[0-9a-f]+/, 'v1=zz'), now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a replay outside the tolerance, in both directions', () => {
    const header = signWebhook(secret, body, now);
    expect(verifyWebhook(secret, body, header, now + 299_000).ok).toBe(true);
    expect(verifyWebhook(secret, body, header, now + 301_000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyWebhook(secret, body, header, now - 301_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('accepts any of several v1 signatures (a receiver rotating its secret) and ignores unknown parts', () => {
    const header = signWebhook(secret, body, now);
    const rotated = `${header.replace('v1=', 'v0=xyz,v1=')},v1=${'0'.repeat(64)}`;
    expect(verifyWebhook(secret, body, rotated, now).ok).toBe(true);
  });
});
