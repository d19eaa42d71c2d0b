/**
 * What a single sign-on session keeps for single logout, and how. The provider's session id (`sid`) is stored
 * as its SHA-256: the front-channel logout names it in clear, and the database need not. The ID token, sent back
 * as `id_token_hint` at sign-out, is a credential-like token with the user's claims: it is stored sealed
 * (AES-256-GCM) under a key derived (HKDF-SHA256) from the session's cookie token, which is never stored — the
 * database alone cannot read it, and the browser that holds the cookie opens it at sign-out. The provider's refresh
 * token (the role re-check's) is sealed the same way under a key of its own (another HKDF info).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { tokenDigest } from './tokens';

const ID_TOKEN_INFO = 'kotae id_token_hint v1';
const REFRESH_TOKEN_INFO = 'kotae refresh_token v1';
const VERSION = 'v1';

function keyOf(cookieToken: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', cookieToken, Buffer.alloc(0), info, 32));
}

/** The ID token sealed under the session's cookie token: `v1.<iv>.<tag>.<ciphertext>` (base64url). */
export function sealIdToken(idToken: string, cookieToken: string): string {
  return seal(idToken, cookieToken, ID_TOKEN_INFO);
}

/** The ID token of a sealed hint, or undefined when it does not open with this cookie token. */
export function openIdToken(sealed: string | null | undefined, cookieToken: string): string | undefined {
  return open(sealed, cookieToken, ID_TOKEN_INFO);
}

/** The provider's refresh token sealed under the session's cookie token (same format, its own key). */
export function sealRefreshToken(refreshToken: string, cookieToken: string): string {
  return seal(refreshToken, cookieToken, REFRESH_TOKEN_INFO);
}

/** The refresh token of a sealed value, or undefined when it does not open with this cookie token. */
export function openRefreshToken(sealed: string | null | undefined, cookieToken: string): string | undefined {
  return open(sealed, cookieToken, REFRESH_TOKEN_INFO);
}

function seal(value: string, cookieToken: string, info: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(cookieToken, info), iv);
  const sealed = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

function open(sealed: string | null | undefined, cookieToken: string, info: string): string | undefined {
  const [version, iv, tag, data] = (sealed ?? '').split('.');
  if (version !== VERSION || !iv || !tag || data === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(cookieToken, info), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** How a provider session id is stored and looked up (SHA-256, hex). */
export function sidDigest(sid: string): string {
  return tokenDigest(`sid:${sid}`);
}
