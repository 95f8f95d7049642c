import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// A token is 32 random bytes (256 bits) in base64url: far beyond guessing, and safe in a URL.
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newTokenSecret(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * Only this hash is stored: a copy of the database (a backup, a support bundle) then holds
 * nothing that opens the wall. SHA-256 without salt suffices because the secret is random, not
 * a password a person chose.
 */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Cheap shape check before any database work; anything else is refused the same way. */
export function looksLikeTokenSecret(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** Compares two hex hashes in constant time, so timing tells nothing about how much matched. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
