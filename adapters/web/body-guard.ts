/**
 * Request bodies that never end. The body parsers wait for the end of a body — body-parser even after it has
 * refused one as too large, to read it off before answering — so a body that stops arriving (a chunked body
 * without its last chunk, a Content-Length larger than what is sent, an upload whose client went quiet) or one
 * that keeps coming (an endless chunked stream, a Content-Length of 10 GB) held its route without an answer
 * until Node's 5-minute request timeout. Now:
 * - after `idleMs` without a byte of the body the request is answered 408; the socket's inactivity timer
 *   measures it (Node refreshes it on every read, also while its parser consumes the socket), and a pause caused
 *   by Kotae itself (a reader that has not started or is slow to take the bytes) starts the wait over;
 * - a body that is not multipart (uploads count their own bytes, multipart.ts) is answered 413 as soon as it
 *   announces or passes `maxBytes` — several times the parsers' limits, so an ordinary oversized form still gets
 *   its route's own page.
 * Both answers are JSON (as the app's first checks are, on every route) and close the connection, which ends the
 * waiting reader: its error then finds the answer sent.
 */
import type { Socket } from 'node:net';
import type { Request, RequestHandler, Response } from 'express';
import { KotaeError } from '../../core';
import { isMultipart } from './multipart';
import { REQUEST_MESSAGES } from './request-errors';

/** How long a body may pause before the request is answered 408 (a client on a bad network resumes sooner). */
export const BODY_IDLE_MS = 10_000;

/** What the guard allows. */
export interface BodyGuardOptions {
  /** Longest pause within a body (default BODY_IDLE_MS; 0: none). */
  idleMs?: number;
  /** Most bytes of a body that is not multipart (0: no limit here). */
  maxBytes: number;
}

/** Whether the request announces a body (chunked, or a Content-Length above 0). */
function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > 0;
}

/** The socket's inactivity timeout outside this check (the server's `timeout`, 0 by default). */
function serverTimeoutOf(socket: Socket): number {
  const server = (socket as Socket & { server?: { timeout?: unknown } }).server;
  return typeof server?.timeout === 'number' ? server.timeout : 0;
}

/** Answers the error as JSON and closes the connection after it (the rest of the body is never read). */
function answer(res: Response, error: KotaeError): void {
  res.status(error.status);
  res.setHeader('Connection', 'close');
  res.setHeader('Cache-Control', 'no-store');
  res.json({ error: { code: error.code, message: error.userMessage } });
}

const tooLarge = () =>
  new KotaeError('INPUT_TOO_LARGE', 'request body over the app limit', { userMessage: REQUEST_MESSAGES.tooLarge });

/** Express middleware: see the file comment. */
export function bodyGuard(options: BodyGuardOptions): RequestHandler {
  const idleMs = options.idleMs ?? BODY_IDLE_MS;
  const maxBytes = options.maxBytes > 0 && !Number.isNaN(options.maxBytes) ? options.maxBytes : Infinity;
  return (req, res, next) => {
    const socket = req.socket;
    if (!hasBody(req) || !socket) return next();
    const counted = !isMultipart(req);
    if (counted && Number(req.headers['content-length'] ?? 0) > maxBytes) {
      answer(res, tooLarge());
      return;
    }
    let active = true;
    const stop = () => {
      if (!active) return;
      active = false;
      req.off('timeout', onIdle);
      res.off('timeout', onIdle);
      req.off('data', count);
    };
    // The whole body arrived: the socket's timer is the server's again (a slow handler is not a slow client).
    const arrived = () => {
      if (active && !socket.destroyed) socket.setTimeout(serverTimeoutOf(socket));
      stop();
    };
    function onIdle(): void {
      if (!active) return;
      if (res.headersSent || req.complete) return arrived();
      // Bytes wait for Kotae's reader (not started yet, or pushing back): the client is not the one pausing.
      if (req.readableFlowing === false || req.readableLength > 0) {
        socket.setTimeout(idleMs);
        return;
      }
      stop();
      answer(res, new KotaeError('INPUT_TIMEOUT', 'request body stalled'));
    }
    let received = 0;
    function count(chunk: Buffer): void {
      received += chunk.length;
      if (received <= maxBytes || res.headersSent) return;
      stop();
      answer(res, tooLarge());
    }
    if (idleMs > 0) {
      // Listening on both keeps Node from destroying the socket without an answer when its timer fires.
      req.on('timeout', onIdle);
      res.on('timeout', onIdle);
      socket.setTimeout(idleMs);
    }
    // Counted from the moment a reader starts the flow (a listener added earlier would start it and lose bytes).
    if (counted && maxBytes !== Infinity) req.once('resume', () => active && req.on('data', count));
    req.once('end', arrived);
    res.once('finish', stop);
    res.once('close', stop);
    next();
  };
}
