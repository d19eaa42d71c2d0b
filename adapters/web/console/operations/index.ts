/** The operations pages of the console (拠点・端末, 計画作業, the ticket's 対象端末). */
import type { ConsoleRoute } from '../route-types';
import { CAMPAIGN_ROUTES } from './campaign-routes';
import { SITE_ROUTES } from './site-routes';
import { TERMINAL_ROUTES } from './terminal-routes';
import { TICKET_TERMINAL_ROUTES } from './ticket-panel';

/** Every route of the operations pages. */
export const OPERATIONS_ROUTES: readonly ConsoleRoute[] = [
  ...SITE_ROUTES,
  ...TERMINAL_ROUTES,
  ...CAMPAIGN_ROUTES,
  ...TICKET_TERMINAL_ROUTES,
];
export type { OperationsConsole, StagedCsv } from './deps';
export { terminalImportUpload } from './import-upload';
export { ticketTerminalPanel } from './ticket-panel';
export { O as OPERATIONS_MESSAGES } from './messages';
export { O } from './messages';
