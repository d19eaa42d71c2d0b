/**
 * The express error boundary: maps KotaeError codes to HTTP statuses and answers
 * `{ error: { code, message, correlationId? } }` with the Japanese user message.
 */
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { KotaeError, toKotaeError } from '../../core';
import type { Logger } from '../../core';
import { dropFileHeaders, requestErrorOf } from './request-errors';

/** Final error middleware. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const error = requestErrorOf(err) ?? toKotaeError(err);
    const body: { code: string; message: string; correlationId?: string } = {
      code: error.code,
      message: error.userMessage,
    };
    if (error.status >= 500) {
      body.correlationId = randomUUID().slice(0, 8);
      logger.error('request failed', {
        correlationId: body.correlationId,
        code: error.code,
        error: error.message,
        path: req.path,
      });
    }
    if (res.headersSent) return;
    if (error.status === 412 || error.status === 416) dropFileHeaders(res);
    const retryAfter = retryAfterOf(error);
    if (retryAfter !== undefined && !res.getHeader('Retry-After')) res.setHeader('Retry-After', String(retryAfter));
    res.status(error.status).json({ error: body });
  };
}

/**
 * Seconds a client should wait before retrying (the Retry-After header of a 503 or 429): a rate
 * limit names its own; a locked database frees within seconds; an unreachable one takes longer.
 */
export function retryAfterOf(error: KotaeError): number | undefined {
  const given = error.details?.retryAfterSeconds;
  if (typeof given === 'number') return given;
  if (error.code === 'DB_LOCKED') return 2;
  if (error.code === 'DB_UNAVAILABLE' || error.code === 'KB_UNAVAILABLE') return 10;
  return undefined;
}

/** 404 for unknown API routes, as JSON. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(
    new KotaeError('NOT_FOUND', `no route ${req.method} ${req.path}`, { userMessage: '指定されたAPIはありません。' }),
  );
};
