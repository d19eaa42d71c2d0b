/**
 * Notification settings (issue 14): SMTP for e-mail and the operators' Teams channel. A separate block
 * of app/config.ts (which alone reads the environment and calls this with the same variables).
 */
import { z } from 'zod';
import { bool } from './config-fields';
import { NOTIFY_EVENTS, type NotifyEvent, type SmtpSettings, type OperatorsChannel } from '../notify';

const text = z.string().min(1).optional();
const events = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(NOTIFY_EVENTS)));

/** Whole minutes in [min, max], or `off` (null: zod would put the default in place of undefined). */
const minutesOrOff = (min: number, max: number) =>
  z
    .string()
    .regex(/^(off|\d{1,5})$/, `${min}〜${max} の整数または off で指定してください`)
    .transform((s) => (s === 'off' ? null : Number(s)))
    .refine((n) => n === null || (n >= min && n <= max), { message: `${min}〜${max} の整数で指定してください` });

/** The notification variables (documented in .env.example). */
export const NotifyEnvSchema = z
  .object({
    KOTAE_SMTP_HOST: text,
    KOTAE_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    KOTAE_SMTP_SECURE: bool.default(false),
    KOTAE_SMTP_REQUIRE_TLS: bool.default(false),
    KOTAE_SMTP_USER: text,
    KOTAE_SMTP_PASSWORD: text,
    KOTAE_SMTP_FROM: text,
    KOTAE_NOTIFY_TEAMS_SERVICE_URL: z.url().optional(),
    KOTAE_NOTIFY_TEAMS_CONVERSATION_ID: text,
    KOTAE_NOTIFY_TEAMS_EVENTS: events.optional(),
    // Operational alerts (issue 11): thresholds of the backup and channel conditions.
    KOTAE_ALERT_BACKUP_GRACE_MINUTES: minutesOrOff(10, 1440).default(180),
    KOTAE_ALERT_TEAMS_UNDELIVERED: minutesOrOff(1, 1000).default(3),
    KOTAE_ALERT_TEAMS_UNDELIVERED_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    KOTAE_ALERT_LOGO_DOWN_MINUTES: minutesOrOff(1, 1440).default(10),
    // The same alert (event and alert key) raised again within N minutes of the last sent one is held back.
    KOTAE_ALERT_REPEAT_MINUTES: minutesOrOff(1, 10080).default(60),
  })
  .superRefine((env, ctx) => {
    const need = (cond: boolean, key: string, message: string) => {
      if (cond) ctx.addIssue({ code: 'custom', path: [key], message });
    };
    const smtpSet = [env.KOTAE_SMTP_USER, env.KOTAE_SMTP_PASSWORD, env.KOTAE_SMTP_FROM].some(Boolean);
    need(!env.KOTAE_SMTP_HOST && smtpSet, 'KOTAE_SMTP_HOST', 'required when other KOTAE_SMTP_* variables are set');
    need(Boolean(env.KOTAE_SMTP_HOST) && !env.KOTAE_SMTP_FROM, 'KOTAE_SMTP_FROM', 'required with KOTAE_SMTP_HOST');
    need(
      Boolean(env.KOTAE_SMTP_USER) !== Boolean(env.KOTAE_SMTP_PASSWORD),
      'KOTAE_SMTP_USER',
      'KOTAE_SMTP_USER and KOTAE_SMTP_PASSWORD go together',
    );
    need(
      Boolean(env.KOTAE_NOTIFY_TEAMS_SERVICE_URL) !== Boolean(env.KOTAE_NOTIFY_TEAMS_CONVERSATION_ID),
      'KOTAE_NOTIFY_TEAMS_CONVERSATION_ID',
      'KOTAE_NOTIFY_TEAMS_SERVICE_URL and KOTAE_NOTIFY_TEAMS_CONVERSATION_ID go together',
    );
  });

/** Notification configuration. */
export interface NotifyConfig {
  /** E-mail over SMTP; off when absent. */
  smtp?: SmtpSettings;
  /** The operators' Teams channel (needs the Teams app settings); off when absent. */
  teamsChannel?: OperatorsChannel;
  /** Events posted to the Teams channel (default: all). */
  teamsEvents: NotifyEvent[];
  /** Operational alert thresholds (undefined: that alert is off). */
  alerts: AlertConfig;
}

/** Thresholds of the operational alerts (issue 11). */
export interface AlertConfig {
  /** Minutes after the daily backup time by which that day's backup must exist. */
  backupGraceMinutes?: number;
  /** Teams is down when at least `count` replies are undelivered after `minutes`. */
  teamsUndelivered?: { count: number; minutes: number };
  /** LoGoチャット is down when its connection has not been ready for this many minutes. */
  logoDownMinutes?: number;
  /**
   * An alert raised again within this many minutes of the last sent one (same event and alert key) is held
   * back; the next one sent after the window says how many were (undefined: every alert is sent).
   */
  repeatMinutes?: number;
}

/** The notification configuration from validated variables. */
export function toNotifyConfig(e: z.infer<typeof NotifyEnvSchema>): NotifyConfig {
  return {
    smtp: e.KOTAE_SMTP_HOST
      ? {
          host: e.KOTAE_SMTP_HOST,
          port: e.KOTAE_SMTP_PORT,
          secure: e.KOTAE_SMTP_SECURE,
          requireTls: e.KOTAE_SMTP_REQUIRE_TLS,
          user: e.KOTAE_SMTP_USER,
          password: e.KOTAE_SMTP_PASSWORD,
          from: e.KOTAE_SMTP_FROM ?? '',
        }
      : undefined,
    teamsChannel:
      e.KOTAE_NOTIFY_TEAMS_SERVICE_URL && e.KOTAE_NOTIFY_TEAMS_CONVERSATION_ID
        ? { serviceUrl: e.KOTAE_NOTIFY_TEAMS_SERVICE_URL, conversationId: e.KOTAE_NOTIFY_TEAMS_CONVERSATION_ID }
        : undefined,
    teamsEvents: e.KOTAE_NOTIFY_TEAMS_EVENTS ?? [...NOTIFY_EVENTS],
    alerts: {
      backupGraceMinutes: e.KOTAE_ALERT_BACKUP_GRACE_MINUTES ?? undefined,
      teamsUndelivered:
        e.KOTAE_ALERT_TEAMS_UNDELIVERED === null
          ? undefined
          : { count: e.KOTAE_ALERT_TEAMS_UNDELIVERED, minutes: e.KOTAE_ALERT_TEAMS_UNDELIVERED_MINUTES },
      logoDownMinutes: e.KOTAE_ALERT_LOGO_DOWN_MINUTES ?? undefined,
      repeatMinutes: e.KOTAE_ALERT_REPEAT_MINUTES ?? undefined,
    },
  };
}
