/**
 * The checkpoint that follows audit writes (session 33): rows deleted from the newest end of the chain
 * are detected only once a checkpoint covers them, so after an audit write commits the head is
 * checkpointed `delayMs` later — one checkpoint for a burst of writes (every write until the timer fires
 * is covered by it; a write while it runs schedules one more), never on the request's path (the commit
 * only starts a timer) and never failing anyone (a failed checkpoint is logged; the next write or the
 * periodic checkpoint tries again; the outcome is reported for the
 * `audit_checkpoint_failed` alert). No lease: each server checkpoints after its own writes, into a head
 * file of its own that it overwrites (db/audit/head-file.ts), so under steady writes neither the anchor
 * file nor audit_checkpoint grows (session 34).
 */
import type { AuditHead, Logger } from '../core';
import { toKotaeError } from '../core';
import type { AuditCheckpointOutcomes } from './audit-checkpoint-health';

/** Source of the checkpoints written after a write (in the server's head file). */
export const AUDIT_WRITE_CHECKPOINT_SOURCE = 'write';

/** One-shot timer functions (injected by tests). */
export interface DelayTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's timers, not keeping the process alive (stop() writes a pending checkpoint). */
export const realDelayTimers: DelayTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** What the write-following checkpoint needs. */
export interface AuditWriteCheckpointDeps {
  audit: { coverHead(source: string): Promise<AuditHead | undefined> };
  /** Milliseconds from a write to its checkpoint (KOTAE_AUDIT_CHECKPOINT_DELAY_MS, > 0). */
  delayMs: number;
  logger?: Logger;
  timers?: DelayTimers;
  /** Told each outcome (the `audit_checkpoint_failed` alert reads it). */
  outcomes?: AuditCheckpointOutcomes;
}

/** Checkpoints the audit head shortly after writes, coalescing bursts; never rejects. */
export class AuditWriteCheckpoint {
  private readonly timers: DelayTimers;
  private handle: unknown;
  private running?: Promise<void>;
  /** A write committed while a checkpoint was being written: one more after it. */
  private again = false;
  private stopped = false;

  constructor(private readonly deps: AuditWriteCheckpointDeps) {
    this.timers = deps.timers ?? realDelayTimers;
  }

  /** An audit write committed: a checkpoint follows within the delay (unless one is already due). */
  noteWrite(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule();
  }

  /** Resolves once no checkpoint is being written (tests: after the timer fired). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops following writes; a checkpoint still due is written now, one being written is waited for. */
  async stop(): Promise<void> {
    this.stopped = true;
    const due = this.handle !== undefined || this.again;
    this.cancel();
    this.again = false;
    await this.running;
    if (due) await this.run();
  }

  private schedule(): void {
    if (this.handle !== undefined) return;
    this.handle = this.timers.setTimeout(() => {
      this.handle = undefined;
      void this.run();
    }, this.deps.delayMs);
  }

  private cancel(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private run(): Promise<void> {
    this.running ??= this.checkpoint().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.schedule();
      }
    });
    return this.running;
  }

  private async checkpoint(): Promise<void> {
    try {
      await this.deps.audit.coverHead(AUDIT_WRITE_CHECKPOINT_SOURCE);
      this.deps.outcomes?.succeeded(AUDIT_WRITE_CHECKPOINT_SOURCE);
    } catch (err) {
      const error = toKotaeError(err).message;
      this.deps.logger?.warn('audit checkpoint after a write failed', { error });
      this.deps.outcomes?.failed(AUDIT_WRITE_CHECKPOINT_SOURCE, error);
    }
  }
}
