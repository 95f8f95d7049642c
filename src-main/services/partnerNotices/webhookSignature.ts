import { createHmac, timingSafeEqual } from 'node:crypto';

// Webhook signatures, in the manner of Stripe's: the sender signs `<unix seconds>.<raw body>`
// with HMAC-SHA256 and the channel's secret, and sends
//
//   X-Leitstand-Signature: t=<unix seconds>,v1=<hex digest>
//
// A receiver verifies a notice like this:
//   1. read the raw request body as bytes, before any JSON parsing;
//   2. split the header at "," into t=… and v1=… (ignore unknown parts: newer schemes may follow);
//   3. compute HMAC-SHA256(secret, t + "." + body) in hex and compare it with v1 in constant time;
//   4. refuse when |now − t| exceeds a tolerance (5 minutes here), so a captured request cannot
//      be replayed later;
//   5. drop a notice whose X-Leitstand-Notice-Id it has processed before: after a crash mid-send
//      Leitstand sends the same notice (same id, same body) again rather than risk losing it.

export const SIGNATURE_HEADER = 'x-leitstand-signature';
export const NOTICE_ID_HEADER = 'x-leitstand-notice-id';
export const DEFAULT_TOLERANCE_SECONDS = 300;

function digest(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The header value for `body` sent at `nowMs`. */
export function signWebhook(secret: string, body: string, nowMs: number): string {
  const timestamp = Math.floor(nowMs / 1000);
  return `t=${timestamp},v1=${digest(secret, timestamp, body)}`;
}

export type SignatureCheck =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'malformed' | 'mismatch' | 'expired' };

/** What a receiver does (and what the tests' receiver does). */
export function verifyWebhook(
  secret: string,
  body: string,
  header: string | undefined,
  nowMs: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'malformed' };
  const parts = new Map<string, string[]>();
  for (const piece of header.split(',')) {
    const at = piece.indexOf('=');
    if (at <= 0) continue;
    const key = piece.slice(0, at).trim();
    parts.set(key, [...(parts.get(key) ?? []), piece.slice(at + 1).trim()]);
  }
  const t = parts.get('t')?.[0];
  const signatures = parts.get('v1') ?? [];
  if (!t || !/^\d{1,12}$/.test(t) || signatures.length === 0) return { ok: false, reason: 'malformed' };
  const timestamp = Number(t);
  const expected = Buffer.from(digest(secret, timestamp, body), 'hex');
  const matches = signatures.some((candidate) => {
    if (!/^[0-9a-f]{64}$/i.test(candidate)) return false;
    return timingSafeEqual(Buffer.from(candidate, 'hex'), expected);
  });
  if (!matches) return { ok: false, reason: 'mismatch' };
  if (Math.abs(Math.floor(nowMs / 1000) - timestamp) > toleranceSeconds)
    return { ok: false, reason: 'expired' };
  return { ok: true, timestamp };
}
