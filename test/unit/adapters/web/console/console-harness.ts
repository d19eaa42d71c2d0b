/**
 * A console on a real SQLite database and a minimal express app on an ephemeral port, wired the
 * way the composition root wires it. Shared by the console unit tests and the browser test.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { FakeClock } from '../../../../../core/clock';
import { MemoryLogger } from '../../../../../core/logger';
import type { ChannelSender } from '../../../../../conversations';
import type { ChannelKind } from '../../../../../conversations';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../../../calendar';
import { SqlConfidentialRoster } from '../../../../../db/repositories/sql-confidential-roster';
import { SqlFySwitchStore } from '../../../../../db/repositories/sql-fy-switch';
import { ConfidentialRoster, createSlaTargets, FySwitchService } from '../../../../../tickets';
import { SqlConversationStore, SqlTicketStore } from '../../../../../db';
import { SqlOperatorStore } from '../../../../../db/repositories/sql-operator-store';
import { SqlSessionStore } from '../../../../../db/repositories/sql-session-store';
import { SqlWorkLogStore } from '../../../../../db/repositories/sql-work-log-store';
import { SqlFaqStore, SqlUnansweredQuestions } from '../../../../../db/repositories/sql-faq-store';
import { SqlAttachmentStore } from '../../../../../db/repositories/sql-attachment-store';
import { SqlFileScans } from '../../../../../db/repositories/sql-file-scans';
import { SqlQuarantineList } from '../../../../../db/repositories/sql-quarantine-list';
import { SqlTicketOutbox } from '../../../../../db/repositories/sql-ticket-outbox';
import { SqlDeskChanges } from '../../../../../db/repositories/sql-desk-changes';
import { SqlRequesterConversations } from '../../../../../db/repositories/sql-requester-conversations';
import { SqlFailedSaves } from '../../../../../db/repositories/sql-failed-saves';
import { SqlSavedViews } from '../../../../../db/repositories/sql-saved-views';
import { SqlReplyTemplates } from '../../../../../db/repositories/sql-reply-templates';
import {
  incidentBaseName,
  loadIncidentReport,
  renderIncidentPdf,
  renderIncidentXlsx,
} from '../../../../../reports/incident';
import { SqlTicketLinks, SqlTicketMerger } from '../../../../../db/repositories/sql-ticket-merger';
import { SqlWriteKeys } from '../../../../../db/repositories/sql-write-keys';
import { SqlNotificationSettings, SqlNotificationStore } from '../../../../../db/repositories/sql-notification-store';
import { NotificationService } from '../../../../../notify';
import {
  AttachmentService,
  FaqService,
  QuarantinedAttachments,
  QuarantineRelease,
  manualCopyPlace,
  type RecordedManualQuarantine,
  ReplyDelivery,
  TicketService,
  WorkLogService,
  type IndexedFaq,
  type OperatorRole,
} from '../../../../../tickets';
import { InMemoryAttachmentFileStore } from '../../../../fakes/in-memory-attachment-files';
import { InMemoryRequestKeys } from '../../../../fakes/in-memory-request-keys';
import { FakeFileScanner } from '../../../../fakes/fake-file-scanner';
import { AccountService, AuthService } from '../../../../../adapters/web/auth';
import { createConsoleRouter } from '../../../../../adapters/web/console';
import { RecordingSender } from '../../../tickets/fakes';
import { openTempDb, TEST_SCRYPT } from '../auth/sqlite-fixture';
import { testAuditLog } from '../../../../helpers/audit';
import path from 'node:path';
import { SqlDeletionCertificates } from '../../../../../db/repositories/sql-deletion-certificates';
import { wireOperations } from '../../../../../app/wire-operations';
import { quarantinedManualFiles } from '../../../../../app/quarantined-manual-files';
import { consoleKnowledge, quarantinedManualSeed } from './console-harness-knowledge';
import { consoleRequest, type Session } from './console-harness-request';
import { ticketSeeds } from './console-harness-tickets';

/** The host name this console's rescans record (KOTAE_ATTACHMENT_STORAGE=instance). */
export const CONSOLE_HOST = 'kotae-a';

/** Password of every seeded account. */
export const PASSWORD = 'kotae-console-password';

/** A signed-in client. */
export type { Session };

/** Starts the console; `clockStart` defaults to a business day at 10:00 JST. */
export async function startConsole(options: { clockStart?: string; realClock?: boolean } = {}) {
  const db = await openTempDb();
  const clock = new FakeClock(options.clockStart ?? '2026-04-01T01:00:00Z');
  const now = () => (options.realClock ? new Date() : clock.now());
  const timeSource = { now };
  const logger = new MemoryLogger();
  const ds = db.ds;
  const ticketStore = new SqlTicketStore(ds, now);
  const conversations = new SqlConversationStore(ds, now);
  const operators = new SqlOperatorStore(ds, now);
  const sessions = new SqlSessionStore(ds);
  const audit = testAuditLog(ds, now);
  const web = new RecordingSender('web');
  const senders = new Map<ChannelKind, ChannelSender>([['web', web]]);
  const delivery = new ReplyDelivery({
    store: ticketStore,
    conversations,
    senders,
    outbox: new SqlTicketOutbox(ds),
    clock: timeSource,
    logger,
  });
  // As the composition root wires them: rows carry their quarantine; an administrator may release one. This
  // console's host is CONSOLE_HOST (per-instance storage): its rescans record it with each quarantine.
  const fileScans = new SqlFileScans(ds, { instance: CONSOLE_HOST });
  const attachmentRows = new QuarantinedAttachments(new SqlAttachmentStore(ds, now), fileScans);
  const attachmentFiles = new InMemoryAttachmentFileStore(now);
  // Detects what a test writes as EVIL-MARKER (the seeded files are clean: a release finds them clean).
  const scanner = new FakeFileScanner({ 'EVIL-MARKER': 'Evil.Sig' });
  const attachments = new AttachmentService({
    files: attachmentFiles,
    rows: attachmentRows,
    tickets: ticketStore,
    audit,
  });
  // Issue 16: the 機密性3 roster and the SLA targets per type, as the composition root wires them.
  const roster = new ConfidentialRoster({ store: new SqlConfidentialRoster(ds), operators, audit, clock: timeSource });
  const tickets = new TicketService({
    roster,
    slaTargets: createSlaTargets({}, {}, new BusinessCalendar().deskMinutes),
    store: ticketStore,
    delivery,
    attachments: attachmentRows,
    files: attachments,
    calendar: new BusinessCalendar(),
    slaPolicy: DEFAULT_SLA_POLICY,
    clock: timeSource,
    audit,
    merger: new SqlTicketMerger(ds),
    writeKeys: new SqlWriteKeys(ds),
  });
  const reindexCalls: Date[] = [];
  let reindexFails = false;
  // The knowledge folder's FAQ sheet as the console sees it (tests may add rows).
  const indexedFaqs: IndexedFaq[] = [
    {
      id: 'FAQ-0001',
      origin: 'file',
      sourcePath: 'faq.csv',
      category: 'アカウント',
      question: 'パスワードを忘れました',
      alternateQuestions: ['パスワードがわからない'],
      answer: '情報政策課でパスワードを再設定します。',
    },
  ];
  const faqs = new FaqService({
    store: new SqlFaqStore(ds, now),
    audit,
    logger,
    indexed: { list: async () => indexedFaqs.map((f) => ({ ...f })) },
    reindex: async () => {
      if (reindexFails) throw new Error('index busy');
      reindexCalls.push(now());
    },
  });
  const workLogs = new WorkLogService(new SqlWorkLogStore(ds, now), audit);
  const auth = new AuthService({
    operators,
    sessions,
    audit,
    clock: timeSource,
    policy: { scrypt: TEST_SCRYPT },
    instance: 'kotae-test-1',
  });
  const accounts = new AccountService({ operators, sessions, audit, hash: (p) => auth.hash(p) });
  const unanswered = new SqlUnansweredQuestions(ds);
  const notifications = new NotificationService({
    store: new SqlNotificationStore(ds),
    settings: new SqlNotificationSettings(ds),
    senders: [],
    operators: () => operators.list(),
    clock: timeSource,
    logger,
  });
  // Uploaded manuals in a temporary folder; the background ingest records its runs instead of indexing.
  const knowledge = consoleKnowledge(ds, faqs, logger, now);
  const { documents, ingest, ingestRuns } = knowledge;
  const manualFiles = quarantinedManualFiles({ quarantineDir: knowledge.quarantineDir, uploadsDir: documents.dir });
  let commitFails = false;
  const quarantine = new QuarantineRelease({
    files: attachmentFiles,
    scans: fileScans,
    scanner,
    // setCommitFails: the transaction fails after its changes (as a failed commit: everything rolled back).
    audit: {
      atomically: (change, entry) =>
        audit.atomically(async () => {
          const result = await change();
          if (commitFails) throw new Error('SQLITE_IOERR: disk I/O error');
          return result;
        }, entry),
    },
    clock: timeSource,
    logger,
    perInstance: { keepDays: 30, instance: CONSOLE_HOST },
    manuals: manualFiles,
  });
  const certificateStore = new SqlDeletionCertificates(ds);
  const certificate = await certificateStore.add({
    createdAt: now(),
    performedBy: 'Kotae（保存期間経過データの自動削除）',
    medium: 'SQLiteデータベース（テスト）',
    method: 'SQLite secure_delete ＋ VACUUM',
    items: [{ item: '質問と回答の記録', table: 'question', count: 3 }],
    settings: {},
    total: 3,
  });
  const certificates = {
    list: (limit: number) => certificateStore.list(limit),
    get: (id: string) => certificateStore.get(id),
    exported: (id: string, format: 'pdf' | 'xlsx', actor: string) =>
      audit.record({ actor, action: 'export.certificate', target: id, detail: { format } }),
    organization: 'ことのは市 情報政策課',
  };
  // Issue 16: sites, terminals and planned work on the same database and ticket service.
  const operations = wireOperations({
    ds,
    clock: timeSource,
    audit,
    tickets,
    workLogs,
    config: { patchReportDueDays: 7, terminalImportMaxBytes: 64 * 1024 },
    stagingDir: path.join(knowledge.dir, 'terminal-imports'),
  });
  const requestKeyStore = new InMemoryRequestKeys();
  const deps = {
    operations: operations.console,
    knowledge: knowledge.deps,
    certificates,
    tickets,
    attachments,
    quarantine,
    quarantinedFiles: {
      list: new SqlQuarantineList(ds),
      keepDays: 30,
      kept: (sha256: string) => attachmentFiles.has(sha256),
      perInstance: true,
      manualPlace: (m: RecordedManualQuarantine) =>
        manualCopyPlace(manualFiles, { perInstance: true, instance: CONSOLE_HOST }, m),
      maskText: (t: string) => t.replace(/山田/g, '＊＊'),
    },
    workLogs,
    faqs,
    auth,
    accounts,
    unanswered,
    clock: timeSource,
    logger,
    secureCookies: false,
    changes: new SqlDeskChanges(ds),
    views: new SqlSavedViews(ds, now),
    templates: new SqlReplyTemplates(ds),
    links: new SqlTicketLinks(ds),
    conversations: new SqlRequesterConversations(ds),
    failedSaves: new SqlFailedSaves(ds),
    incidentReport: async (ref: string, format: 'xlsx' | 'pdf') => {
      const model = await loadIncidentReport(ref, {
        tickets: ticketStore,
        workLogs: new SqlWorkLogStore(ds, now),
        organization: '試験市',
        now: now(),
      });
      const name = `${incidentBaseName(model.number)}.${format}`;
      return { name, content: format === 'xlsx' ? await renderIncidentXlsx(model) : await renderIncidentPdf(model) };
    },
    notifications,
    roster,
    fySwitch: new FySwitchService({ store: new SqlFySwitchStore(ds), tickets, audit, clock: timeSource }),
    liveIntervalMs: 300,
    liveStreamMs: 1000,
    // Keyed forms: a form posted again with its `_key` is answered as the first time (write-key.ts).
    requestKeys: { store: requestKeyStore, now },
  };

  const app = express();
  app.use('/console', createConsoleRouter(deps));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const users: Record<OperatorRole, string> = {
    staff: 'staff1',
    operator: 'op1',
    auditor: 'auditor1',
    admin: 'admin1',
  };
  for (const role of ['staff', 'operator', 'auditor', 'admin'] as const) {
    await accounts.create({ username: users[role], displayName: `${role}さん`, role, password: PASSWORD }, 'system');
  }

  const { openTicket, attachedImage, quarantinedImage } = ticketSeeds({
    conversations,
    ticketStore,
    attachments,
    scans: fileScans,
    now,
  });

  /** Signs in through the service (fast path for tests that are not about sign-in). */
  async function sessionFor(role: OperatorRole): Promise<Session> {
    const { token, session } = await auth.signIn(users[role], PASSWORD);
    return { cookie: `kotae_session=${token}`, csrf: session.csrfToken };
  }

  return {
    origin,
    clock,
    db,
    deps,
    web,
    users,
    logger,
    audit,
    ticketStore,
    conversations,
    reindexCalls,
    requestKeyStore,
    documents,
    ingest,
    ingestRuns,
    certificate,
    operations,
    openTicket,
    attachedImage,
    quarantinedImage,
    /** A manual a rescan of this console's host moved to quarantine/manuals and marked infected. */
    quarantinedManual: quarantinedManualSeed({ dir: knowledge.quarantineDir, scans: fileScans, now }),
    /** The same by a rescan on `instance`, or (none) before migration 1767500000000 recorded it. */
    quarantinedManualBy: (instance?: string) =>
      quarantinedManualSeed({ dir: knowledge.quarantineDir, scans: new SqlFileScans(ds, { instance }), now }),
    scanner,
    sessionFor,
    request: consoleRequest(origin),
    setReindexFails: (fails: boolean) => (reindexFails = fails),
    /** Makes the quarantine release's transactions fail after their changes (rolled back). */
    setCommitFails: (fails: boolean) => (commitFails = fails),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      knowledge.cleanup();
    },
  };
}

/** The harness type. */
export type ConsoleHarness = Awaited<ReturnType<typeof startConsole>>;
