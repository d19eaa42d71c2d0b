/** What the console router needs (built by the composition root). */
import type { Clock } from '../../../core';
import type { Logger } from '../../../core';
import type {
  TicketLinks,
  RequesterConversations,
  FailedSaves,
  ReplyTemplates,
  SavedViews,
  DeskChanges,
  AttachmentService,
  FaqService,
  TicketService,
  UnansweredQuestions,
  WorkLogService,
  ConfidentialRoster,
  FySwitchService,
  QuarantineRelease,
  QuarantineList,
  ManualCopyPlace,
  RecordedManualQuarantine,
} from '../../../tickets';
import type { RequestHandler, Response } from 'express';
import type { AccountService, AuthService } from '../auth';
import type { NotificationService } from '../../../notify';
import type { KnowledgeConsole } from './knowledge-deps';
import type { CertificateDocument } from '../../../reports';
import type { DeletionResidue } from '../../../jobs';
import type { OperationsConsole } from './operations';
import type { RequestKeys } from '../request-keys';

/** Where the console reads deletion certificates (the retention job writes them). */
export interface CertificateSource {
  list(limit: number): Promise<CertificateDocument[]>;
  /** With what remains where until when (certificates since session 31). */
  get(id: string): Promise<(CertificateDocument & { residue?: DeletionResidue }) | undefined>;
  /** Audits an export of a certificate. */
  exported(id: string, format: 'pdf' | 'xlsx', actor: string): Promise<void>;
  /** 発行 on the exported certificate. */
  organization: string;
}

/** Dependencies of createConsoleRouter. */
export interface ConsoleDeps {
  tickets: TicketService;
  /** Keyed forms: a form posted again with its hidden `_key` is answered as the first time, written once. */
  requestKeys?: RequestKeys;
  /** Files on replies and their download; without it the reply form takes no files. */
  attachments?: AttachmentService;
  /** An administrator's release of a quarantined file (scanned again first); without it none is offered. */
  quarantine?: QuarantineRelease;
  /** The 隔離ファイル page (administrators, 監査担当); answers 404 without it. */
  quarantinedFiles?: QuarantinedFilesConsole;
  workLogs: WorkLogService;
  faqs: FaqService;
  auth: AuthService;
  accounts: AccountService;
  unanswered: UnansweredQuestions;
  clock: Clock;
  logger: Logger;
  /** Change markers for live pages (Server-Sent Events); without them pages do not update by themselves. */
  changes?: DeskChanges;
  /** How often a live page's marker is read (default 1.5 s). */
  liveIntervalMs?: number;
  /** The 障害復旧作業報告書 of an incident ticket as one file (xlsx or PDF); without it no download is offered. */
  incidentReport?: (ticketRef: string, format: 'xlsx' | 'pdf') => Promise<{ name: string; content: Buffer }>;
  /** Failed ticket saves between the POST and the redirected page (post/redirect/get). */
  failedSaves: FailedSaves;
  /** The requester's recent bot conversations on the ticket page; without it the section is not shown. */
  conversations?: RequesterConversations;
  /** Links between related tickets. */
  links?: TicketLinks;
  /** Canned replies (admins manage them; operators insert them into a reply). */
  templates?: ReplyTemplates;
  /** Saved queue views per operator; without them the queue offers none. */
  views?: SavedViews;
  /** Operator notifications: the settings page and the list of failed notifications. */
  notifications?: NotificationService;
  /** How long one live stream lasts before the browser reconnects (default 5 minutes). */
  liveStreamMs?: number;
  /** Adds `Secure` to cookies; true unless the public URL is http://localhost. */
  secureCookies: boolean;
  /** Single sign-on (Entra ID) start URL: the sign-in page offers it above the local form. */
  ssoSignInUrl?: string;
  /**
   * Single logout: answers the sign-out of an ended single sign-on session (its sealed ID token, the cookie token)
   * with the move on to the provider's sign-out; false when there is none (signed out as a password session).
   */
  ssoSignOut?: (res: Response, sealedHint: string | null | undefined, token: string) => Promise<boolean>;
  /** Rate limits run before a password sign-in is checked (per IP, per account). */
  signInLimits?: RequestHandler[];
  /** Uploaded manuals, the background ingest, SharePoint, usage and gaps (issue 15); pages answer 404 without it. */
  knowledge?: KnowledgeConsole;
  /** Issue 16: the 機密性3 roster (admin page); without it only administrators see 機密性3 tickets. */
  roster?: ConfidentialRoster;
  /** Issue 16: the fiscal-year switch import and checklist; pages answer 404 without it. */
  fySwitch?: FySwitchService;
  /** Issue 11: deletion certificates of the retention runs (admin pages). */
  certificates?: CertificateSource;
  /** Issue 16: sites, terminals and planned work; the pages answer 404 without it. */
  operations?: OperationsConsole;
}

/** What the 隔離ファイル page reads. */
export interface QuarantinedFilesConsole {
  list: QuarantineList;
  /** KOTAE_QUARANTINE_KEEP_DAYS. */
  keepDays: number;
  /** Whether this instance's attachment folder holds the content. */
  kept: (sha256: string) => Promise<boolean>;
  /** KOTAE_ATTACHMENT_STORAGE=instance: a file missing here may be kept by another instance. */
  perInstance: boolean;
  /** Where a quarantined manual's copy is (one look-up); without it, kept until the keeping period ends. */
  manualPlace?: (m: RecordedManualQuarantine) => Promise<ManualCopyPlace>;
  /** Masks personal data in file names, as the audit log's. */
  maskText: (text: string) => string;
}
