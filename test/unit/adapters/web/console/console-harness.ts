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
  ReplyDelivery,
  TicketService,
  WorkLogService,
  type IndexedFaq,
  type OperatorRole,
} from '../../../../../tickets';
import { InMemoryAttachmentFileStore } from '../../../../fakes/in-memory-attachment-files';
import { InMemoryRequestKeys } from '../../../../fakes/in-memory-request-keys';
import { AccountService, AuthService } from '../../../../../adapters/web/auth';
import { createConsoleRouter } from '../../../../../adapters/web/console';
import { RecordingSender } from '../../../tickets/fakes';
import { openTempDb, TEST_SCRYPT } from '../auth/sqlite-fixture';
import { testAuditLog } from '../../../../helpers/audit';
import path from 'node:path';
import { UploadedDocuments } from '../../../../../app/uploaded-documents';
import { KnowledgeIngestJob } from '../../../../../jobs';
import { KnowledgeInsights } from '../../../../../app/knowledge-insights';
import { SqlKnowledgeUsage } from '../../../../../db/repositories/sql-knowledge-usage';
import { tempDir } from '../../../../helpers/temp-dir';
import { SqlDeletionCertificates } from '../../../../../db/repositories/sql-deletion-certificates';
import { wireOperations } from '../../../../../app/wire-operations';

/** Password of every seeded account. */
export const PASSWORD = 'kotae-console-password';

/** A signed-in client. */
export interface Session {
  cookie: string;
  csrf: string;
}

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
  const attachmentRows = new SqlAttachmentStore(ds, now);
  const attachments = new AttachmentService({
    files: new InMemoryAttachmentFileStore(now),
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
  const uploads = tempDir('kotae-uploads-');
  const documents = new UploadedDocuments(path.join(uploads.dir, 'uploads'), 64 * 1024);
  const ingestRuns: string[] = [];
  const ingest = new KnowledgeIngestJob({
    ingest: async (onProgress) => {
      onProgress({ phase: 'parse', done: 1, total: 1, path: 'x' });
      ingestRuns.push(
        documents
          .list()
          .map((d) => d.name)
          .join(','),
      );
      return {
        files: documents.list().length,
        indexed: 1,
        unchanged: 0,
        removed: 0,
        chunks: 3,
        skipped: [
          { path: '@uploads/scan.pdf', reason: '文字を抽出できないPDF（画像のみ）' },
          { path: '@sharepoint/0123abcd/規程.pdf', reason: '暗号化されたPDF' },
        ],
        durationMs: 1,
        indexDir: uploads.dir,
        rebuilt: true,
      };
    },
    published: async () => undefined,
    logger,
    now,
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
    stagingDir: path.join(uploads.dir, 'terminal-imports'),
  });
  const requestKeyStore = new InMemoryRequestKeys();
  const deps = {
    operations: operations.console,
    knowledge: {
      documents,
      ingest,
      sharePoint: { busy: false, status: async () => [], syncNow: async () => undefined },
      // Character-level analysis is enough for the console's routes (the e2e test uses kuromoji).
      insights: new KnowledgeInsights({
        usage: new SqlKnowledgeUsage(ds),
        faqs,
        analyzer: { analyze: (t: string) => ({ words: [...t], grams: [] }), bigrams: () => [] },
        now,
      }),
    },
    certificates,
    tickets,
    attachments,
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

  /** Opens a ticket from a web conversation (as an escalation would). */
  async function openTicket(
    over: { type?: 'inquiry' | 'incident' | 'request'; title?: string; category?: string } = {},
  ) {
    const conversation = await conversations.createConversation({
      channel: 'web',
      requester: { name: '山田 花子', department: '総務課' },
    });
    await conversations.appendTranscript(conversation.id, { role: 'user', text: 'プリンタが動きません', at: now() });
    return ticketStore.create(
      {
        conversationId: conversation.id,
        type: over.type ?? 'inquiry',
        priority: 'normal',
        category: over.category ?? 'プリンタ',
        title: over.title ?? 'プリンタで印刷できない',
        details: '3階のプリンタで印刷できません。',
        requester: conversation.requester,
        channel: 'web',
        transcript: [{ role: 'user', text: 'プリンタが動きません', at: now() }],
      },
      'bot',
    );
  }

  /** A requester's PNG held on a new ticket's conversation and linked to the ticket. */
  async function attachedImage() {
    const ticket = await openTicket();
    const staged = await attachments.stage(
      (async function* () {
        yield Buffer.from('89504e470d0a1a0a00', 'hex');
      })(),
      { fileName: 'screen.png', contentType: 'image/png' },
    );
    const { attachment } = await attachments.addFromRequester(
      { conversationId: ticket.conversationId!, uploadedBy: '山田 花子' },
      staged,
    );
    return { ticket, attachment };
  }

  /** Signs in through the service (fast path for tests that are not about sign-in). */
  async function sessionFor(role: OperatorRole): Promise<Session> {
    const { token, session } = await auth.signIn(users[role], PASSWORD);
    return { cookie: `kotae_session=${token}`, csrf: session.csrfToken };
  }

  /** Sends a request without following redirects; `form` is URL-encoded. */
  async function request(
    method: 'GET' | 'POST',
    path: string,
    opts: {
      session?: Session;
      form?: Record<string, string>;
      csrf?: string | null;
      /** Sends multipart/form-data with these files (field `file`) and the form fields. */
      files?: { name: string; content: string | Buffer; type?: string }[];
    } = {},
  ) {
    const headers: Record<string, string> = {};
    if (opts.session) headers.cookie = opts.session.cookie;
    let body: string | FormData | undefined;
    if (method === 'POST') {
      const form = { ...opts.form };
      const csrf = opts.csrf === undefined ? opts.session?.csrf : opts.csrf;
      if (csrf) form._csrf = csrf;
      if (opts.files) {
        const data = new FormData();
        for (const [k, v] of Object.entries(form)) data.append(k, v);
        for (const f of opts.files)
          data.append(
            'file',
            new Blob([typeof f.content === 'string' ? f.content : new Uint8Array(f.content)], {
              type: f.type ?? 'application/octet-stream',
            }),
            f.name,
          );
        body = data;
      } else {
        body = new URLSearchParams(form).toString();
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
    }
    const res = await fetch(`${origin}${path}`, { method, headers, body, redirect: 'manual' });
    return {
      status: res.status,
      location: res.headers.get('location') ?? '',
      headers: res.headers,
      text: await res.text(),
    };
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
    sessionFor,
    request,
    setReindexFails: (fails: boolean) => (reindexFails = fails),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      uploads.cleanup();
    },
  };
}

/** The harness type. */
export type ConsoleHarness = Awaited<ReturnType<typeof startConsole>>;
