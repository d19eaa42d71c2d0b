/**
 * Operator notifications (issue 14 point 4): one port per channel (e-mail over SMTP, the operators'
 * Teams channel), an outbox retried until sent, each operator's choices, and the desk events.
 */
export { NOTIFY_EVENTS, NOTIFY_CHANNELS } from './types';
export type * from './types';
export type {
  AlertIncident,
  AlertRepeatStore,
  AlertStateStore,
  RepeatDecision,
  RepeatedAlert,
  NotificationSender,
  NotificationStore,
  NotificationSettings,
} from './ports';
export { NOTIFY_EVENT_LABELS, NOTIFY_MESSAGES } from './messages';
export {
  NotificationService,
  OPERATORS_CHANNEL,
  type NotificationServiceDeps,
  type NotifiableOperator,
} from './notification-service';
export { ticketCreated, requesterReplied, assigned, type ConsoleLink } from './desk-events';
export { NotifyingTicketStore, type Publish } from './notifying-ticket-store';
export { SlaWatch, type SlaWatchDeps } from './sla-watch';
export { SmtpEmailSender, type SmtpSettings } from './smtp-email-sender';
export { TeamsChannelSender, type OperatorsChannel } from './teams-channel-sender';
export {
  AlertWatch,
  type AlertCondition,
  type AlertObservation,
  type AlertTransitions,
  type AlertWatchDeps,
  type PublishAlert,
} from './alert-watch';
export {
  backupMissingCondition,
  logoDownCondition,
  teamsDownCondition,
  type BackupEvidence,
  type BackupMissingDeps,
  type ConnectionHealth,
  type TeamsDownDeps,
} from './alert-conditions';
export { auditCheckpointCondition, type FailingCheckpoint } from './audit-checkpoint-condition';
export { InMemoryAlertStates } from './in-memory-alert-states';
export { InMemoryAlertRepeats } from './in-memory-alert-repeats';
