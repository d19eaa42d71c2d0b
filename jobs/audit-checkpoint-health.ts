/**
 * Whether this server's audit checkpoints are being written (issue 11): the checkpoint after writes
 * (source `write`, the head file) and the periodic one (source `periodic`, the anchor file) report each
 * outcome here, and the `audit_checkpoint_failed` alert condition reads it. A source is failing from its
 * first failure until its next success; a success of one source does not clear another's failure (they
 * write different files).
 */

/** One checkpoint source failing since `since`. */
export interface AuditCheckpointFailure {
  source: string;
  since: Date;
  /** The latest failure's message. */
  error: string;
  /** Failures since `since`. */
  failures: number;
}

/** What the alert condition reads. */
export interface AuditCheckpointState {
  /** Sources failing now, oldest first. */
  failing: AuditCheckpointFailure[];
  /** Whether any checkpoint of this process has failed (before that, the condition has no opinion). */
  everFailed: boolean;
}

/** Port the checkpoint writers report to. */
export interface AuditCheckpointOutcomes {
  failed(source: string, error: string): void;
  succeeded(source: string): void;
}

/** In-process record of the checkpoint outcomes of this server. */
export class AuditCheckpointHealth implements AuditCheckpointOutcomes {
  private readonly failing = new Map<string, AuditCheckpointFailure>();
  private everFailed = false;

  constructor(private readonly now: () => Date) {}

  failed(source: string, error: string): void {
    this.everFailed = true;
    const open = this.failing.get(source);
    if (open) this.failing.set(source, { ...open, error, failures: open.failures + 1 });
    else this.failing.set(source, { source, since: this.now(), error, failures: 1 });
  }

  succeeded(source: string): void {
    this.failing.delete(source);
  }

  state(): AuditCheckpointState {
    const failing = [...this.failing.values()].sort((a, b) => a.since.getTime() - b.since.getTime());
    return { failing, everFailed: this.everFailed };
  }
}
