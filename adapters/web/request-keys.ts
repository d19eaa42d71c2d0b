/**
 * Keyed POSTs (issue 17): a client sends a key made once per message or per rendered form (the web
 * chat's `Idempotency-Key` header, a console form's hidden `_key`) and sends the same key again when it
 * retries — or a proxy does, on another instance after a crash. The first request with the key claims it
 * (a primary key in the shared database, so of two instances only one claims it), runs, and stores its
 * response; a repeat writes nothing and gets that stored response. Keys are stored hashed together with
 * their scope and owner (a conversation, a signed-in user, an operator), so one user's key never
 * replays another user's response; the response is sealed with another hash of the raw key, which is
 * never stored, so the database alone does not give away what was answered (a new chat's secret).
 */
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { KotaeError } from '../../core';
import { parseWriteKey, WRITE_KEY_MESSAGES } from '../../tickets';
import { captureResponse, openResponse, replay, sealResponse } from './request-key-response';

/** A claimed key as stored: its write, what was submitted, and the response once there is one. */
export interface RequestKeyRecord {
  scope: string;
  fingerprint: string;
  /** The stored response (sealed with the raw key); undefined while the first request still runs. */
  response?: string;
  claimedAt: Date;
}

/** Port: the claimed keys, shared by every instance (SqlRequestKeys). */
export interface RequestKeyStore {
  /** Claims `key`; false when it is already claimed (by any instance). */
  claim(key: string, scope: string, fingerprint: string, at: Date): Promise<boolean>;
  find(key: string): Promise<RequestKeyRecord | undefined>;
  /** Stores the response of a claimed key. */
  complete(key: string, response: string): Promise<void>;
  /** Drops a claim whose request failed, so a retry runs it again. */
  release(key: string): Promise<void>;
  /** Takes over a claim still without response and claimed before `staleBefore`; true when this call took it. */
  takeOver(key: string, staleBefore: Date, at: Date): Promise<boolean>;
  /** Renews a claim still without response (its request is still running). */
  renew(key: string, at: Date): Promise<void>;
  /** Deletes keys claimed before `before`; returns how many. */
  purgeBefore(before: Date): Promise<number>;
}

/** The store and the timing of waits: a repeat waits for the first request's response. */
export interface RequestKeys {
  store: RequestKeyStore;
  now: () => Date;
  /** How long a repeat waits for the first request (default 30 s), then answers 409. */
  waitMs?: number;
  /** A claim not renewed for this long belongs to a dead instance and is taken over (default 10 s). */
  staleMs?: number;
}

/** One keyed route: its scope, who owns a key, the key sent and what identifies the request's content. */
export interface KeyedRoute {
  scope: string;
  /** The owner of keys on this request (checks access first: a stranger gets the route's own error). */
  owner: (req: Request, res: Response) => Promise<string> | string;
  /** The raw key of the request ('' when none: the request runs unkeyed). */
  key: (req: Request) => string;
  /** What was submitted; the same key with other content is refused. */
  content: (req: Request) => readonly string[];
}

/** The web chat's header carrying the key of a message or an upload. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Messages of keyed requests (Japanese, shown to the user). */
export const REQUEST_KEY_MESSAGES = Object.freeze({
  invalid: WRITE_KEY_MESSAGES.invalid,
  reused: WRITE_KEY_MESSAGES.reused,
  busy: '同じ送信を処理しています。しばらく待ってから画面を再読み込みしてください。',
});

const POLL_MS = 100;
/** A running request renews its claim this often, so a claim goes stale soon after its instance died. */
const RENEW_MS = 2_000;

function sha256(parts: readonly string[]): Buffer {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(`${p.length}:${p}`);
  return hash.digest();
}

/** Parses a raw key: '' → undefined; INPUT_INVALID (400, Japanese) unless 16–64 of `A-Z a-z 0-9 - _`. */
export function parseRequestKey(raw: string): string | undefined {
  return parseWriteKey(raw);
}

/** Marks (on `res.locals`) a refusal a handler keeps as its key's response (keepRefusal). */
const KEEP_REFUSAL = 'kotaeKeepRefusal';

/**
 * Keeps this request's refusal (status 400 or more) as its key's response: the handler wrote something before
 * refusing (a question the knowledge base could not search is written with its refusal), so a retry with the
 * key is answered the same and writes nothing again. Other refusals release the key: a retry runs again.
 */
export function keepRefusal(res: Response): void {
  res.locals[KEEP_REFUSAL] = true;
}

/** Express middleware making the route once-per-key (requests without a key run as before). */
export function keyedRequest(keys: RequestKeys | undefined, route: KeyedRoute): RequestHandler {
  return async (req, res, next) => {
    const raw = keys ? parseRequestKey(route.key(req)) : undefined;
    if (!keys || !raw) return next();
    const owner = await route.owner(req, res);
    const key = sha256(['id', route.scope, owner, raw]).toString('hex');
    const secret = sha256(['seal', route.scope, owner, raw]);
    const fingerprint = sha256(route.content(req)).toString('hex');
    const outcome = await settle(keys, key, route.scope, fingerprint);
    if (outcome.kind === 'replay') return replay(res, openResponse(outcome.sealed, secret));
    const renewal = setInterval(() => void keys.store.renew(key, keys.now()).catch(() => undefined), RENEW_MS);
    renewal.unref();
    res.once('close', () => clearInterval(renewal));
    captureResponse(res, async (response) => {
      clearInterval(renewal);
      if (response.status < 400 || res.locals[KEEP_REFUSAL] === true)
        await keys.store.complete(key, sealResponse(response, secret));
      else await keys.store.release(key);
    });
    next();
  };
}

type Outcome = { kind: 'run' } | { kind: 'replay'; sealed: string };

/** Claims the key, or waits for the response of the request that claimed it first. */
async function settle(keys: RequestKeys, key: string, scope: string, fingerprint: string): Promise<Outcome> {
  // Waiting is measured in real time (a test clock may stand still); claims and take-overs use the clock.
  const waitUntil = performance.now() + (keys.waitMs ?? 30_000);
  for (;;) {
    if (await keys.store.claim(key, scope, fingerprint, keys.now())) return { kind: 'run' };
    const found = await keys.store.find(key);
    if (!found) continue; // released by a failed first request: claim it again
    if (found.fingerprint !== fingerprint || found.scope !== scope)
      throw new KotaeError('CONFLICT', 'request key reused with other content', {
        userMessage: REQUEST_KEY_MESSAGES.reused,
      });
    if (found.response !== undefined) return { kind: 'replay', sealed: found.response };
    const staleBefore = new Date(keys.now().getTime() - (keys.staleMs ?? 10_000));
    if (await keys.store.takeOver(key, staleBefore, keys.now())) return { kind: 'run' };
    if (performance.now() >= waitUntil)
      throw new KotaeError('CONFLICT', 'request key still running', {
        userMessage: REQUEST_KEY_MESSAGES.busy,
        details: { retryAfterSeconds: 2 },
      });
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
