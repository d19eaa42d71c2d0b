/**
 * HMAC-SHA256 signatures of relay requests, in both directions:
 * `X-Kotae-Signature: v1=<hex HMAC(secret, "<timestamp>.<nonce>.<raw body>")>` with
 * `X-Kotae-Key-Id`, `X-Kotae-Timestamp` (Unix seconds) and `X-Kotae-Nonce`. Verification checks the
 * key id (two may be active during a rotation), the clock skew (±300 s), the nonce (never seen
 * within the window) and the signature (constant-time comparison).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { KotaeError } from '../../core';
import { LOGO_MESSAGES as M } from './messages';

/** A relay signing key. */
export interface RelayKey {
  id: string;
  secret: string;
}

export const SIGNATURE_HEADERS = Object.freeze({
  keyId: 'x-kotae-key-id',
  timestamp: 'x-kotae-timestamp',
  nonce: 'x-kotae-nonce',
  signature: 'x-kotae-signature',
});

/** Allowed clock difference between Kotae and the relay. */
export const MAX_SKEW_SECONDS = 300;

/** The signature of a body. */
export function sign(secret: string, timestamp: string, nonce: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${nonce}.`).update(rawBody).digest('hex');
}

/** Headers for a request Kotae sends to the relay (signed with the first active key). */
export function signedHeaders(key: RelayKey, rawBody: string, nowMs: number): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  const nonce = randomBytes(16).toString('hex');
  return {
    [SIGNATURE_HEADERS.keyId]: key.id,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: `v1=${sign(key.secret, timestamp, nonce, rawBody)}`,
  };
}

/** Remembers nonces for the skew window; bounded (oldest forgotten first). */
class NonceCache {
  private readonly seen = new Map<string, number>();
  constructor(private readonly max: number) {}

  /** false when the nonce was already used within the window. */
  remember(nonce: string, nowMs: number): boolean {
    for (const [n, expires] of this.seen) {
      if (expires > nowMs && this.seen.size < this.max) break;
      this.seen.delete(n);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, nowMs + 2 * MAX_SKEW_SECONDS * 1000);
    return true;
  }
}

const unauthorized = (why: string, userMessage: string) =>
  new KotaeError('AUTH_REQUIRED', `logo relay: ${why}`, { userMessage });

/** Verifies signed relay requests. */
export class RelayVerifier {
  private readonly nonces: NonceCache;

  constructor(
    private readonly keys: readonly RelayKey[],
    private readonly now: () => number,
    maxNonces = 10_000,
  ) {
    this.nonces = new NonceCache(maxNonces);
  }

  /** Throws AUTH_REQUIRED (bad key, signature or skew) or CONFLICT (replayed nonce). */
  verify(headers: Record<string, string | undefined>, rawBody: Buffer): void {
    const keyId = headers[SIGNATURE_HEADERS.keyId];
    const timestamp = headers[SIGNATURE_HEADERS.timestamp] ?? '';
    const nonce = headers[SIGNATURE_HEADERS.nonce] ?? '';
    const given = (headers[SIGNATURE_HEADERS.signature] ?? '').replace(/^v1=/, '');
    const key = this.keys.find((k) => k.id === keyId);
    if (
      !key ||
      !/^\d{1,12}$/.test(timestamp) ||
      !/^[A-Za-z0-9_-]{16,128}$/.test(nonce) ||
      !/^[0-9a-f]{64}$/.test(given)
    ) {
      throw unauthorized('missing or malformed signature headers', M.relay.badSignature);
    }
    const expected = Buffer.from(sign(key.secret, timestamp, nonce, rawBody), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(given, 'hex')))
      throw unauthorized('bad signature', M.relay.badSignature);
    const nowMs = this.now();
    if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) {
      throw unauthorized('timestamp outside ±300 s', M.relay.expired);
    }
    if (!this.nonces.remember(nonce, nowMs)) {
      throw new KotaeError('CONFLICT', 'logo relay: nonce replayed', { userMessage: M.relay.replayed });
    }
  }
}
