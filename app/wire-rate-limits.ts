/** Wiring of the rate limits (issue 11 point 6): database-backed counters, rules from the configuration. */
import type { Request, RequestHandler } from 'express';
import type { Clock } from '../core';
import { clientIp, rateLimit, type ApiRateLimits, type RateCounter } from '../adapters/web';
import type { RateLimitConfig } from './config-trust';

/** The account name a sign-in form names (case-insensitive), without reading anything else. */
function accountOf(req: Request): string | undefined {
  const body: unknown = req.body;
  const name = body && typeof body === 'object' ? (body as Record<string, unknown>).username : undefined;
  return typeof name === 'string' && name.trim() ? name.trim().toLowerCase().slice(0, 100) : undefined;
}

/** Per IP, then per account: both are counted before the password is checked. */
export function signInLimiters(rules: RateLimitConfig, counter: RateCounter, clock: Clock): RequestHandler[] {
  return [
    rateLimit('signin-ip', rules.signInIp, counter, clock, clientIp),
    rateLimit('signin-account', rules.signInAccount, counter, clock, accountOf),
  ];
}

/** The public API's limits. */
export function apiLimits(rules: RateLimitConfig, counter: RateCounter, clock: Clock): ApiRateLimits {
  return { counter, clock, apiIp: rules.apiIp, apiConversation: rules.apiConversation, upload: rules.upload };
}

/** `GET /auth/signin` per client address: each start sends the browser to the provider with a fresh state. */
export function ssoSignInLimiters(rules: RateLimitConfig, counter: RateCounter, clock: Clock): RequestHandler[] {
  return [rateLimit('sso-signin-ip', rules.ssoSignInIp, counter, clock, clientIp)];
}
