/** Random tokens and their constant-time comparison (sessions, CSRF). */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random 32-byte token, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 (hex) under which a session token is stored. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time equality of two tokens (false for missing or different lengths). */
export function tokensEqual(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
