/**
 * The select and yes/no stamps Kotae posted and are still waiting for an answer, and numbered
 * lists (select stamps too long for direct). In memory and bounded: after a restart an answer to
 * an old stamp is told politely to ask again. A newer reply to the same conversation makes the
 * earlier stamps stale (generation 0 = a reply that keeps them).
 */
import { LOGO_MESSAGES as M } from './messages';
import type { LogoOption } from './render';

/** What a stamp offered. */
export type StampEntry =
  { conversationId: string; kind: 'select'; options: LogoOption[] } | { conversationId: string; kind: 'yesno' };

/** Bounded memory of open stamps (insertion order = age). */
export class StampRegistry {
  private readonly stamps = new Map<string, StampEntry & { generation: number }>();
  private readonly generations = new Map<string, number>();
  private readonly numbered = new Map<string, { options: LogoOption[]; generation: number }>();
  private counter = 0;

  constructor(private readonly max = 5000) {}

  /** Starts a reply with stamps for a conversation; stamps of earlier replies become stale. */
  newReply(conversationId: string): number {
    const generation = ++this.counter;
    this.generations.delete(conversationId);
    this.generations.set(conversationId, generation);
    this.trim(this.generations);
    return generation;
  }

  add(messageId: string, entry: StampEntry, generation: number): void {
    this.stamps.set(messageId, { ...entry, generation });
    this.trim(this.stamps);
  }

  setNumbered(conversationId: string, options: LogoOption[], generation: number): void {
    this.numbered.set(conversationId, { options, generation });
    this.trim(this.numbered);
  }

  /** The open stamp with this message id, or undefined when unknown or stale. */
  lookup(messageId: string): StampEntry | undefined {
    const entry = this.stamps.get(messageId);
    if (!entry || this.generations.get(entry.conversationId) !== entry.generation) return undefined;
    return entry;
  }

  /** The options of the conversation's current numbered list, if any. */
  numberedOptions(conversationId: string): LogoOption[] | undefined {
    const entry = this.numbered.get(conversationId);
    return entry && this.generations.get(conversationId) === entry.generation ? entry.options : undefined;
  }

  private trim(map: Map<string, unknown>): void {
    while (map.size > this.max) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) return;
      map.delete(oldest);
    }
  }
}

/** Why `response` cannot answer `stamp` (Japanese, for the relay's 400); undefined when it can. */
export function answerMismatch(stamp: StampEntry, response: number | boolean): string | undefined {
  if (stamp.kind === 'yesno') return typeof response === 'boolean' ? undefined : M.relay.yesNoResponse;
  if (typeof response !== 'number') return M.relay.selectResponse(stamp.options.length);
  return response < stamp.options.length ? undefined : M.relay.selectResponse(stamp.options.length);
}
