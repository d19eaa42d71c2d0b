/**
 * The composition root: builds every service from the configuration and wires the adapters.
 * Nothing else constructs real implementations.
 */
import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import type { Helpdesk } from '../bot';
import { type ChannelKind, type ChannelSender } from '../conversations';
import type { BusinessCalendar } from '../calendar';
import {
  SchemaVersionGuard,
  SqlConversationStore,
  SqlFaqStore,
  SqlIndexGenerations,
  SqlJobLease,
  SqlOpenStamps,
  SqlProcessedDeliveries,
  SqlRateLimits,
  SqlRequestKeys,
  SqlTicketStore,
  startSqliteCheckpointer,
} from '../db';
import { LeaseGuard, newInstanceId } from '../jobs';
import {
  createWebApp,
  fileLinkHandler,
  loadLegalPages,
  logoEventsHandlers,
  WebChatChannel,
  type Mount,
} from '../adapters/web';
import type { LogoChat } from '../adapters/logo-chat';
import { RequesterDesk, TicketMessageChanges } from '../tickets';
import { createConsoleReportsRouter, createMetrics, type MetricsSources } from '../adapters/web';
import { createPiiMasker } from '../privacy';
import { createPersonNameTagger } from '../knowledge';
import type { KotaeConfig } from './config';
import { ensureWritableDir, lockDataDir, type DirLock } from './data-dir';
import { IndexSync } from './index-sync';
import type { KnowledgeRuntime } from './knowledge-runtime';
import { writeManagedFaqs } from './managed-faqs';
import { wireConsole } from './wire-console';
import { wireNotify } from './wire-notify';
import { wireAlerts } from './wire-alerts';
import { wireReports } from './wire-reports';
import { wireRegisters } from './wire-registers';
import { wireTeams } from './wire-teams';
import { wireLogo } from './wire-logo';
import { wireIdentity } from './wire-identity';
import { apiLimits } from './wire-rate-limits';
import { wireKnowledge } from './wire-knowledge';
import { fileLinkSigner, replyFilesOf } from './reply-files';
import { countMasked, metricsMount, metricsSources, observeHelpdesk } from './wire-metrics';
import { questionGrouper } from './question-grouper';
import { openKotae } from './kotae-parts';
import { startBackgroundJobs } from './background-jobs';
import { healthReporter } from './health';
import { createHelpdeskService } from './wire-helpdesk';
import { wireScanner } from './wire-scanner';
import type { AppDeps } from './app-deps';

export type { AppDeps } from './app-deps';

/** A built (not yet listening) Kotae. */
export interface KotaeApp {
  web: Express;
  helpdesk: Helpdesk;
  dataSource: DataSource;
  knowledge: KnowledgeRuntime;
  calendar: BusinessCalendar;
  operators: Awaited<ReturnType<typeof wireConsole>>;
  reports: ReturnType<typeof wireReports>;
  /** The LoGoチャット channel (its health is the `logo` field of /healthz). */
  logo: LogoChat;
  /** This instance's id and the job leases it takes (shown by /healthz). */
  leases: LeaseGuard;
  /** The console's background ingest and the SharePoint sync (when configured). */
  knowledgeJobs: Pick<ReturnType<typeof wireKnowledge>, 'ingest' | 'sync'>;
  /** The operational alerts (backup missing, channel down); `check` runs one pass now. */
  alerts: Pick<ReturnType<typeof wireAlerts>, 'check'>;
  close(): Promise<void>;
}

/** Opens the database and index and wires the application. */
export async function createApp(config: Readonly<KotaeConfig>, deps: AppDeps): Promise<KotaeApp> {
  const { logger, clock } = deps;
  ensureWritableDir(config.dataDir);
  const lock: DirLock = lockDataDir(config.dataDir);
  let dataSource: DataSource | undefined;
  let logo: LogoChat | undefined;
  let notify: ReturnType<typeof wireNotify> | undefined;
  let checkpoints: Awaited<ReturnType<typeof startSqliteCheckpointer>>;
  // One id per instance: job leases, delivery claims and the audit checkpoints it writes.
  const instanceId = deps.instanceId ?? newInstanceId();
  // The parts the commands share (database, audit, calendar, report parts, knowledge): app/kotae-parts.ts.
  const parts = openKotae(
    config,
    { clock, logger },
    {
      instance: instanceId,
      auditStartCheckpoint: true,
      retry: {
        initialDelayMs: deps.dbRetryInitialDelayMs,
        maxWaitMs: config.dbStartTimeoutSeconds > 0 ? config.dbStartTimeoutSeconds * 1000 : undefined,
        onRetry: ({ attempt, delayMs, error }) =>
          logger.warn('database unreachable at start; retrying', { attempt, retryInMs: delayMs, error: error.message }),
      },
    },
  );
  try {
    dataSource = await parts.database();
    const applied = parts.migrationsApplied();
    if (applied.length) logger.info('database migrated', { applied });
    // SQLite: WAL checkpoints in a worker, off the request path (db/sqlite-checkpointer.ts).
    checkpoints = await startSqliteCheckpointer(dataSource, { logger });
    const schemaGuard = new SchemaVersionGuard(dataSource, {
      intervalMs: deps.schemaCheckIntervalMs ?? 30_000,
      onNewer: (error) =>
        logger.error('database schema is newer than this build; stop this instance', { error: error.message }),
    });
    schemaGuard.start();
    const audit = await parts.audit();
    const now = () => clock.now();
    const conversations = new SqlConversationStore(dataSource, now);
    // The Teams sender is wired after the console; the operators' channel reaches it through this holder.
    const teamsHolder: { sender?: ChannelSender } = {};
    notify = wireNotify({ config, ds: dataSource, clock, logger, teams: () => teamsHolder.sender });
    const tickets = notify.wrap(new SqlTicketStore(dataSource, now, config.ticketPrefix));
    // Calendar, SLA policy and targets, report sections: the same parts as `kotae report`.
    const reportParts = await parts.reportParts();
    const calendar = reportParts.calendar;
    const knowledge = await parts.knowledge({ mergeDelayMs: deps.indexMergeDelayMs });
    const desk = new RequesterDesk({
      store: tickets,
      conversations,
      calendar,
      clock,
      reopenBusinessDays: config.reopenBusinessDays,
    });
    // kuromoji's 人名 tags add full names without an honorific (山田太郎) to the masker's context rules.
    const nameTagger = config.piiTypes.includes('person_name') ? await createPersonNameTagger() : undefined;
    // Prometheus metrics (issue 11 point 9); the store-backed gauges are connected once the stores exist.
    const scrape: { sources?: MetricsSources } = {};
    const metrics = createMetrics(() => scrape.sources, now);
    const masker = countMasked(createPiiMasker({ types: config.piiTypes, nameTagger }), metrics);
    const service = createHelpdeskService(config, {
      conversations,
      tickets,
      knowledge: knowledge.live,
      clock,
      logger,
      desk,
      masker,
      audit,
      calendar,
    });
    const helpdesk = observeHelpdesk(service, metrics);
    const slaPolicy = reportParts.slaPolicy;
    const slaTargets = reportParts.slaTargets;
    const senders = new Map<ChannelKind, ChannelSender>([['web', new WebChatChannel(conversations, clock)]]);
    const ds = dataSource;
    const faqStore = new SqlFaqStore(ds, now);
    const indexSync = new IndexSync({
      generations: new SqlIndexGenerations(ds, now),
      rebuild: async () => {
        writeManagedFaqs(config.dataDir, await faqStore.list('approved'));
        await knowledge.ingest();
      },
      logger,
      intervalMs: deps.indexPollMs,
    });
    await indexSync.start();
    const jobLease = new SqlJobLease(ds);
    const leases = new LeaseGuard({
      lease: jobLease,
      holder: instanceId,
      clock,
      logger,
    });
    // Rate limits counted in the database, shared by every instance (issue 11 point 6).
    const rateCounter = new SqlRateLimits(ds, now);
    // Keyed POSTs (issue 17): a message, upload or console form sent again is answered once, written once.
    const requestKeys = { store: new SqlRequestKeys(ds), now };
    const scanning = wireScanner(config.scanner, { audit, logger, clock, masker, notifications: notify.service, ds });
    const knowledgeSide = wireKnowledge({ ds, config, knowledge, indexSync, leases, logger, clock, scanning });
    const operators = await wireConsole({
      rateCounter,
      requestKeys,
      config,
      audit,
      knowledge: knowledgeSide.console,
      masker,
      ds,
      tickets,
      conversations,
      senders,
      calendar,
      slaPolicy,
      slaTargets,
      clock,
      logger,
      instanceId: leases.holder,
      reindex: async () => {
        await knowledge.ingest();
        await indexSync.published();
      },
      notifications: notify.service,
      scanning,
    });
    scrape.sources = metricsSources({
      tickets: operators.ticketService,
      ds,
      indexBuiltAt: () => knowledge.live.status().builtAt,
    });
    knowledgeSide.attachInsights(operators.faqs);
    const processed = new SqlProcessedDeliveries(ds, now);
    const signer = fileLinkSigner(config.fileLinkSecret, logger, config.db.kind !== 'sqlite');
    const teams = wireTeams(config, {
      helpdesk,
      conversations,
      logger,
      attachments: operators.attachments,
      processed,
      replyFiles: replyFilesOf({ attachments: operators.attachments, signer, publicUrl: config.publicUrl, clock }),
      messageChanges: new TicketMessageChanges({ store: tickets, clock, masker, maxChars: config.maxQuestionChars }),
    });
    senders.set('teams', teams.sender);
    teamsHolder.sender = teams.sender;
    logo = wireLogo(config.logo, {
      helpdesk,
      conversations,
      stamps: new SqlOpenStamps(ds, now),
      logger,
      clock,
      lease: {
        lease: jobLease,
        holder: leases.holder,
        ttlMs: deps.logoLeaseTtlMs,
        flushQueued: () => operators.delivery.deliverQueued('logo'),
      },
      processed,
    });
    if (logo.sender) senders.set('logo', logo.sender);
    const logoChat = logo;
    const registerDesk = wireRegisters({ ds, audit, clock, config: config.registers });
    const reports = wireReports({
      ds,
      dataDir: config.dataDir,
      organization: config.organization,
      calendar,
      slaPolicy,
      clock,
      logger,
      leases,
      onJobFailed: (job, error) => notify?.jobFailed(job, error),
      audit,
      groupQuestions: questionGrouper(knowledge),
      slaTargets,
      sections: reportParts.sections,
      maskText: (text) => masker.mask(text).text,
      delivery: notify
        ? {
            senders: notify.senders,
            settings: config.reportDelivery,
            consoleUrl: `${config.publicUrl}/console/reports`,
          }
        : undefined,
    });
    const metricsRoute = metricsMount(config.trust.metrics, metrics);
    const logoRoute = logo.receiver && logoEventsHandlers(logo.receiver);
    const mounts: Mount[] = [
      { path: '/api/messages', method: 'post', json: true, handler: (req, res) => teams.handle(req, res) },
      {
        path: '/console/reports',
        handler: createConsoleReportsRouter({
          auth: operators.auth,
          reports: reports.service,
          logger,
          requestKeys,
          maySeeConfidential: (viewer) => operators.ticketService.forViewer(viewer).maySeeConfidential(),
        }),
      },
      { path: '/console/registers', handler: registerDesk.router(operators.auth, logger, requestKeys) },
      { path: '/console', handler: operators.router },
      { path: '/api/files/:id', handler: fileLinkHandler({ attachments: operators.attachments, signer, clock }) },
      ...(metricsRoute ? [metricsRoute] : []),
      ...(logoRoute ? [{ path: '/api/logo/events', method: 'post' as const, rawBody: true, handler: logoRoute }] : []),
    ];
    // Single sign-on (Entra ID), issue 11 point 5.
    const sso = wireIdentity({
      config,
      ds,
      conversations,
      operators: operators.operators,
      sessions: operators.sessions,
      audit: operators.audit,
      auth: operators.auth,
      absoluteMinutes: operators.auth.policy.absoluteMinutes,
      instanceId: leases.holder,
      rateCounter,
      clock,
      logger,
    });
    const web = createWebApp({
      sso,
      publicUrl: config.publicUrl,
      apiLimits: apiLimits(config.trust.rateLimits, rateCounter, clock),
      before: [metrics.middleware],
      maxQuestionChars: config.maxQuestionChars,
      helpdesk,
      conversations,
      legalPages: loadLegalPages({
        organization: config.organization,
        retentionDays: config.retentionDays,
        ...config.legal,
      }),
      tickets,
      clock,
      documentsDir: config.kbDir,
      extraDocuments: [knowledgeSide.documents],
      dataDir: config.dataDir,
      logger,
      mounts,
      attachments: { attachments: operators.attachments },
      requestKeys,
      gate: () => schemaGuard.blocked(),
      health: healthReporter({
        ds,
        knowledge,
        schemaGuard,
        leases,
        logoMode: config.logo.mode,
        logo: logoChat,
        auditWarning: () => parts.auditStartWarning(),
        scanner: () => scanning.health(),
      }),
    });
    const checkpointHealth = parts.auditCheckpointHealth();
    const jobParts = { config, operators, reports, logger, ds, clock, leases, processed, audit, tickets, calendar };
    const timers = startBackgroundJobs({ ...jobParts, masker, checkpointOutcomes: checkpointHealth });
    const notifications = notify;
    notifications.start(tickets, (t) => operators.ticketService.sla(t), { lease: jobLease, holder: leases.holder });
    const alerts = wireAlerts({
      config,
      ds,
      clock,
      logger,
      leases,
      publish: (e) => notifications.service.publish(e),
      logo: () => logoChat.health(),
      auditCheckpoints: () => checkpointHealth.state(),
      instance: leases.holder,
      intervalMs: deps.alertCheckMs,
    });
    alerts.start();
    logo.start();
    knowledgeSide.start();
    return {
      web,
      helpdesk,
      dataSource: ds,
      knowledge,
      calendar,
      operators,
      reports,
      logo,
      leases,
      knowledgeJobs: { ingest: knowledgeSide.ingest, sync: knowledgeSide.sync },
      alerts,
      async close() {
        await alerts.stop();
        schemaGuard.stop();
        await knowledgeSide.stop();
        await indexSync.stop();
        knowledge.stop();
        await logoChat.stop();
        await timers.stop();
        await notifications.stop();
        await checkpoints?.stop();
        await parts.close();
        lock.release();
      },
    };
  } catch (err) {
    await notify?.stop();
    await logo?.stop();
    await checkpoints?.stop();
    await parts.close();
    lock.release();
    throw err;
  }
}
