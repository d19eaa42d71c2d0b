/**
 * A browser at the loopback OpenID Connect provider (test/fakes/oidc-server.ts) without chromium:
 * https with the provider's self-signed certificate trusted, a cookie jar, and its development login
 * and consent forms filled in (or Cancel pressed), up to the redirect back to the app.
 */
import fs from 'node:fs';
import https from 'node:https';
import { createServer } from 'node:net';
import type { OidcServer } from '../fakes/oidc-server';

/**
 * A port free on 127.0.0.1 right now (for an app whose public URL must be known before it starts), taken
 * below Linux's ephemeral range (32768–60999): a port the system handed out (listen(0)) and released could be
 * handed to another socket before the app listens on it (a loaded CI run once got EADDRINUSE that way).
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await isFree(port)) return port;
  }
  throw new Error('no free port below the ephemeral range');
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** An https request to the provider (trusting its self-signed certificate), keeping its cookies in `jar`. */
function atProvider(
  op: OidcServer,
  url: URL,
  jar: Map<string, string>,
  form?: Record<string, string>,
): Promise<{ status: number; location?: string; body: string }> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: form ? 'POST' : 'GET',
        ca: fs.readFileSync(op.caFile),
        headers: {
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      },
      (res) => {
        for (const c of res.headers['set-cookie'] ?? []) {
          const [pair] = c.split(';');
          jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
        }
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Follows the provider's login and consent pages (or presses Cancel); the callback URL it sends the browser to.
 * `jar`: the browser's cookies at the provider (its session, for a later sign-out there).
 */
export async function throughProvider(
  op: OidcServer,
  authorize: string,
  login: string | 'cancel',
  jar = new Map<string, string>(),
): Promise<URL> {
  let url = new URL(authorize);
  let form: Record<string, string> | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.origin !== op.issuer) return url;
    const res = await atProvider(op, url, jar, form);
    form = undefined;
    if (res.location) {
      url = new URL(res.location, url);
      continue;
    }
    const abort = /href="([^"]*\/abort)"/.exec(res.body)?.[1];
    if (login === 'cancel' && abort) {
      url = new URL(abort, url);
      continue;
    }
    url = new URL(/action="([^"]+)"/.exec(res.body)?.[1] ?? '', url);
    form = /name="login"/.test(res.body) ? { prompt: 'login', login, password: 'any' } : { prompt: 'consent' };
  }
  throw new Error('the provider did not send the browser back');
}

/**
 * Follows the provider's sign-out from `endSession` (its confirmation form answered "yes") with the browser's
 * provider cookies `jar`: the front-channel logout iframes of its last page (not yet loaded) and where it then
 * sends the browser (the post-logout redirect URI with `state`).
 */
export async function signOutAtProvider(
  op: OidcServer,
  endSession: string,
  jar: Map<string, string>,
): Promise<{ frames: string[]; next: URL }> {
  const url = new URL(endSession);
  const ask = await atProvider(op, url, jar);
  const action = /action="([^"]+)"/.exec(ask.body)?.[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(ask.body)?.[1];
  if (!action || !xsrf) throw new Error(`no sign-out form at the provider (${ask.status}): ${ask.body.slice(0, 300)}`);
  const done = await atProvider(op, new URL(action, url), jar, { xsrf, logout: 'yes' });
  const unescape = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&amp;/g, '&');
  const frames = [...done.body.matchAll(/<iframe[^>]* src="([^"]+)"/g)].map((m) => unescape(m[1] ?? ''));
  const next = done.location ?? unescape(/id="next" href="([^"]+)"/.exec(done.body)?.[1] ?? '');
  return { frames, next: new URL(next, url) };
}
