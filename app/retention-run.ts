/**
 * `kotae retention run` (session 31): the retention job with the parts the server's schedule gives it
 * (a ticket service for auto-close, the attachment service for the file sweep, the same certificate
 * parts), run under the same job lease `retention`, so a run by hand and the scheduled run never
 * overlap. `previewRetention` counts what a run would delete now, deleting nothing.
 */
import { hostname } from 'node:os';
import { JobRunner, LeaseGuard, RETENTION_JOB, RetentionJob, type RetentionOutcome } from '../jobs';
import {
  attachmentDir,
  FsAttachmentFileStore,
  SqlAttachmentStore,
  SqlConversationStore,
  SqlJobLease,
  SqlTicketOutbox,
  SqlProcessedDeliveries,
  SqlRequestKeys,
  SqlRetentionStore,
  SqlWriteKeys,
  previewRetentionRows,
  type RetentionPreviewRows,
} from '../db';
import { AttachmentService, ReplyDelivery, TicketService } from '../tickets';
import type { KotaeParts } from './kotae-parts';
import { retentionTrust } from './wire-retention';

const DAY_MS = 86_400_000;

/** The outcome of a run by hand, or who holds the lease when another run is under way. */
export type ManualRetention = { ran: true; outcome: RetentionOutcome } | { ran: false; holder?: string };

/** Runs the retention job now under the lease `retention` (one attempt, recorded in job_run). */
export async function runRetentionNow(kotae: KotaeParts): Promise<ManualRetention> {
  const { config, runtime } = kotae;
  const { clock, logger } = runtime;
  const ds = await kotae.database();
  const audit = await kotae.audit();
  const holder = `cli@${hostname()}-${process.pid}`;
  const leases = new LeaseGuard({ lease: new SqlJobLease(ds), holder, clock, logger });
  const now = () => clock.now();
  const ticketStore = await kotae.tickets();
  const parts = await kotae.reportParts();
  // Auto-close is an audited ticket update; a notice it queues has no channel here: the server's retry sends it.
  const delivery = new ReplyDelivery({
    store: ticketStore,
    conversations: new SqlConversationStore(ds, now),
    senders: new Map(),
    outbox: new SqlTicketOutbox(ds),
    clock,
    logger,
    worker: holder,
    retryDelayMs: 60_000,
  });
  const attachmentRows = new SqlAttachmentStore(ds, now);
  const attachments = new AttachmentService({
    files: new FsAttachmentFileStore(attachmentDir(config.dataDir)),
    rows: attachmentRows,
    tickets: ticketStore,
    audit,
    maxBytes: config.attachmentMaxBytes,
  });
  const tickets = new TicketService({
    store: ticketStore,
    delivery,
    attachments: attachmentRows,
    files: attachments,
    calendar: parts.calendar,
    slaPolicy: parts.slaPolicy,
    slaTargets: parts.slaTargets,
    clock,
    audit,
  });
  const store = new SqlRetentionStore(ds);
  const job = new RetentionJob({
    store,
    trust: retentionTrust(config, {
      ds,
      store,
      audit,
      tickets,
      ticketStore,
      calendar: parts.calendar,
      logger,
      instance: holder,
    }),
    // One attempt: whoever runs it by hand sees a failure at once.
    runner: new JobRunner({ store: await kotae.jobRuns(), clock, logger, maxAttempts: 1 }),
    clock,
    retentionDays: config.retentionDays,
    logger,
    attachmentFiles: attachments,
    processedDeliveries: new SqlProcessedDeliveries(ds, now),
    writeKeys: new SqlWriteKeys(ds),
    requestKeys: new SqlRequestKeys(ds),
  });
  const outcome = await leases.run(RETENTION_JOB, () => job.run(clock.now()), undefined);
  if (outcome) return { ran: true, outcome };
  const held = (await leases.all()).find((l) => l.name === RETENTION_JOB);
  return { ran: false, holder: held?.holder };
}

/** What a run now would delete (rows per class), with the cutoffs. */
export interface RetentionPreview extends RetentionPreviewRows {
  cutoffs: { conversation: Date; ticket: Date; attachment: Date; audit: Date };
}

/** Counts what a run at the clock's now would delete; deletes nothing. */
export async function previewRetention(kotae: KotaeParts): Promise<RetentionPreview> {
  const { config } = kotae;
  const now = kotae.runtime.clock.now().getTime();
  const days = config.integrity.retention;
  const before = (n: number) => new Date(now - n * DAY_MS);
  const cutoffs = {
    conversation: before(days.conversationDays),
    ticket: before(days.ticketDays),
    attachment: before(days.attachmentDays),
    audit: before(days.auditDays),
  };
  const rows = await previewRetentionRows(await kotae.database(), cutoffs);
  return { ...rows, cutoffs };
}
