export { createWebApp, type Mount, type WebAppDeps } from './app';
export { errorHandler } from './errors';
export { WebChatChannel } from './web-chat-channel';
export { sendAttachment, contentDisposition, ATTACHMENT_CSP } from './attachment-download';
export { fileLinkHandler } from './file-links';
export { receiveUpload, isMultipart, type UploadOptions, type Upload } from './multipart';
export { loadLegalPages, type LegalPages } from './legal';
export { logoEventsHandlers } from './logo-events';
