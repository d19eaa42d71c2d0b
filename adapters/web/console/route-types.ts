/** The shape of console routes: each declares the role it needs (hasRole); the router enforces it. */
import type { Request, Response } from 'express';
import { cleanUserText } from '../../../privacy';
import type { OperatorRole } from '../../../tickets';
import type { AuthContext } from '../auth';
import type { ConsoleDeps } from './deps';

/** What a handler gets: the request, the signed-in operator, deps and the mount path. */
export interface HandlerContext {
  req: Request;
  res: Response;
  deps: ConsoleDeps;
  auth: AuthContext;
  /** Where the console is mounted, e.g. `/console`. */
  base: string;
}

/** A console route handler. */
export type Handler = (c: HandlerContext) => Promise<void>;

/** One route: method, path below the mount point, required role, handler. */
export interface ConsoleRoute {
  method: 'get' | 'post';
  path: string;
  /** `staff`: any signed-in role; `operator`: operators and admins; `auditor`: auditors and admins; `admin`. */
  role: OperatorRole;
  handle: Handler;
  /** The handler keys its write itself (reply and note: the key is recorded in the comment's transaction). */
  ownKey?: true;
}

/** Bidirectional overrides and isolates: no use in a Japanese form, and they make a name display reversed. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * A string form field ('' when absent or not a string), without control characters (tab and line breaks
 * stay), lone surrogates, zero-width and bidirectional control characters: what an operator typed is stored
 * and shown as it reads (a NUL is refused before, see request-errors.ts).
 */
export function field(req: Request, name: string): string {
  const body: unknown = req.body;
  if (!body || typeof body !== 'object') return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? cleanUserText(value).replace(BIDI_CONTROLS, '') : '';
}

/** A string query parameter ('' when absent). */
export function query(req: Request, name: string): string {
  const value = req.query[name];
  return typeof value === 'string' ? value : '';
}

/** A route parameter. */
export function param(req: Request, name: string): string {
  const value: unknown = req.params[name];
  return typeof value === 'string' ? value : '';
}

/** Redirects after a successful POST (303 See Other) with a notice key. */
export function done(c: HandlerContext, path: string, notice?: string): void {
  const sep = path.includes('?') ? '&' : '?';
  c.res.redirect(303, `${c.base}${path}${notice ? `${sep}notice=${encodeURIComponent(notice)}` : ''}`);
}
