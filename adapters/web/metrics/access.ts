/** Who may read /metrics: nobody (404), loopback callers only, or callers with the bearer token. */
import type { RequestHandler } from 'express';
import { KotaeError } from '../../../core';
import { tokensEqual } from '../auth';

/** The access rule of /metrics. */
export type MetricsAccess = { mode: 'off' } | { mode: 'loopback' } | { mode: 'token'; token: string };

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Refuses callers the rule does not admit (404 when off, 403 otherwise, in Japanese). */
export function metricsAccess(rule: MetricsAccess): RequestHandler {
  return (req, _res, next) => {
    if (rule.mode === 'off') return next(new KotaeError('NOT_FOUND', '/metrics is off'));
    if (rule.mode === 'token') {
      const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
      if (tokensEqual(given, rule.token)) return next();
      return next(
        new KotaeError('AUTH_FORBIDDEN', 'metrics token missing or wrong', {
          userMessage: 'メトリクスを読むにはトークンが必要です。',
        }),
      );
    }
    // Behind a reverse proxy every caller would look local: a forwarded request is never "loopback".
    const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
    if (LOOPBACK.has(req.socket.remoteAddress ?? '') && !forwarded) return next();
    next(
      new KotaeError('AUTH_FORBIDDEN', `metrics refused for ${req.socket.remoteAddress ?? '?'}`, {
        userMessage: 'メトリクスはこのサーバー上からのみ参照できます。',
      }),
    );
  };
}
