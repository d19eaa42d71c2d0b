import { InitialSchema1763700000000 } from './1763700000000-initial-schema';
import { TicketConversation1764100000000 } from './1764100000000-ticket-conversation';
import { AttachmentFiles1764200000000 } from './1764200000000-attachment-files';
import { InstanceCoordination1764300000000 } from './1764300000000-instance-coordination';
import { AuditHmacDeletionCertificate1764400000000 } from './1764400000000-audit-hmac-deletion-certificate';
import { IdentityAndRateLimits1764500000000 } from './1764500000000-identity-and-rate-limits';
import { TicketSearch1764700000000 } from './1764700000000-ticket-search';
import { Notifications1764700000001 } from './1764700000001-notifications';
import { DeliveryClaims1764800000000 } from './1764800000000-delivery-claims';
import { FaqOrigins1764900000000 } from './1764900000000-faq-origins';
import { SharePointDrives1764900100000 } from './1764900100000-sharepoint-drives';
import { QuestionGaps1764900200000 } from './1764900200000-question-gaps';
import { SavedViews1764700000002 } from './1764700000002-saved-views';
import { ReplyTemplates1764700000003 } from './1764700000003-reply-templates';
import { AlertState1765000000000 } from './1765000000000-alert-state';
import { ConversationRequester1765010000000 } from './1765010000000-conversation-requester';
import { FailedSaves1765010000001 } from './1765010000001-failed-saves';
import { TicketSearchTrigram1765010000002 } from './1765010000002-ticket-search-trigram';
import { OperationsLedger1765020000000 } from './1765020000000-operations-ledger';
import { RegistersAndLending1765030000000 } from './1765030000000-registers-and-lending';
import { DeskDuties1765040000000 } from './1765040000000-desk-duties';
import { WriteKeys1765100000000 } from './1765100000000-write-keys';
import { RequestKeys1765200000000 } from './1765200000000-request-keys';
import { FeedbackConversation1765300000000 } from './1765300000000-feedback-conversation';
import { QuestionChoices1765400000000 } from './1765400000000-question-choices';
import { AuditAppendOnly1765610000000 } from './1765610000000-audit-append-only';
import { CertificateResidue1765560000000 } from './1765560000000-certificate-residue';
import { CommentMessageKey1765700000000 } from './1765700000000-comment-message-key';
import { CommentChannelDeleted1765710000000 } from './1765710000000-comment-channel-deleted';
import { QuestionMaskedTypes1765800000000 } from './1765800000000-question-masked-types';
import { ReportDelivery1765900000000 } from './1765900000000-report-delivery';
import { SingleLogout1766200000000 } from './1766200000000-single-logout';
import { QuestionTakenBack1766400000000 } from './1766400000000-question-taken-back';
import { StagedImport1766600000000 } from './1766600000000-staged-import';
import { FileScansAlertRepeats1766700000000 } from './1766700000000-file-scans-alert-repeats';
import { LogoStamps1766800000000 } from './1766800000000-logo-stamps';
import { SsoRoleRecheck1766900000000 } from './1766900000000-sso-role-recheck';
import { ReportDeliveryManualAttempts1767100000000 } from './1767100000000-report-delivery-manual-attempts';
import { QuarantineReleaseRecord1767200000000 } from './1767200000000-quarantine-release-record';
import { WebChatRecheck1767300000000 } from './1767300000000-web-chat-recheck';
import { QuarantineReleaseKept1767400000000 } from './1767400000000-quarantine-release-kept';
import { QuarantineManualInstance1767500000000 } from './1767500000000-quarantine-manual-instance';
import { FaqHidden1767600000000 } from './1767600000000-faq-hidden';
import { FaqDeleteRequest1767700000000 } from './1767700000000-faq-delete-request';

/** Every migration in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [
  InitialSchema1763700000000,
  TicketConversation1764100000000,
  AttachmentFiles1764200000000,
  InstanceCoordination1764300000000,
  AuditHmacDeletionCertificate1764400000000,
  IdentityAndRateLimits1764500000000,
  TicketSearch1764700000000,
  Notifications1764700000001,
  SavedViews1764700000002,
  ReplyTemplates1764700000003,
  DeliveryClaims1764800000000,
  FaqOrigins1764900000000,
  SharePointDrives1764900100000,
  QuestionGaps1764900200000,
  AlertState1765000000000,
  ConversationRequester1765010000000,
  FailedSaves1765010000001,
  TicketSearchTrigram1765010000002,
  OperationsLedger1765020000000,
  RegistersAndLending1765030000000,
  DeskDuties1765040000000,
  WriteKeys1765100000000,
  RequestKeys1765200000000,
  FeedbackConversation1765300000000,
  QuestionChoices1765400000000,
  CertificateResidue1765560000000,
  AuditAppendOnly1765610000000,
  CommentMessageKey1765700000000,
  CommentChannelDeleted1765710000000,
  QuestionMaskedTypes1765800000000,
  ReportDelivery1765900000000,
  SingleLogout1766200000000,
  QuestionTakenBack1766400000000,
  StagedImport1766600000000,
  FileScansAlertRepeats1766700000000,
  LogoStamps1766800000000,
  SsoRoleRecheck1766900000000,
  ReportDeliveryManualAttempts1767100000000,
  QuarantineReleaseRecord1767200000000,
  WebChatRecheck1767300000000,
  QuarantineReleaseKept1767400000000,
  QuarantineManualInstance1767500000000,
  FaqHidden1767600000000,
  FaqDeleteRequest1767700000000,
];
