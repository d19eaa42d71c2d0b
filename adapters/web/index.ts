export { createWebApp, type Mount, type WebAppDeps } from './app';
export { errorHandler } from './errors';
export { WebChatChannel } from './web-chat-channel';
export { sendAttachment, contentDisposition, ATTACHMENT_CSP } from './attachment-download';
export { fileLinkHandler } from './file-links';
export { receiveUpload, isMultipart, type UploadOptions, type Upload } from './multipart';
export { loadLegalPages, type LegalPages } from './legal';
export { logoEventsHandlers } from './logo-events';
export { type ApiRateLimits, clientIp, type RateCounter, rateLimit } from './rate-limit';
export { type CertificateSource, createConsoleRouter, type KnowledgeConsole } from './console';
export { createMetrics, type KotaeMetrics, metricsAccess, type MetricsSources } from './metrics';
export { createSsoRouter, type WebSessionStore } from './sso';
export { AccountService, AuthService, FederatedSignIn } from './auth';
export { createConsoleReportsRouter } from './console-reports';
export { type OperationsConsole, type StagedCsv } from './console';
export { createConsoleRegistersRouter } from './console-registers';
export {
  IDEMPOTENCY_HEADER,
  type RequestKeyRecord,
  type RequestKeys,
  type RequestKeyStore,
} from './request-keys';
