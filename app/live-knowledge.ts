/**
 * The knowledge base the running server searches. It follows the index generation that
 * ingest publishes (CURRENT), loading a new one in the background while the old one serves.
 * A generation that fails to load (a truncated or missing file, broken JSON, another format) is
 * remembered: /healthz reports it, questions are refused with a Japanese message that says so, and
 * the same generation is tried again only after a pause (or at once when ingest publishes another).
 */
import path from 'node:path';
import { KotaeError, toKotaeError } from '../core';
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

/** Why the index (or its newest generation) is not served: for /healthz and the console. */
export interface IndexProblem {
  /** `KB_INDEX_CORRUPT` (a file missing, truncated or malformed), `KB_UNAVAILABLE` (none built), or the cause's code. */
  code: string;
  /** What an operator reads (Japanese). */
  message: string;
  /** The internal error (English), for the log and the administrator. */
  detail?: string;
  /** The generation that failed to load (its folder name under `index/`). */
  generation?: string;
  /** When it last failed (ISO). */
  at?: string;
}

/**
 * The `index` part of /healthz: the stats of the index that serves, and its state. `ok`: the current
 * generation serves; `stale`: an older generation serves because the newest failed to load;
 * `unavailable`: nothing serves (questions are refused), `error` says why.
 */
export interface IndexStatus extends Partial<IndexStats> {
  ready: boolean;
  state: 'ok' | 'stale' | 'unavailable';
  error?: IndexProblem;
}

/** Texts of the index's state (Japanese): /api/ask refusals, /healthz and the console. */
export const INDEX_MESSAGES = Object.freeze({
  /** A question while no index is loaded because loading failed. */
  unreadable: 'ナレッジを読み込めないため、現在は回答できません。お手数ですが、担当者にお問い合わせください。',
  /** A question before any index was built. */
  notBuilt: 'ナレッジベースがまだ準備できていません。しばらくしてからお試しいただくか、担当者にお問い合わせください。',
  /** /healthz and the console when loading failed. */
  loadFailed:
    'ナレッジの索引を読み込めません（ファイルの欠落・破損など）。チャットでは回答できず、担当者への問い合わせを案内しています。サーバーで kotae ingest --force <ナレッジフォルダ> を実行するか、コンソールで文書をアップロード（または削除）すると、索引が作り直されます。',
  /** /healthz and the console when a newer generation failed and an older one still serves. */
  staleFailed:
    'ナレッジの最新の索引を読み込めないため、以前の索引で回答を続けています。サーバーで kotae ingest --force <ナレッジフォルダ> を実行するか、コンソールで文書をアップロード（または削除）すると、索引が作り直されます。',
  /** /healthz when no index was ever built. */
  missing: 'ナレッジの索引がまだ作成されていません。ナレッジフォルダを確認し、kotae ingest を実行してください。',
});

/** Wait before a generation that failed to load is tried again by a question. */
const RETRY_FAILED_MS = 30_000;

/** KnowledgeSearch that swaps to the newest published index without blocking queries. */
export class LiveKnowledge<K extends LoadedKnowledge = LoadedKnowledge> implements KnowledgeSearch {
  private current?: { dir: string; kb: K };
  private failure?: { dir: string; error: KotaeError; at: Date };
  private loading?: Promise<void>;
  private lastCheck = 0;

  constructor(
    private readonly source: KnowledgeSource<K>,
    private readonly logger: Logger,
    private readonly checkEveryMs = 2000,
  ) {}

  /** Loads the current generation now (at start and after an ingest in this process); rejects when it cannot. */
  async reload(): Promise<void> {
    this.lastCheck = Date.now();
    const dir = this.source.currentDir();
    if (!dir) return;
    if (dir === this.current?.dir) {
      // CURRENT back on the generation that serves (a failed newer one was given up): nothing is stale.
      this.failure = undefined;
      return;
    }
    const started = performance.now();
    let kb: K;
    try {
      kb = await this.source.open(dir);
    } catch (err) {
      const error = toKotaeError(err, 'KB_INDEX_CORRUPT');
      this.failure = { dir, error, at: new Date() };
      throw error;
    }
    this.current = { dir, kb };
    this.failure = undefined;
    this.logger.info('knowledge index loaded', { dir, ...kb.stats(), ms: Math.round(performance.now() - started) });
  }

  /** The generation CURRENT names when it failed to load and nothing newer replaced it (ingest rebuilds it then). */
  unreadableGeneration(): string | undefined {
    const dir = this.source.currentDir();
    return dir && this.failure?.dir === dir ? dir : undefined;
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
    if (!this.current) throw this.unavailable();
    return this.current.kb.search(query, options);
  }

  /** What the health check reports, with the thresholds the index calibrated on itself. */
  status(): IndexStatus {
    const problem = this.problem();
    if (!this.current) return { ready: false, state: 'unavailable', error: problem ?? this.missing() };
    const stats = this.current.kb.stats();
    return problem ? { ready: true, state: 'stale', error: problem, ...stats } : { ready: true, state: 'ok', ...stats };
  }

  /** The refusal of a question while nothing serves: says whether the index failed to load or was never built. */
  private unavailable(): KotaeError {
    const failed = this.failure;
    if (!failed) {
      return new KotaeError('KB_UNAVAILABLE', 'no knowledge index has been built yet', {
        userMessage: INDEX_MESSAGES.notBuilt,
      });
    }
    const code = failed.error.code === 'KB_INDEX_CORRUPT' ? 'KB_INDEX_CORRUPT' : 'KB_UNAVAILABLE';
    return new KotaeError(code, `knowledge index ${failed.dir} failed to load: ${failed.error.message}`, {
      userMessage: INDEX_MESSAGES.unreadable,
      cause: failed.error,
    });
  }

  /** The failed generation, unless a newer one was loaded since. */
  private problem(): IndexProblem | undefined {
    const failed = this.failure;
    if (!failed) return undefined;
    return {
      code: failed.error.code,
      message: this.current ? INDEX_MESSAGES.staleFailed : INDEX_MESSAGES.loadFailed,
      // Files are named from the generation folder on: /healthz need not show where the data folder is.
      detail: failed.error.message
        .split(path.dirname(failed.dir) + path.sep)
        .join('')
        .slice(0, 300),
      generation: path.basename(failed.dir),
      at: failed.at.toISOString(),
    };
  }

  private missing(): IndexProblem {
    return { code: 'KB_UNAVAILABLE', message: INDEX_MESSAGES.missing };
  }

  private reloadOnce(): Promise<void> {
    // A generation that failed is read again only after a pause: a broken index is not re-read by every question.
    const failed = this.failure;
    if (failed && failed.dir === this.source.currentDir() && Date.now() - failed.at.getTime() < RETRY_FAILED_MS) {
      this.lastCheck = Date.now();
      return Promise.resolve();
    }
    this.loading ??= this.reload()
      .catch((err: unknown) => this.logLoadFailure(err))
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  /** Logs a failed load with its code and what to do. */
  logLoadFailure(err: unknown): void {
    const error = toKotaeError(err, 'KB_INDEX_CORRUPT');
    this.logger.error('knowledge index load failed', {
      code: error.code,
      error: error.message,
      dir: this.failure?.dir,
      serving: this.current ? path.basename(this.current.dir) : 'nothing: questions are refused',
      fix: 'rebuild the index: kotae ingest --force <knowledge folder>, or an ingest from the console',
    });
  }
}
