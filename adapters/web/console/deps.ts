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
import type { KnowledgeConsole } from './knowledge-deps';

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
  /** Uploaded manuals, the background ingest, SharePoint, usage and gaps (issue 15); pages answer 404 without it. */
  knowledge?: KnowledgeConsole;
}
