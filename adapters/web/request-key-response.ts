/**
 * The response of a keyed request, captured as it is sent and stored before its last byte leaves (so a
 * retry that arrives once the client could have seen it finds it), then replayed byte for byte.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Response } from 'express';

/** A response as stored for a key: status, the headers that matter to a client, and the body. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  /** The body, base64. */
  body: string;
}

/**
 * Headers kept with a stored response (the rest — dates, cookies, security headers — are set anew); `x-kotae-lines`
 * names the history lines the request wrote (api/written-lines.ts), so a retried message is not shown twice.
 */
const KEPT_HEADERS = ['content-type', 'location', 'retry-after', 'x-kotae-lines'] as const;

function toBuffer(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return undefined;
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

/**
 * Calls `persist` with the response when the handler ends it, and sends the last bytes after `persist`
 * settles. A failing `persist` (database gone) still lets the response out: the client gets its answer;
 * the key stays claimed and a retry waits, then takes the claim over.
 */
export function captureResponse(res: Response, persist: (response: StoredResponse) => Promise<void>): void {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    const b = toBuffer(chunk, encoding);
    if (b) chunks.push(b);
    return write(chunk, encoding, cb);
  }) as Response['write'];
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    const b = toBuffer(chunk, encoding);
    if (b) chunks.push(b);
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = res.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    const stored = { status: res.statusCode, headers, body: Buffer.concat(chunks).toString('base64') };
    persist(stored)
      .catch(() => undefined)
      .finally(() => end(chunk, encoding, cb));
    return res;
  }) as Response['end'];
}

/**
 * The response as stored: AES-256-GCM under `secret`, a hash of the client's raw key, which is never
 * stored — a reader of the database cannot read a first message's conversation secret or an answer.
 */
export function sealResponse(response: StoredResponse, secret: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(response), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The stored response sealed by sealResponse. */
export function openResponse(sealed: string, secret: Buffer): StoredResponse {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', secret, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  return JSON.parse(text) as StoredResponse;
}

/** Sends a stored response again. */
export function replay(res: Response, stored: StoredResponse): void {
  res.status(stored.status);
  for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value);
  res.end(Buffer.from(stored.body, 'base64'));
}
