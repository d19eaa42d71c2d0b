/**
 * Wiring of operator notifications: the senders configured (SMTP e-mail, the operators' Teams channel
 * through the bot's Teams sender), the outbox service, the ticket store wrapper that publishes desk
 * events, and the timers that retry the outbox and watch the SLA clocks.
 */
import type { DataSource } from 'typeorm';
import type { ChannelSender } from '../conversations';
import type { TicketStore } from '../tickets';
import type { TicketRecord } from '../tickets';
import type { Clock } from '../core';
import type { Logger } from '../core';
import { SqlAlertRepeats, SqlNotificationSettings, SqlNotificationStore } from '../db';
import { SqlOperatorStore } from '../db';
import {
  NOTIFY_MESSAGES,
  NotificationService,
  NotifyingTicketStore,
  SlaWatch,
  SmtpEmailSender,
  TeamsChannelSender,
  type NotificationSender,
} from '../notify';
import type { SlaResult } from '../calendar';
import type { KotaeConfig } from './config';
import type { JobLease } from '../jobs';
import { leasedSlaWatch } from './leased-sla-watch';

/** How often the outbox is retried and the SLA clocks are checked. */
const FLUSH_MS = 30_000;
const SLA_WATCH_MS = 60_000;

/** The job lease through which one instance runs the SLA watch. */
export interface SlaWatchLease {
  lease: JobLease;
  holder: string;
}

/** What the notification wiring needs. */
export interface NotifyWiringDeps {
  config: Readonly<KotaeConfig>;
  ds: DataSource;
  clock: Clock;
  logger: Logger;
  /** The bot's Teams sender, once wired (the operators' channel is posted through it). */
  teams: () => ChannelSender | undefined;
}

/** The outbox service on the database: who gets what, the senders, and the repeats of alerts held back. */
function notificationService(
  d: Omit<NotifyWiringDeps, 'teams'>,
  senders: NotificationSender[],
  sendOnPublish: boolean,
): NotificationService {
  const { config } = d;
  const operators = new SqlOperatorStore(d.ds, () => d.clock.now());
  const repeatMinutes = config.notify.alerts.repeatMinutes;
  return new NotificationService({
    store: new SqlNotificationStore(d.ds),
    settings: new SqlNotificationSettings(d.ds),
    senders,
    operators: () => operators.list(),
    clock: d.clock,
    logger: d.logger,
    channelEvents: config.notify.teamsEvents,
    repeats: repeatMinutes ? { store: new SqlAlertRepeats(d.ds), windowMinutes: repeatMinutes } : undefined,
    sendOnPublish,
  });
}

/**
 * The notifications of a `kotae` command: it records the rows the server would (e-mail, the Teams channel)
 * and sends nothing itself; the running server's outbox timer sends them (within 30 s).
 */
export function commandNotifications(d: Omit<NotifyWiringDeps, 'teams'>): NotificationService {
  const sentByTheServer = (channel: 'email' | 'teams'): NotificationSender => ({
    channel,
    send: async () => {
      throw new Error(`${channel} notifications are sent by the running server`);
    },
  });
  const senders: NotificationSender[] = [];
  if (d.config.notify.smtp) senders.push(sentByTheServer('email'));
  if (d.config.notify.teamsChannel) senders.push(sentByTheServer('teams'));
  return notificationService(d, senders, false);
}

/** Builds the notification service and the helpers the rest of the app uses. */
export function wireNotify(d: NotifyWiringDeps) {
  const { config } = d;
  const senders: NotificationSender[] = [];
  const smtp = config.notify.smtp ? new SmtpEmailSender(config.notify.smtp) : undefined;
  if (smtp) senders.push(smtp);
  if (config.notify.teamsChannel) {
    const viaBot: ChannelSender = {
      channel: 'teams',
      sendToConversation: async (conversation, reply) => {
        const teams = d.teams();
        if (!teams) throw new Error('the Teams channel is not wired');
        await teams.sendToConversation(conversation, reply);
      },
    };
    senders.push(new TeamsChannelSender(viaBot, config.notify.teamsChannel, config.teams?.appId));
  }
  const service = notificationService(d, senders, true);
  const link = (ticketNumber: string) => `${config.publicUrl}/console/tickets/${encodeURIComponent(ticketNumber)}`;
  const publish = (e: Parameters<NotificationService['publish']>[0]) => service.publish(e);
  const timers: NodeJS.Timeout[] = [];
  let slaWatch: ReturnType<typeof leasedSlaWatch> | undefined;
  return {
    service,
    link,
    /** The configured senders (the scheduled report delivery sends through them too). */
    senders,
    /** The ticket store that tells operators about new tickets, requester replies and assignments. */
    wrap: (store: TicketStore): TicketStore => new NotifyingTicketStore(store, publish, link),
    /** Publishes a failed scheduled job. */
    jobFailed: (job: string, error: string) =>
      void publish({
        event: 'job_failed',
        key: `job:${job}:${d.clock.now().toISOString()}`,
        alertKey: job,
        subject: NOTIFY_MESSAGES.jobFailed(job),
        body: [NOTIFY_MESSAGES.jobFailed(job), '', error].join('\n'),
      }),
    /** Starts the outbox retry (every instance) and the SLA watch (the instance holding its lease). */
    start(store: TicketStore, sla: (t: TicketRecord) => SlaResult, lease: SlaWatchLease): void {
      const watch = new SlaWatch({ store, sla, publish, link, clock: d.clock });
      const every = (ms: number, work: () => Promise<unknown>) => {
        const t = setInterval(
          () =>
            void work().catch((err: unknown) =>
              d.logger.warn('notification timer failed', { error: err instanceof Error ? err.message : String(err) }),
            ),
          ms,
        );
        t.unref();
        timers.push(t);
      };
      every(FLUSH_MS, () => service.flush());
      slaWatch = leasedSlaWatch({
        ...lease,
        clock: d.clock,
        logger: d.logger,
        check: () => watch.check(),
        everyMs: SLA_WATCH_MS,
      });
      slaWatch.start();
    },
    async stop(): Promise<void> {
      for (const t of timers.splice(0)) clearInterval(t);
      await slaWatch?.stop();
      smtp?.close();
    },
  };
}
