export { createWebApp, type Mount, type WebAppDeps } from './app';
export { errorHandler } from './errors';
export { WebChatChannel } from './web-chat-channel';
export { loadLegalPages, type LegalPages } from './legal';
export { logoEventsHandlers } from './logo-events';
