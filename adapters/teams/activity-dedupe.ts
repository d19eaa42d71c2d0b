/**
 * Short-lived memory of activity ids, because Teams redelivers an activity when the bot is slow.
 * The first delivery runs the work; a redelivery within the TTL gets the same (possibly pending) result.
 * Failed work is forgotten, so a redelivery after a failure runs again.
 */
export class ActivityDedupe<T> {
  private readonly entries = new Map<string, { at: number; result: Promise<T> }>();

  /**
   * @param ttlMs how long an id is remembered
   * @param maxEntries bound on memory; the oldest ids are dropped first
   * @param now clock in milliseconds (tests pass their own)
   */
  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `work` once per id; `isFirst` tells the caller whether this delivery did the work. */
  run(id: string | undefined, work: () => Promise<T>): { isFirst: boolean; result: Promise<T> } {
    if (!id) return { isFirst: true, result: work() };
    this.evict();
    const seen = this.entries.get(id);
    if (seen) return { isFirst: false, result: seen.result };
    const result = work();
    this.entries.set(id, { at: this.now(), result });
    result.catch(() => this.entries.delete(id));
    return { isFirst: true, result };
  }

  private evict(): void {
    const oldest = this.now() - this.ttlMs;
    for (const [key, entry] of this.entries) {
      if (entry.at >= oldest && this.entries.size < this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
