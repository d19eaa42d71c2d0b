/** One-shot timers the test fires by hand (DelayTimers): each pending timer's delay and callback. */
import type { DelayTimers } from '../../jobs';

/** Deterministic DelayTimers: nothing fires until `fire()`. */
export class HandTimers implements DelayTimers {
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  /** Timers set so far. */
  scheduled = 0;
  private next = 1;

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    this.scheduled += 1;
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Fires every pending timer; returns the delays they were set with. */
  fire(): number[] {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const t of due) t.fn();
    return due.map((t) => t.ms);
  }
}
