/** What the console router needs (built by the composition root). */
import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logger';
import type { FaqService, TicketService, UnansweredQuestions, WorkLogService } from '../../../tickets';
import type { AccountService, AuthService } from '../auth';

/** Dependencies of createConsoleRouter. */
export interface ConsoleDeps {
  tickets: TicketService;
  workLogs: WorkLogService;
  faqs: FaqService;
  auth: AuthService;
  accounts: AccountService;
  unanswered: UnansweredQuestions;
  clock: Clock;
  logger: Logger;
  /** Adds `Secure` to cookies; true unless the public URL is http://localhost. */
  secureCookies: boolean;
}
