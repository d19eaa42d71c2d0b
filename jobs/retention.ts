/**
 * Deletion of personal data after the retention period (job `retention`): conversations whose
 * last activity is older than `retentionDays` (with their transcript, questions and feedback),
 * except those linked to a ticket that is not closed; and tickets closed more than
 * `retentionDays` ago (with comments, history, attachments and their transcript copy). Then the
 * attachment files no row references any more are deleted (a file shared by another ticket stays).
 * Work logs, reports, job runs and the audit log are kept: they are the contract's records.
 */
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { JobRunner } from './job-runner';

/** Rows deleted with expired conversations. */
export interface ConversationPurge {
  conversations: number;
  transcriptEntries: number;
  questions: number;
  feedback: number;
  /** Attachments held on the conversation (never escalated). */
  attachments: number;
}

/** Rows deleted with expired closed tickets. */
export interface TicketPurge {
  tickets: number;
  comments: number;
  events: number;
  attachments: number;
  transcriptEntries: number;
}

/** Port: deletes expired rows in batches, each batch in one transaction. db/ implements it. */
export interface RetentionStore {
  /** Conversations last active before `cutoff` and not linked to an unclosed ticket. */
  purgeConversations(cutoff: Date, batchSize: number): Promise<ConversationPurge>;
  /** Tickets with status closed and closedAt before `cutoff`. */
  purgeClosedTickets(cutoff: Date, batchSize: number): Promise<TicketPurge>;
}

/** What the retention job needs. */
export interface RetentionJobDeps {
  store: RetentionStore;
  runner: JobRunner;
  clock: Clock;
  /** config.retentionDays. */
  retentionDays: number;
  /** Rows per transaction (default 200). */
  batchSize?: number;
  /** Deletes attachment files no row references (AttachmentService); without it files are left alone. */
  attachmentFiles?: { removeUnreferencedFiles(olderThan: Date): Promise<number> };
  /** Channel delivery ids kept for redelivery dedupe; purged after a day. */
  processedDeliveries?: { purgeBefore(before: Date): Promise<number> };
  logger?: Logger;
}

/** Result of one retention run. */
export interface RetentionOutcome {
  cutoff: Date;
  conversations: ConversationPurge;
  tickets: TicketPurge;
  /** Attachment files deleted because no row references them any more. */
  files: number;
  /** Delivery ids older than a day forgotten (redelivery dedupe). */
  deliveries: number;
}

/** Job name in job_run. */
export const RETENTION_JOB = 'retention';

const DAY_MS = 86_400_000;

/** Deletes personal data older than the retention period. */
export class RetentionJob {
  constructor(private readonly deps: RetentionJobDeps) {}

  /** The instant before which data has expired at `now`. */
  cutoff(now: Date): Date {
    return new Date(now.getTime() - this.deps.retentionDays * DAY_MS);
  }

  /** Runs the deletion through the JobRunner (recorded in job_run); resolves with the counts. */
  async run(now: Date = this.deps.clock.now()): Promise<RetentionOutcome> {
    const { store, runner, logger } = this.deps;
    const cutoff = this.cutoff(now);
    const batch = Math.max(1, this.deps.batchSize ?? 200);
    const outcome = await runner.run(
      RETENTION_JOB,
      async () => ({
        cutoff,
        conversations: await store.purgeConversations(cutoff, batch),
        tickets: await store.purgeClosedTickets(cutoff, batch),
        // A day's grace: a file just stored has its row written right after.
        files: (await this.deps.attachmentFiles?.removeUnreferencedFiles(new Date(now.getTime() - DAY_MS))) ?? 0,
        deliveries: (await this.deps.processedDeliveries?.purgeBefore(new Date(now.getTime() - DAY_MS))) ?? 0,
      }),
      JSON.stringify({ cutoff: cutoff.toISOString(), retentionDays: this.deps.retentionDays }),
    );
    logger?.info('retention done', {
      cutoff: cutoff.toISOString(),
      ...prefixed('conversation', outcome.conversations),
      ...prefixed('ticket', outcome.tickets),
      files: outcome.files,
      deliveries: outcome.deliveries,
    });
    return outcome;
  }
}

function prefixed(prefix: string, counts: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [`${prefix}.${k}`, v]));
}
