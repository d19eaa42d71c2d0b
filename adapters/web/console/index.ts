/** The operator console (server-rendered, Japanese). */
export { createConsoleRouter, consoleErrorPage, consoleHeaders, CONSOLE_ROUTES } from './router';
export type { CertificateSource, ConsoleDeps } from './deps';
export type { ConsoleRoute } from './route-types';
export {
  STATUS_LABELS,
  TYPE_LABELS,
  PRIORITY_LABELS,
  SLA_LABELS,
  ROLE_LABELS,
  M as CONSOLE_MESSAGES,
} from './messages';
export { renderPage } from './layout';
export { typedJstDateTime } from './format';
export { consoleFormKeys, writeKeyInput } from './write-key';
export { escapeHtml, raw, html, type SafeHtml } from './html';
export type {
  BackgroundIngest,
  DocumentFolder,
  KnowledgeConsole,
  SharePointConsole,
  SharePointLibraryView,
  StagedUpload,
} from './knowledge-deps';
export type { OperationsConsole, StagedCsv } from './operations';
