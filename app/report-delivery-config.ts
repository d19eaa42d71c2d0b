/**
 * Scheduled report delivery (issue 16 point 7): who receives the generated reports and which files.
 * A separate block of app/config.ts (which alone reads the environment and calls this with the
 * same variables). The channels themselves are the notifier's (KOTAE_SMTP_*, KOTAE_NOTIFY_TEAMS_*).
 */
import { z } from 'zod';
import { bool } from './config-fields';
import type { ReportDeliverySettings } from '../reports';

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** The report-delivery variables (documented in .env.example). */
export const ReportDeliveryEnvSchema = z.object({
  /** Comma-separated e-mail addresses that receive every scheduled report's files. */
  KOTAE_REPORT_DELIVERY_EMAILS: z.string().transform(list).pipe(z.array(z.email())).optional(),
  /** Post each scheduled report in the operators' Teams channel. */
  KOTAE_REPORT_DELIVERY_TEAMS: bool.default(false),
  /** Files attached to the e-mail (default xlsx,pdf). */
  KOTAE_REPORT_DELIVERY_FORMATS: z
    .string()
    .transform(list)
    .pipe(z.array(z.enum(['xlsx', 'pdf', 'csv', 'json'])).min(1))
    .optional(),
});

/** Delivery settings from validated variables. */
export function toReportDeliveryConfig(e: z.infer<typeof ReportDeliveryEnvSchema>): ReportDeliverySettings {
  return {
    emails: e.KOTAE_REPORT_DELIVERY_EMAILS ?? [],
    teams: e.KOTAE_REPORT_DELIVERY_TEAMS,
    formats: e.KOTAE_REPORT_DELIVERY_FORMATS ?? ['xlsx', 'pdf'],
  };
}
