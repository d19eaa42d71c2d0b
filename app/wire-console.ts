/**
 * Wiring of the operator side: ticket service with reply delivery through the requester's
 * channel, accounts and sessions, work log, managed FAQs, the console and its report pages.
 */
import { hostname } from 'node:os';
import path from 'node:path';
import { showFirstAdminPassword } from './first-admin-password';
import { createPiiMasker, type PiiMasker } from '../privacy';
import type { DataSource } from 'typeorm';
import type { ChannelSender, ConversationStore } from '../conversations';
import type { SlaTargets, TicketStore } from '../tickets';
import type { ChannelKind } from '../conversations';
import type { BusinessCalendar, SlaPolicy } from '../calendar';
import type { Clock } from '../core';
import type { Logger } from '../core';
import { SqlOperatorStore } from '../db';
import { SqlSessionStore } from '../db';
import type { SqlAuditLog } from '../db';
import { SqlWorkLogStore } from '../db';
import { SqlFaqStore, SqlUnansweredQuestions } from '../db';
import { SqlAttachmentStore, SqlFileScans, SqlQuarantineList } from '../db';
import { FsAttachmentFileStore, attachmentDir } from '../db';
import { SqlTicketOutbox } from '../db';
import { SqlDeskChanges } from '../db';
import { SqlRequesterConversations } from '../db';
import { SqlFailedSaves } from '../db';
import { SqlSavedViews } from '../db';
import { SqlReplyTemplates } from '../db';
import { incidentBaseName, loadIncidentReport, renderIncidentPdf, renderIncidentXlsx } from '../reports';
import { SqlTicketLinks, SqlTicketMerger, SqlWriteKeys } from '../db';
import { AttachmentService, FaqService, ReplyDelivery, TicketService, WorkLogService } from '../tickets';
import { QuarantinedAttachments } from '../tickets';
import { manualCopyPlace, QuarantineRelease, type RecordedManualQuarantine } from '../tickets';
import type { ScannerWiring } from './wire-scanner';
import { AccountService, AuthService } from '../adapters/web';
import { createConsoleRouter, type CertificateSource, type KnowledgeConsole } from '../adapters/web';
import { SqlDeletionCertificates } from '../db';
import type { KotaeConfig } from './config';
import { consoleSingleLogout } from './wire-identity';
import { signInLimiters } from './wire-rate-limits';
import type { RateCounter, RequestKeys } from '../adapters/web';
import type { NotificationService } from '../notify';
import { writeManagedFaqs } from './managed-faqs';
import { SheetFaqSource } from './indexed-faqs';
import { SHAREPOINT_PREFIX, sharePointDir, uploadsDir } from './knowledge-folders';
import { quarantinedManualsDir } from './manual-rescan-source';
import { quarantinedManualFiles } from './quarantined-manual-files';
import { wireOperations } from './wire-operations';
import { wireFySwitch, wireRoster } from './wire-duties';

/** What the operator side needs from the rest of the app. */
export interface ConsoleWiringDeps {
  config: Readonly<KotaeConfig>;
  ds: DataSource;
  tickets: TicketStore;
  conversations: ConversationStore;
  senders: Map<ChannelKind, ChannelSender>;
  calendar: BusinessCalendar;
  slaPolicy: SlaPolicy;
  /** SLA targets per ticket type (issue 16); without them every type runs on slaPolicy. */
  slaTargets?: SlaTargets;
  clock: Clock;
  logger: Logger;
  /** The configured personal-data masker (with the name tagger); built from config.piiTypes when absent. */
  masker?: PiiMasker;
  /** The audit log (KotaeParts.audit). */
  audit: SqlAuditLog;
  /** Re-ingests the knowledge base (after a managed FAQ changes). */
  reindex: () => Promise<void>;
  /** Counters of the sign-in rate limits (database-backed); none: no limits. */
  rateCounter?: RateCounter;
  /** Keyed console forms (hidden `_key`). */
  requestKeys?: RequestKeys;
  /** Operator notifications (settings page, failure list). */
  notifications?: NotificationService;
  /** This instance's id (names its reply-delivery claims). */
  instanceId?: string;
  /** The knowledge pages (uploads, SharePoint, usage, gaps). */
  knowledge?: KnowledgeConsole;
  /** The malware scan of uploaded files and the scanner (app/wire-scanner.ts); absent: not scanned. */
  scanning?: Pick<ScannerWiring, 'scan' | 'scanner'>;
}

/** Builds the operator-side services and the console router. */
export async function wireConsole(d: ConsoleWiringDeps) {
  const now = () => d.clock.now();
  const masker = d.masker ?? createPiiMasker({ types: d.config.piiTypes });
  const { audit } = d;
  const operators = new SqlOperatorStore(d.ds, now);
  const sessions = new SqlSessionStore(d.ds);
  const delivery = new ReplyDelivery({
    store: d.tickets,
    conversations: d.conversations,
    senders: d.senders,
    outbox: new SqlTicketOutbox(d.ds),
    clock: d.clock,
    logger: d.logger,
    worker: d.instanceId,
    retryDelayMs: 60_000,
  });
  // Rows whose content a rescan quarantined (kotae scan-attachments) are shown 隔離済み and not served.
  const fileScans = new SqlFileScans(d.ds);
  const attachmentRows = new QuarantinedAttachments(new SqlAttachmentStore(d.ds, now), fileScans);
  const attachmentFiles = new FsAttachmentFileStore(attachmentDir(d.config.dataDir));
  const perInstance = d.config.attachmentStorage === 'instance';
  const attachments = new AttachmentService({
    files: attachmentFiles,
    rows: attachmentRows,
    tickets: d.tickets,
    audit,
    maxBytes: d.config.attachmentMaxBytes,
    scan: d.scanning?.scan,
    perInstance,
  });
  // An administrator's release of a false positive (console), after a clean scan with this scanner.
  const keepDays = d.config.rescan.quarantineKeepDays;
  // A rescan records its host with a quarantine: a quarantined manual's copy is in that host's folder.
  const host = hostname();
  const manualFiles = quarantinedManualFiles({
    quarantineDir: quarantinedManualsDir(d.config.dataDir),
    uploadsDir: uploadsDir(d.config.dataDir),
  });
  const quarantine = new QuarantineRelease({
    files: attachmentFiles,
    scans: fileScans,
    scanner: d.scanning?.scanner,
    audit,
    clock: d.clock,
    logger: d.logger,
    maskText: (t) => masker.mask(t).text,
    ...(perInstance ? { perInstance: { keepDays, instance: host } } : {}),
    // A quarantined manual goes back to the uploaded manuals (the console then re-indexes).
    manuals: manualFiles,
  });
  const quarantinedFiles = {
    list: new SqlQuarantineList(d.ds),
    keepDays,
    kept: (sha256: string) => attachmentFiles.has(sha256),
    perInstance,
    manualPlace: (m: RecordedManualQuarantine) => manualCopyPlace(manualFiles, { perInstance, instance: host }, m),
    maskText: (t: string) => masker.mask(t).text,
  };
  const duties = wireRoster({ ds: d.ds, operators, audit, clock: d.clock });
  const ticketService = new TicketService({
    roster: duties.roster,
    slaTargets: d.slaTargets,
    store: d.tickets,
    delivery,
    attachments: attachmentRows,
    files: attachments,
    calendar: d.calendar,
    slaPolicy: d.slaPolicy,
    clock: d.clock,
    audit,
    masker,
    merger: new SqlTicketMerger(d.ds),
    writeKeys: new SqlWriteKeys(d.ds),
  });
  const faqStore = new SqlFaqStore(d.ds, now);
  const faqs = new FaqService({
    store: faqStore,
    audit,
    logger: d.logger,
    masker,
    indexed: new SheetFaqSource([
      { dir: d.config.kbDir, origin: 'file' },
      { dir: sharePointDir(d.config.dataDir), prefix: SHAREPOINT_PREFIX, origin: 'sharepoint' },
    ]),
    reindex: async () => {
      writeManagedFaqs(d.config.dataDir, await faqStore.list('approved'));
      await d.reindex();
    },
  });
  const auth = new AuthService({
    operators,
    sessions,
    audit,
    clock: d.clock,
    policy: { localSignIn: d.config.trust.oidc?.localSignIn ?? 'all' },
    instance: d.instanceId,
  });
  const accounts = new AccountService({ operators, sessions, audit, hash: (p) => auth.hash(p) });
  await accounts.ensureAdminAccount(
    { username: d.config.admin.username, password: d.config.admin.password },
    d.logger,
    showFirstAdminPassword(d.config.dataDir),
  );
  const workLogs = new WorkLogService(new SqlWorkLogStore(d.ds, now), audit, masker);
  const operations = wireOperations({
    ds: d.ds,
    clock: d.clock,
    audit,
    tickets: ticketService,
    workLogs,
    config: d.config.operations,
    stagingDir: path.join(d.config.dataDir, 'tmp', 'terminal-imports'),
  });
  const router = createConsoleRouter({
    tickets: ticketService,
    requestKeys: d.requestKeys,
    attachments,
    quarantine,
    quarantinedFiles,
    workLogs,
    operations: operations.console,
    faqs,
    auth,
    accounts,
    unanswered: new SqlUnansweredQuestions(d.ds),
    clock: d.clock,
    logger: d.logger,
    secureCookies: d.config.secureCookies,
    ssoSignInUrl: d.config.trust.oidc?.roleMap.length ? '/auth/signin?to=console' : undefined,
    ssoSignOut: consoleSingleLogout(d.config, d.logger),
    signInLimits: d.rateCounter ? signInLimiters(d.config.trust.rateLimits, d.rateCounter, d.clock) : undefined,
    changes: new SqlDeskChanges(d.ds),
    notifications: d.notifications,
    knowledge: d.knowledge,
    certificates: certificateSource(d),
    views: new SqlSavedViews(d.ds, now),
    templates: new SqlReplyTemplates(d.ds),
    links: new SqlTicketLinks(d.ds),
    conversations: new SqlRequesterConversations(d.ds),
    failedSaves: new SqlFailedSaves(d.ds),
    roster: duties.roster,
    fySwitch: wireFySwitch({ ds: d.ds, tickets: ticketService, audit, clock: d.clock }),
    incidentReport: async (ref, format) => {
      const model = await loadIncidentReport(ref, {
        tickets: d.tickets,
        workLogs: new SqlWorkLogStore(d.ds, now),
        organization: d.config.organization,
        now: d.clock.now(),
      });
      const name = `${incidentBaseName(model.number)}.${format}`;
      return { name, content: format === 'xlsx' ? await renderIncidentXlsx(model) : await renderIncidentPdf(model) };
    },
  });
  return {
    router,
    auth,
    accounts,
    ticketService,
    audit,
    sessions,
    attachments,
    faqs,
    operators,
    delivery,
    operations,
  };
}

/** The console's view of the deletion certificates; exports are audited. */
function certificateSource(d: ConsoleWiringDeps): CertificateSource {
  const store = new SqlDeletionCertificates(d.ds);
  return {
    list: (limit) => store.list(limit),
    get: (id) => store.get(id),
    exported: (id, format, actor) =>
      d.audit.record({ actor, action: 'export.certificate', target: id, detail: { format } }),
    organization: d.config.organization,
  };
}
