/** Runs tasks one after another per key (one staff member's messages are answered in order). */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Queues a task behind the earlier ones of the same key; a failing task does not stop the queue. */
  run(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task).finally(() => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
    const settled = next.catch(() => undefined);
    this.tails.set(key, settled);
    return next;
  }

  /** Keys with work queued or running. */
  get size(): number {
    return this.tails.size;
  }
}
