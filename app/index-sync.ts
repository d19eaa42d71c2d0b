/**
 * Keeps the knowledge index of several instances in step: an instance that changed its index
 * publishes a new generation in the database; the others poll it (every few seconds) and ingest the
 * shared knowledge folder and the approved FAQs into their own index — in place when the change is
 * small (the same chunk delta the publishing instance applied), by a full build otherwise.
 */
import type { Logger } from '../core';

/** The generation counter shared by the instances. */
export interface GenerationCounter {
  bump(name: string): Promise<number>;
  current(name: string): Promise<number>;
}

/** What the sync needs. */
export interface IndexSyncDeps {
  generations: GenerationCounter;
  /** Brings this instance's index up to the shared sources (without publishing). */
  rebuild: () => Promise<void>;
  logger: Logger;
  /** Milliseconds between polls (default 3000). */
  intervalMs?: number;
}

/** The generation counter of the knowledge index (also bumped by `kotae ingest`). */
export const KNOWLEDGE_GENERATION = 'knowledge';
const NAME = KNOWLEDGE_GENERATION;

/** Polls the knowledge generation and rebuilds when another instance published a newer one. */
export class IndexSync {
  private seen = 0;
  private handle: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: IndexSyncDeps) {}

  /** Reads the current generation (this instance's index is built from it) and starts polling. */
  async start(): Promise<void> {
    this.seen = await this.deps.generations.current(NAME).catch(() => 0);
    this.handle = setInterval(() => void this.poll(), this.deps.intervalMs ?? 3000);
    this.handle.unref();
  }

  /** After this instance rebuilt its index: tells the others. */
  async published(): Promise<void> {
    const before = this.seen;
    const after = await this.deps.generations.bump(NAME);
    // Another instance's generation in between stays unseen, so the next poll rebuilds with it.
    if (after === before + 1) this.seen = after;
  }

  /** One poll now (or the one in progress). Never rejects. */
  poll(): Promise<void> {
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Stops polling and waits for a rebuild in progress. */
  async stop(): Promise<void> {
    if (this.handle) clearInterval(this.handle);
    this.handle = undefined;
    await this.running;
  }

  private async check(): Promise<void> {
    try {
      const current = await this.deps.generations.current(NAME);
      if (current <= this.seen) return;
      this.deps.logger.info('knowledge index: newer generation published by another instance; rebuilding', {
        generation: current,
      });
      await this.deps.rebuild();
      this.seen = Math.max(this.seen, current);
    } catch (err) {
      this.deps.logger.warn('knowledge index sync failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }
}
