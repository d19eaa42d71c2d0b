/**
 * Rate limits (fixed window) for sign-in and the public API. The counters live in the database
 * (`rate_limit`, incremented atomically in SQL), so instances sharing a database share the limits and
 * a restart does not reset them. Over the limit: 429 RATE_LIMITED with `Retry-After` and a Japanese
 * message naming the wait.
 */
import type { Request, RequestHandler } from 'express';
import type { Clock } from '../../core';
import { KotaeError } from '../../core';
import { tokenDigest } from './auth';
import { TOKEN_HEADER } from './api';
import { webIdentityOf } from './sso';

/** Port: counts one hit of a window key and returns the hits so far (SqlRateLimits). */
export interface RateCounter {
  hit(key: string, expiresAt: Date): Promise<number>;
}

/** At most `limit` requests per `windowSeconds`. */
export interface RateRule {
  limit: number;
  windowSeconds: number;
}

/** The message of a 429, naming the wait. */
export function rateLimitedMessage(seconds: number): string {
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)}分` : `${seconds}秒`;
  return `短時間に多くのリクエストがありました。${wait}ほど待ってからもう一度お試しください。`;
}

/**
 * Counts the request under `name` for the caller `keyOf` returns (no key: not counted) and refuses it
 * once the window's count exceeds the rule.
 */
export function rateLimit(
  name: string,
  rule: RateRule | undefined,
  counter: RateCounter,
  clock: Clock,
  keyOf: (req: Request) => string | undefined,
): RequestHandler {
  return async (req, res, next) => {
    const caller = rule ? keyOf(req) : undefined;
    if (!rule || !caller) return next();
    const windowMs = rule.windowSeconds * 1000;
    const now = clock.now().getTime();
    const window = Math.floor(now / windowMs);
    const expiresAt = new Date((window + 1) * windowMs);
    const hits = await counter.hit(`${name}:${caller}:${window}`, expiresAt);
    if (hits <= rule.limit) return next();
    const retryAfter = Math.max(1, Math.ceil((expiresAt.getTime() - now) / 1000));
    res.setHeader('Retry-After', String(retryAfter));
    next(
      new KotaeError('RATE_LIMITED', `${name} limit ${rule.limit}/${rule.windowSeconds}s exceeded by ${caller}`, {
        userMessage: rateLimitedMessage(retryAfter),
        details: { retryAfterSeconds: retryAfter },
      }),
    );
  };
}

/** The caller's address (Kotae does not trust proxy headers: `trust proxy` is off). */
export function clientIp(req: Request): string | undefined {
  return req.ip ?? req.socket.remoteAddress ?? undefined;
}

/**
 * The conversation a public API request is about, without reading the body: the page's secret
 * (hashed), the signed-in web chat user, or the conversation id in the path.
 */
export function conversationCaller(req: Request): string | undefined {
  const token = req.get(TOKEN_HEADER);
  if (token) return `t:${tokenDigest(token).slice(0, 32)}`;
  const me = webIdentityOf(req);
  if (me) return `u:${me.subject}`;
  const match = /^\/api\/conversations\/([^/?]{1,64})\//.exec(req.originalUrl);
  return match ? `c:${match[1]}` : undefined;
}

/** Only requests that write count: the page's polling (GET every 3 s) and reads stay free. */
const writes = (keyOf: (req: Request) => string | undefined) => (req: Request) =>
  req.method === 'POST' ? keyOf(req) : undefined;

/** What the web app mounts: limits on the public API and on uploads. */
export interface ApiRateLimits {
  counter: RateCounter;
  clock: Clock;
  apiIp?: RateRule;
  apiConversation?: RateRule;
  upload?: RateRule;
}

/** Paths of the public API that are limited (not the Teams or LoGo endpoints, which are signed). */
export const LIMITED_API_PATHS = ['/api/ask', '/api/tickets', '/api/feedback', '/api/conversations'];

/** The handlers for LIMITED_API_PATHS, in order: per IP, per conversation, then uploads per conversation. */
export function apiRateLimiters(l: ApiRateLimits): RequestHandler[] {
  const upload = rateLimit('upload', l.upload, l.counter, l.clock, (req) =>
    req.method === 'POST' && /\/attachments\/?(\?|$)/.test(req.originalUrl)
      ? (conversationCaller(req) ?? clientIp(req))
      : undefined,
  );
  return [
    rateLimit('api-ip', l.apiIp, l.counter, l.clock, writes(clientIp)),
    rateLimit('api-conversation', l.apiConversation, l.counter, l.clock, writes(conversationCaller)),
    upload,
  ];
}
