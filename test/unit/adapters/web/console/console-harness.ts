/**
 * A console on a real SQLite database and a minimal express app on an ephemeral port, wired the
 * way the composition root wires it. Shared by the console unit tests and the browser test.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { FakeClock } from '../../../../../core/clock';
import { MemoryLogger } from '../../../../../core/logger';
import type { ChannelSender } from '../../../../../bot/ports';
import type { ChannelKind } from '../../../../../bot/records';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../../../calendar';
import { SqlConversationStore, SqlTicketStore } from '../../../../../db';
import { SqlOperatorStore } from '../../../../../db/repositories/sql-operator-store';
import { SqlSessionStore } from '../../../../../db/repositories/sql-session-store';
import { SqlAuditLog } from '../../../../../db/repositories/sql-audit-log';
import { SqlWorkLogStore } from '../../../../../db/repositories/sql-work-log-store';
import { SqlFaqStore, SqlUnansweredQuestions } from '../../../../../db/repositories/sql-faq-store';
import { SqlAttachmentStore } from '../../../../../db/repositories/sql-attachment-store';
import { SqlTicketOutbox } from '../../../../../db/repositories/sql-ticket-outbox';
import { SqlDeskChanges } from '../../../../../db/repositories/sql-desk-changes';
import { SqlSavedViews } from '../../../../../db/repositories/sql-saved-views';
import { SqlReplyTemplates } from '../../../../../db/repositories/sql-reply-templates';
import {
  incidentBaseName,
  loadIncidentReport,
  renderIncidentPdf,
  renderIncidentXlsx,
} from '../../../../../reports/incident';
import { SqlTicketLinks, SqlTicketMerger } from '../../../../../db/repositories/sql-ticket-merger';
import { SqlNotificationSettings, SqlNotificationStore } from '../../../../../db/repositories/sql-notification-store';
import { NotificationService } from '../../../../../notify';
import {
  AttachmentService,
  FaqService,
  ReplyDelivery,
  TicketService,
  WorkLogService,
  type OperatorRole,
} from '../../../../../tickets';
import { InMemoryAttachmentFileStore } from '../../../../fakes/in-memory-attachment-files';
import { AccountService, AuthService } from '../../../../../adapters/web/auth';
import { createConsoleRouter } from '../../../../../adapters/web/console';
import { RecordingSender } from '../../../tickets/fakes';
import { openTempDb, TEST_SCRYPT } from '../auth/sqlite-fixture';

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
  const audit = new SqlAuditLog(ds, now);
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
  const tickets = new TicketService({
    store: ticketStore,
    delivery,
    attachments: attachmentRows,
    files: attachments,
    calendar: new BusinessCalendar(),
    slaPolicy: DEFAULT_SLA_POLICY,
    clock: timeSource,
    audit,
    merger: new SqlTicketMerger(ds),
  });
  const reindexCalls: Date[] = [];
  let reindexFails = false;
  const faqs = new FaqService({
    store: new SqlFaqStore(ds, now),
    audit,
    logger,
    reindex: async () => {
      if (reindexFails) throw new Error('index busy');
      reindexCalls.push(now());
    },
  });
  const workLogs = new WorkLogService(new SqlWorkLogStore(ds, now), audit);
  const auth = new AuthService({ operators, sessions, audit, clock: timeSource, policy: { scrypt: TEST_SCRYPT } });
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
  const deps = {
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
    liveIntervalMs: 300,
    liveStreamMs: 1000,
  };

  const app = express();
  app.use('/console', createConsoleRouter(deps));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const users: Record<OperatorRole, string> = { staff: 'staff1', operator: 'op1', admin: 'admin1' };
  for (const role of ['staff', 'operator', 'admin'] as const) {
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
    opts: { session?: Session; form?: Record<string, string>; csrf?: string | null } = {},
  ) {
    const headers: Record<string, string> = {};
    if (opts.session) headers.cookie = opts.session.cookie;
    let body: string | undefined;
    if (method === 'POST') {
      const form = { ...opts.form };
      const csrf = opts.csrf === undefined ? opts.session?.csrf : opts.csrf;
      if (csrf) form._csrf = csrf;
      body = new URLSearchParams(form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
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
    openTicket,
    attachedImage,
    sessionFor,
    request,
    setReindexFails: (fails: boolean) => (reindexFails = fails),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

/** The harness type. */
export type ConsoleHarness = Awaited<ReturnType<typeof startConsole>>;
