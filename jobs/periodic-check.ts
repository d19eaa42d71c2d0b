/**
 * A check that runs on a timer: once at start, then every N minutes. Checks never overlap, and
 * stop() waits for one in progress. Shared by the report and the daily schedulers.
 */

/** Timer functions (injected by tests). */
export interface SchedulerTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Node's timers, not keeping the process alive. */
export const realTimers: SchedulerTimers = {
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

/** Runs `check` periodically; `check` must not reject. */
export class PeriodicCheck<T> {
  private handle: unknown;
  private running: Promise<T> | undefined;

  constructor(
    private readonly check: () => Promise<T>,
    private readonly intervalMinutes = 15,
    private readonly timers: SchedulerTimers = realTimers,
  ) {}

  /** Starts checking every interval, with a first check right away. */
  start(): void {
    if (this.handle !== undefined) return;
    this.handle = this.timers.setInterval(() => void this.tick(), this.intervalMinutes * 60_000);
    void this.tick();
  }

  /** Stops the timer and waits for a check in progress to finish. */
  async stop(): Promise<void> {
    if (this.handle !== undefined) this.timers.clearInterval(this.handle);
    this.handle = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One check now, or the one already in progress. */
  tick(): Promise<T> {
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}
