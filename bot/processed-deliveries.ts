/**
 * Port: ids of channel deliveries (e.g. Teams activity ids) already handled by some instance, so a
 * redelivery that reaches another instance sharing the database is answered once. Kept a day or so
 * (purged by the retention job); a delivery whose handling failed is forgotten so it runs again.
 */
export interface ProcessedDeliveries {
  /** Records `id` as handled by this instance; false when some instance already did. */
  claim(id: string): Promise<boolean>;
  /** Forgets `id` (its handling failed). */
  forget(id: string): Promise<void>;
  /** Keeps the outcome of handling `id` (e.g. an invoke's response body) for a redelivery elsewhere. */
  saveResult(id: string, result: string): Promise<void>;
  /** The outcome kept for `id`, if its handling has finished. */
  resultOf(id: string): Promise<string | undefined>;
  /** Deletes ids recorded before `before`; returns how many. */
  purgeBefore(before: Date): Promise<number>;
}

/** In-memory ProcessedDeliveries (one process; tests). */
export class InMemoryProcessedDeliveries implements ProcessedDeliveries {
  private readonly ids = new Map<string, Date>();
  private readonly results = new Map<string, string>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async claim(id: string): Promise<boolean> {
    if (this.ids.has(id)) return false;
    this.ids.set(id, this.now());
    return true;
  }

  async forget(id: string): Promise<void> {
    this.ids.delete(id);
    this.results.delete(id);
  }

  async saveResult(id: string, result: string): Promise<void> {
    if (this.ids.has(id)) this.results.set(id, result);
  }

  async resultOf(id: string): Promise<string | undefined> {
    return this.results.get(id);
  }

  async purgeBefore(before: Date): Promise<number> {
    let removed = 0;
    for (const [id, at] of this.ids) {
      if (at.getTime() < before.getTime()) {
        this.ids.delete(id);
        this.results.delete(id);
        removed += 1;
      }
    }
    return removed;
  }
}
