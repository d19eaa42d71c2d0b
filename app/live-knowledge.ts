/**
 * The knowledge base the running server searches. It follows the index generation that
 * ingest publishes (CURRENT), loading a new one in the background while the old one serves.
 */
import { KotaeError } from '../core';
import type { Logger } from '../core';
import type { IndexStats, KnowledgeSearch, Retrieval } from '../knowledge';

/** A loaded index that can report what it holds. */
export interface LoadedKnowledge extends KnowledgeSearch {
  stats(): IndexStats;
}

/** Where the current generation is, and how to open one. */
export interface KnowledgeSource<K extends LoadedKnowledge = LoadedKnowledge> {
  currentDir(): string | undefined;
  open(dir: string): Promise<K>;
}

/** KnowledgeSearch that swaps to the newest published index without blocking queries. */
export class LiveKnowledge<K extends LoadedKnowledge = LoadedKnowledge> implements KnowledgeSearch {
  private current?: { dir: string; kb: K };
  private loading?: Promise<void>;
  private lastCheck = 0;

  constructor(
    private readonly source: KnowledgeSource<K>,
    private readonly logger: Logger,
    private readonly checkEveryMs = 2000,
  ) {}

  /** Loads the current generation now (at start and after an ingest in this process). */
  async reload(): Promise<void> {
    this.lastCheck = Date.now();
    const dir = this.source.currentDir();
    if (!dir || dir === this.current?.dir) return;
    const started = performance.now();
    const kb = await this.source.open(dir);
    this.current = { dir, kb };
    this.logger.info('knowledge index loaded', { dir, ...kb.stats(), ms: Math.round(performance.now() - started) });
  }

  /**
   * Runs `change` on the loaded index of generation `dir` (an incremental update in place); undefined
   * when another generation (or none) is loaded.
   */
  async withLoaded<T>(dir: string, change: (kb: K) => Promise<T>): Promise<T | undefined> {
    await this.loading;
    return this.current?.dir === dir ? change(this.current.kb) : undefined;
  }

  async search(query: string, options?: { k?: number }): Promise<Retrieval> {
    if (!this.current) await this.reloadOnce();
    else if (Date.now() - this.lastCheck > this.checkEveryMs) void this.reloadOnce();
    if (!this.current) {
      throw new KotaeError('KB_UNAVAILABLE', 'no knowledge index has been built yet', {
        userMessage:
          'ナレッジベースがまだ準備できていません。しばらくしてからお試しいただくか、担当者にお問い合わせください。',
      });
    }
    return this.current.kb.search(query, options);
  }

  /** What the health check reports, with the thresholds the index calibrated on itself. */
  status(): { ready: boolean } & Partial<IndexStats> {
    return this.current ? { ready: true, ...this.current.kb.stats() } : { ready: false };
  }

  private reloadOnce(): Promise<void> {
    this.loading ??= this.reload()
      .catch((err: unknown) => this.logger.error('knowledge index load failed', { error: (err as Error).message }))
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
