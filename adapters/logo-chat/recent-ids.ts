/**
 * The ids of the LoGoチャット messages handled lately, so a message the server delivers again (after a
 * reconnect, or twice through a relay) is answered once. In memory and bounded: only one instance holds
 * the direct connection, and relay event ids are also deduplicated in the database.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly max = 10_000) {}

  /** True the first time `id` is seen; false for a repeat. */
  firstTime(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    // A Set iterates in insertion order: the oldest id is dropped first.
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value ?? id);
    return true;
  }
}
