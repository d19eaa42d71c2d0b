/** The operator console (server-rendered, Japanese). */
export { createConsoleRouter, consoleErrorPage, CONSOLE_ROUTES } from './router';
export type { CertificateSource, ConsoleDeps } from './deps';
export { type ConsoleRoute } from './route-types';
export {
  STATUS_LABELS,
  TYPE_LABELS,
  PRIORITY_LABELS,
  SLA_LABELS,
  ROLE_LABELS,
  M as CONSOLE_MESSAGES,
} from './messages';
export { renderPage } from './layout';
export { escapeHtml, raw } from './html';
export type {
  BackgroundIngest,
  DocumentFolder,
  KnowledgeConsole,
  SharePointConsole,
  SharePointLibraryView,
  StagedUpload,
} from './knowledge-deps';
export { html, type SafeHtml } from './html';
export { M } from './messages';
