/** The adapters/web/api folder's public entry. */
export { type ChatAttachmentDeps, createAttachmentApiRouter } from './attachment-routes';
export { TOKEN_HEADER } from './conversation-access';
export { createApiRouter } from './router';
