/** Password hashing with scrypt (node:crypto): `scrypt$N$r$p$salt$hash`, per-user random salt. */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP-recommended minimum for scrypt: N=2^17, r=8, p=1 (about 128 MiB, ~0.2 s). */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Hashes a password with a fresh 16-byte salt. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Marks a stored hash as a one-time password (the generated first admin password): it signs in,
 * but the console then only allows changing it. Kept in the hash column so no schema change is needed.
 */
const ONE_TIME = 'otp$';

/** The hash marked as a one-time password. */
export function markOneTime(hash: string): string {
  return hash.startsWith(ONE_TIME) ? hash : `${ONE_TIME}${hash}`;
}

/** Whether the stored hash is a one-time password that must be changed. */
export function isOneTime(stored: string): boolean {
  return stored.startsWith(ONE_TIME);
}

/** Whether the password matches the stored hash (constant-time compare); malformed hashes never match. */
export async function verifyPassword(password: string, storedHash: string): Promise<boolean> {
  const stored = isOneTime(storedHash) ? storedHash.slice(ONE_TIME.length) : storedHash;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (salt.length < 8 || expected.length !== KEY_LENGTH) return false;
  const key = await derive(password, salt, { N, r, p });
  return timingSafeEqual(key, expected);
}
