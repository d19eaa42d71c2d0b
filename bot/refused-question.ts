/**
 * A question the knowledge base refused (its index cannot be loaded, or none was built yet): the question, masked
 * as every stored question is, and the refusal go into the conversation's transcript once, as a question and its
 * answer do, so a ticket opened from the refusal holds the question and a reloaded chat shows both. The refusal is
 * no entry of the question log: nothing was searched, and an outage is no gap in the knowledge (reports).
 */
import { KotaeError, toKotaeError } from '../core';
import type { ConversationStore } from '../conversations';
import { withNotices, type Atomically } from './ask-bot';
import { refusedByKnowledge } from './turn-boundary';

/** Where and how a refused question is written. */
export interface RefusalRecord {
  conversations: Pick<ConversationStore, 'appendTranscript'>;
  /** Writes both lines in one transaction. */
  atomically: Atomically;
  conversationId: string;
  /** The question as stored (personal data masked). */
  question: string;
  askedAt: Date;
  now: () => Date;
  /** Shown above the refusal: personal data was masked in the question. */
  notice?: string;
}

/**
 * Runs `search`. When the knowledge base refuses it, writes the question and the refusal (with `notice` above it)
 * and throws the refusal on with that text as the requester's message, so every channel shows what was written.
 */
export async function searchedOrRefused<T>(search: () => Promise<T>, r: RefusalRecord): Promise<T> {
  try {
    return await search();
  } catch (err) {
    if (!refusedByKnowledge(err)) throw err;
    const error = toKotaeError(err);
    const text = withNotices(error.userMessage, r.notice);
    await r.atomically(
      async () => {
        await r.conversations.appendTranscript(r.conversationId, { role: 'user', text: r.question, at: r.askedAt });
        // A 'bot' line, as an answer's: the question was put to the bot (see ticketSubject).
        await r.conversations.appendTranscript(r.conversationId, { role: 'bot', text, at: r.now() });
      },
      () => undefined,
    );
    if (text === error.userMessage) throw err;
    throw new KotaeError(error.code, error.message, {
      userMessage: text,
      cause: err,
      ...(error.details ? { details: { ...error.details } } : {}),
    });
  }
}
