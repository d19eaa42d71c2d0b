/**
 * The daily audit checkpoint (job `audit-anchor`, issue 11): the audit chain's head goes to the
 * anchor file and the structured log once a day, under the job lease so one instance writes it.
 */
import type { AuditHead } from '../core';
import type { JobRunner } from './job-runner';

/** Job name in job_run. */
export const AUDIT_ANCHOR_JOB = 'audit-anchor';

/** Checkpoints the audit chain head through the JobRunner (recorded in job_run). */
export class AuditAnchorJob {
  constructor(private readonly deps: { audit: { anchor(source: string): Promise<AuditHead> }; runner: JobRunner }) {}

  run(): Promise<AuditHead> {
    return this.deps.runner.run(AUDIT_ANCHOR_JOB, () => this.deps.audit.anchor('daily'));
  }
}
