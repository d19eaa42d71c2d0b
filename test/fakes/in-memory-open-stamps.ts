/** OpenStampStore in memory (passes the open-stamp-store contract); one map per kind of entry. */
import { randomUUID } from 'node:crypto';
import type { DetailsStep, OpenStamp, OpenStampStore, StampOption } from '../../conversations';

const WEEK_MS = 7 * 24 * 60 * 60_000;

interface Entry<T> {
  value: T;
  generation: string;
  expiresAt: number;
  answered?: boolean;
}

/** In-memory OpenStampStore with the same generations, single takes and expiry as SqlOpenStamps. */
export class InMemoryOpenStamps implements OpenStampStore {
  private readonly replies = new Map<string, Entry<undefined>>();
  private readonly stamps = new Map<string, Entry<OpenStamp>>();
  private readonly numbered = new Map<string, Entry<{ conversationId: string; options: StampOption[] }>>();
  private readonly details = new Map<string, Entry<DetailsStep>>();

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly ttlMs = WEEK_MS,
  ) {}

  async newReply(conversationId: string): Promise<string> {
    const generation = randomUUID();
    this.replies.set(conversationId, this.entry(undefined, generation));
    return generation;
  }

  async addStamp(stampId: string, stamp: OpenStamp, generation: string): Promise<void> {
    this.stamps.set(stampId, this.entry(structuredClone(stamp), generation));
  }

  async stamp(stampId: string): Promise<OpenStamp | undefined> {
    const entry = this.stamps.get(stampId);
    return entry && this.isOpen(entry, entry.value.conversationId) ? structuredClone(entry.value) : undefined;
  }

  async take(stampId: string): Promise<boolean> {
    const entry = this.stamps.get(stampId);
    if (!entry || !this.isOpen(entry, entry.value.conversationId)) return false;
    entry.answered = true;
    return true;
  }

  async setNumbered(conversationId: string, options: StampOption[], generation: string): Promise<void> {
    this.numbered.set(conversationId, this.entry({ conversationId, options: structuredClone(options) }, generation));
  }

  async takeNumbered(conversationId: string): Promise<StampOption[] | undefined> {
    const entry = this.numbered.get(conversationId);
    if (!entry || !this.isOpen(entry, conversationId)) return undefined;
    entry.answered = true;
    return structuredClone(entry.value.options);
  }

  async awaitDetails(userKey: string, step: DetailsStep): Promise<void> {
    this.details.set(userKey, this.entry({ separate: step.separate }, randomUUID()));
  }

  async awaitsDetails(userKey: string): Promise<boolean> {
    const entry = this.details.get(userKey);
    return entry !== undefined && this.live(entry);
  }

  async takeDetails(userKey: string): Promise<DetailsStep | undefined> {
    const entry = this.details.get(userKey);
    if (!entry || !this.live(entry)) return undefined;
    this.details.delete(userKey);
    return { ...entry.value };
  }

  async purgeExpired(): Promise<number> {
    let removed = 0;
    for (const map of [this.replies, this.stamps, this.numbered, this.details] as Map<string, Entry<unknown>>[]) {
      for (const [key, entry] of map) {
        if (this.live(entry)) continue;
        map.delete(key);
        removed += 1;
      }
    }
    return removed;
  }

  private entry<T>(value: T, generation: string): Entry<T> {
    return { value, generation, expiresAt: this.now().getTime() + this.ttlMs };
  }

  private live(entry: Entry<unknown>): boolean {
    return entry.expiresAt > this.now().getTime();
  }

  private isOpen(entry: Entry<unknown>, conversationId: string): boolean {
    const reply = this.replies.get(conversationId);
    if (!reply || !this.live(reply) || !this.live(entry)) return false;
    return !entry.answered && reply.generation === entry.generation;
  }
}
