/**
 * The `state` of a sign-out Kotae sends to the provider: `<target>.<random>`, also kept in a short-lived
 * SameSite=Lax cookie (path /auth) of the browser that signs out. The signed-out page (`GET /auth/signed-out`)
 * says the browser went through the provider's sign-out only when the `state` it comes back with is the one in
 * that browser's cookie; the cookie is spent on the first visit. A link cannot forge it (a bare `state=console`
 * matches nothing), and nothing is kept on the server, so any instance can answer.
 */
import type { Request, Response } from 'express';
import { newToken, parseCookies, serializeCookie, tokensEqual } from '../auth';
import type { Target } from './pages';

const SIGN_OUT_COOKIE = 'kotae_signout';
/** Long enough for the provider's sign-out page (an account picker, a confirmation). */
const SIGN_OUT_SECONDS = 900;

const cookieOf = (value: string, maxAgeSeconds: number, secure: boolean) =>
  serializeCookie(SIGN_OUT_COOKIE, value, { secure, maxAgeSeconds, path: '/auth', sameSite: 'Lax' });

/** A new sign-out `state` for `target`. */
export function newSignOutState(target: Target): string {
  return `${target}.${newToken()}`;
}

/** Keeps `state` in the browser's cookie, for the signed-out page to recognise it. */
export function keepSignOutState(res: Response, state: string, secure: boolean): void {
  res.append('Set-Cookie', cookieOf(state, SIGN_OUT_SECONDS, secure));
}

/**
 * Where the browser signed out from when it comes back with the `state` Kotae sent it away with (its cookie),
 * else undefined (opened directly, an old or forged `state`, another browser). Spends the cookie either way.
 */
export function redeemSignOutState(req: Request, res: Response, secure: boolean): Target | undefined {
  const kept = parseCookies(req.headers.cookie).get(SIGN_OUT_COOKIE);
  if (kept !== undefined) res.append('Set-Cookie', cookieOf('', 0, secure));
  const state = typeof req.query.state === 'string' ? req.query.state : undefined;
  if (!state || !tokensEqual(state, kept)) return undefined;
  const target = state.slice(0, state.indexOf('.'));
  return target === 'console' || target === 'chat' ? target : undefined;
}
