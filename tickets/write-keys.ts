/**
 * One-time keys of console writes (issue 17 point 5). The reply and note forms carry a key generated
 * when the page is rendered; the first POST with it writes the comment and records the key in the same
 * transaction, and any later POST with it (a proxy retrying on another instance after a crash, a
 * double click, the browser resubmitting) writes nothing and answers with the comment written first.
 */
import { createHash } from 'node:crypto';
import { KotaeError } from '../core';

/** What a write key records: which write it was, by whom, and a hash of what was submitted. */
export interface WriteKeyRecord {
  writeKey: string;
  /** The kind of write, e.g. `ticket.reply`, `ticket.note`. */
  scope: string;
  actor: string;
  ticketId: string;
  commentId: string;
  fingerprint: string;
  createdAt: Date;
}

/** The keys used so far; `record` joins the open transaction and fails when the key is already there. */
export interface WriteKeyStore {
  find(writeKey: string): Promise<WriteKeyRecord | undefined>;
  record(entry: WriteKeyRecord): Promise<void>;
  /** Deletes keys recorded before `before`; returns how many. */
  purgeBefore(before: Date): Promise<number>;
}

/** Longest key accepted (the column's length). */
export const MAX_WRITE_KEY_LENGTH = 64;
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** Messages of the write keys (Japanese, shown to the operator). */
export const WRITE_KEY_MESSAGES = Object.freeze({
  invalid: '送信キーが正しくありません。画面を再読み込みしてから、もう一度送信してください。',
  reused: 'この画面からは既に送信済みです。画面を再読み込みしてから、もう一度送信してください。',
});

/**
 * The key of a form post: undefined when absent (a form rendered before keys existed still works);
 * INPUT_INVALID (400) when it is not 16–64 letters, digits, `-` or `_`.
 */
export function parseWriteKey(raw: string): string | undefined {
  if (raw === '') return undefined;
  if (!KEY_PATTERN.test(raw))
    throw new KotaeError('INPUT_INVALID', `malformed write key of ${raw.length} chars`, {
      userMessage: WRITE_KEY_MESSAGES.invalid,
    });
  return raw;
}

/** A hash of what was submitted, so a key reused for different content is noticed. */
export function fingerprintOf(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(`${p.length}:${p}`);
  return hash.digest('hex');
}

/** One keyed write: the key, and what it must match when it was used before. */
export interface KeyedWrite {
  writeKey: string;
  scope: string;
  actor: string;
  ticketId: string;
  fingerprint: string;
}

/**
 * The id of the comment an earlier POST with this key wrote, or undefined when the key is new. A key of
 * another operator, ticket or kind of write is refused (INPUT_INVALID, 400); the same key with other
 * content (a page kept open after sending, then reused) is a CONFLICT shown on the page.
 */
export async function earlierWrite(store: WriteKeyStore, w: KeyedWrite): Promise<string | undefined> {
  const found = await store.find(w.writeKey);
  if (!found) return undefined;
  if (found.actor !== w.actor || found.ticketId !== w.ticketId || found.scope !== w.scope)
    throw new KotaeError('INPUT_INVALID', `write key of ${found.scope} ${found.ticketId} reused`, {
      userMessage: WRITE_KEY_MESSAGES.invalid,
    });
  if (found.fingerprint !== w.fingerprint)
    throw new KotaeError('CONFLICT', `write key reused with other content`, {
      userMessage: WRITE_KEY_MESSAGES.reused,
    });
  return found.commentId;
}

/**
 * Runs `write` once per key. `write` gets `remember(commentId)` to call inside its transaction; with an
 * earlier write of this key, or when `write` fails because a concurrent POST recorded the key first (the
 * primary key refused it and the transaction rolled back), `again(commentId)` answers instead.
 */
export async function oncePerKey<T>(
  store: WriteKeyStore | undefined,
  w: KeyedWrite | undefined,
  now: () => Date,
  write: (remember: (commentId: string) => Promise<void>) => Promise<T>,
  again: (commentId: string) => Promise<T>,
): Promise<T> {
  if (!store || !w) return write(async () => undefined);
  const before = await earlierWrite(store, w);
  if (before) return again(before);
  try {
    return await write((commentId) => store.record({ ...w, commentId, createdAt: now() }));
  } catch (err) {
    const raced = await earlierWrite(store, w);
    if (raced) return again(raced);
    throw err;
  }
}
