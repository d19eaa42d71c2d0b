/** Minimal cookie parsing and serialisation (no cookie-parser dependency). */

/** Options of a Set-Cookie header. */
export interface CookieOptions {
  maxAgeSeconds?: number;
  secure: boolean;
  path?: string;
  /** Strict (default); Lax only for a cookie that must come back on a top-level redirect from another site (sign-in callback). */
  sameSite?: 'Strict' | 'Lax';
}

/** Parses a Cookie header into name → value (first occurrence wins; bad encodings are skipped). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      continue;
    }
  }
  return cookies;
}

/** A Set-Cookie value: always HttpOnly, SameSite=Strict unless Lax is asked; Secure when asked. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path ?? '/'}`,
    'HttpOnly',
    `SameSite=${options.sameSite ?? 'Strict'}`,
  ];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`);
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
