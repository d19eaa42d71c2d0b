/**
 * Deletion of personal data after the retention period (job `retention`): conversations whose
 * last activity is older than `retentionDays` (with their transcript, questions and feedback),
 * except those linked to a ticket that is not closed; and tickets closed more than
 * `retentionDays` ago (with comments, history, attachments and their transcript copy). Then the
 * attachment files no row references any more are deleted (a file shared by another ticket stays).
 * Work logs, reports, job runs and the audit log are kept: they are the contract's records.
 */
import type { AuditTrail } from '../core';
import type { Clock } from '../core';
import type { Logger } from '../core';
import { DELETION_ITEM_LABELS, type DeletionCertificateStore, type DeletionItem } from './deletion-certificate';
import type { JobRunner } from './job-runner';
import { buildResidue, type ResidueSources } from './retention-residue';

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
  /** Numbers of the deleted tickets (for the certificate; ticket numbers are no personal data). */
  numbers: string[];
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
  /** One-time keys of console writes (a retry comes within minutes); purged after a day. */
  writeKeys?: { purgeBefore(before: Date): Promise<number> };
  /** Keys of keyed web chat and console POSTs (a retry comes within seconds; a day is plenty). */
  requestKeys?: { purgeBefore(before: Date): Promise<number> };
  /** The scan verdicts (file_scan) of contents no attachment row references any more; purged after a day. */
  fileScans?: { purgeUnreferenced(before: Date, now: Date): Promise<number> };
  /** Deletes this instance's quarantined files kept longer than KOTAE_QUARANTINE_KEEP_DAYS. */
  quarantinedFiles?: { removeExpired(now: Date): Promise<number> };
  logger?: Logger;
  /** Issue 11: the certificate, retention per class, secure deletion, audit and backup pruning. */
  trust?: RetentionTrustDeps;
}

/** Retention per data class with a deletion certificate (issue 11). */
export interface RetentionTrustDeps {
  /** Days per class (conversations and questions, tickets, attachments, audit). */
  classes: { conversationDays: number; ticketDays: number; attachmentDays: number; auditDays: number };
  /** Attachment rows older than the attachment retention. */
  attachmentRows: { purgeAttachments(cutoff: Date, batchSize: number): Promise<number> };
  /** Secure deletion: zeroing of deleted content, then removal of freed pages. */
  eraser: { prepareSecureDelete(): Promise<void>; compact(tables: readonly string[]): Promise<string> };
  /** The audit log: its own retention, and the audited certificate. */
  audit: AuditTrail & { pruneBefore(cutoff: Date): Promise<number> };
  certificates: DeletionCertificateStore;
  /** Closes resolved tickets after N business days (before the deletion); returns how many. */
  autoClose?: { closeResolved(now: Date): Promise<number> };
  /**
   * The copies that outlive the deletion: generations and restore safety copies taken before the
   * shortest retention are deleted (the newest generation is kept); the rest go on the certificate.
   */
  residue?: ResidueSources;
  /** 媒体名 on the certificate (database and attachment folder). */
  medium: string;
  /** 実施者 on the certificate. */
  performedBy: string;
}

/** What a run with a certificate adds to the outcome. */
export interface RetentionTrustOutcome {
  certificateId: string;
  attachmentsByAge: number;
  audit: number;
  autoClosed: number;
  /** Backup generations deleted (their database files). */
  backups: string[];
  /** Safety copies of restores deleted (before-restore-*). */
  beforeRestore: string[];
  method: string;
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
  /** With `trust`: the certificate and what it adds. */
  trust?: RetentionTrustOutcome;
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
    const trust = this.deps.trust;
    const days = trust?.classes;
    const before = (n: number | undefined) => (n === undefined ? cutoff : new Date(now.getTime() - n * DAY_MS));
    const outcome = await runner.run(
      RETENTION_JOB,
      async (): Promise<RetentionOutcome> => {
        const autoClosed = (await trust?.autoClose?.closeResolved(now)) ?? 0;
        await trust?.eraser.prepareSecureDelete();
        const conversations = await store.purgeConversations(before(days?.conversationDays), batch);
        const tickets = await store.purgeClosedTickets(before(days?.ticketDays), batch);
        const attachmentsByAge =
          (await trust?.attachmentRows.purgeAttachments(before(days?.attachmentDays), batch)) ?? 0;
        // A day's grace: a file just stored has its row written right after.
        const files = (await this.deps.attachmentFiles?.removeUnreferencedFiles(new Date(now.getTime() - DAY_MS))) ?? 0;
        const deliveries = (await this.deps.processedDeliveries?.purgeBefore(new Date(now.getTime() - DAY_MS))) ?? 0;
        await this.deps.writeKeys?.purgeBefore(new Date(now.getTime() - DAY_MS));
        await this.deps.requestKeys?.purgeBefore(new Date(now.getTime() - DAY_MS));
        await this.deps.fileScans?.purgeUnreferenced(new Date(now.getTime() - DAY_MS), now);
        await this.deps.quarantinedFiles?.removeExpired(now);
        const base = { cutoff, conversations, tickets, files, deliveries };
        if (!trust || !days) return base;
        const audit = await trust.audit.pruneBefore(before(days.auditDays));
        const shortest = Math.min(days.conversationDays, days.ticketDays, days.attachmentDays);
        const pruned = trust.residue?.copies.pruneOlderThan(before(shortest));
        const backups = pruned?.generations ?? [];
        const beforeRestore = pruned?.beforeRestore ?? [];
        const counts = {
          ...base,
          attachmentsByAge,
          audit,
          backups: backups.length,
          beforeRestore: beforeRestore.length,
        };
        const tables = deletedTables(counts);
        const method = await trust.eraser.compact(tables);
        const items = certificateItems(counts);
        const certificate = await trust.audit.atomically(
          () =>
            trust.certificates.add({
              createdAt: now,
              performedBy: trust.performedBy,
              medium: trust.medium,
              method,
              items,
              settings: { ...days, autoClosed, cutoff: before(shortest).toISOString() },
              total: items.reduce((sum, i) => sum + i.count, 0),
              ...(trust.residue ? { residue: buildResidue(trust.residue, now, shortest, tickets.numbers) } : {}),
            }),
          (c) => ({
            actor: 'system',
            action: 'retention.run',
            target: c.id,
            detail: { total: c.total, autoClosed, tables },
          }),
        );
        return {
          ...base,
          trust: {
            certificateId: certificate.id,
            attachmentsByAge,
            audit,
            autoClosed,
            backups,
            beforeRestore,
            method,
          },
        };
      },
      JSON.stringify({ cutoff: cutoff.toISOString(), retentionDays: this.deps.retentionDays, classes: days }),
    );
    logger?.info('retention done', {
      cutoff: cutoff.toISOString(),
      ...prefixed('conversation', outcome.conversations),
      ...prefixed('ticket', { ...outcome.tickets, numbers: outcome.tickets.numbers.length }),
      files: outcome.files,
      deliveries: outcome.deliveries,
    });
    return outcome;
  }
}

function prefixed(prefix: string, counts: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [`${prefix}.${k}`, v]));
}

type Counts = Pick<RetentionOutcome, 'conversations' | 'tickets' | 'files' | 'deliveries'> & {
  attachmentsByAge: number;
  audit: number;
  backups: number;
  beforeRestore: number;
};

/** The certificate's lines: one per table (or store) with its count, zero lines included. */
function certificateItems(c: Counts): DeletionItem[] {
  const L = DELETION_ITEM_LABELS;
  return [
    { item: L.conversation, table: 'conversation', count: c.conversations.conversations },
    {
      item: L.conversation,
      table: 'transcript_entry',
      count: c.conversations.transcriptEntries + c.tickets.transcriptEntries,
    },
    { item: L.question, table: 'question', count: c.conversations.questions },
    { item: L.feedback, table: 'feedback', count: c.conversations.feedback },
    { item: L.ticket, table: 'ticket', count: c.tickets.tickets },
    { item: L.ticket, table: 'ticket_comment', count: c.tickets.comments },
    { item: L.ticket, table: 'ticket_event', count: c.tickets.events },
    {
      item: L.attachment,
      table: 'attachment',
      count: c.conversations.attachments + c.tickets.attachments + c.attachmentsByAge,
    },
    { item: L.attachment, table: 'attachments/（ファイル）', count: c.files },
    { item: L.audit, table: 'audit_log', count: c.audit },
    { item: L.delivery, table: 'processed_activity', count: c.deliveries },
    { item: L.backup, table: 'backups/（世代）', count: c.backups },
    { item: L.beforeRestore, table: 'before-restore-*（ファイル）', count: c.beforeRestore },
  ];
}

/** Database tables rows were deleted from (the ones to compact). */
function deletedTables(c: Counts): string[] {
  return certificateItems(c)
    .filter((i) => i.count > 0 && !i.table.includes('/'))
    .map((i) => i.table)
    .filter((t, i, all) => all.indexOf(t) === i);
}
