/** What the console router needs (built by the composition root). */
import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logger';
import type {
  AttachmentService,
  FaqService,
  TicketService,
  UnansweredQuestions,
  WorkLogService,
} from '../../../tickets';
import type { AccountService, AuthService } from '../auth';
import type { CertificateDocument } from '../../../reports';

/** Where the console reads deletion certificates (the retention job writes them). */
export interface CertificateSource {
  list(limit: number): Promise<CertificateDocument[]>;
  get(id: string): Promise<CertificateDocument | undefined>;
  /** Audits an export of a certificate. */
  exported(id: string, format: 'pdf' | 'xlsx', actor: string): Promise<void>;
  /** 発行 on the exported certificate. */
  organization: string;
}

/** Dependencies of createConsoleRouter. */
export interface ConsoleDeps {
  tickets: TicketService;
  /** Files on replies and their download; without it the reply form takes no files. */
  attachments?: AttachmentService;
  workLogs: WorkLogService;
  faqs: FaqService;
  auth: AuthService;
  accounts: AccountService;
  unanswered: UnansweredQuestions;
  clock: Clock;
  logger: Logger;
  /** Adds `Secure` to cookies; true unless the public URL is http://localhost. */
  secureCookies: boolean;
  /** Issue 11: deletion certificates of the retention runs (admin pages). */
  certificates?: CertificateSource;
}
