/** The db/files folder's public entry. */
export { attachmentDir, FsAttachmentFileStore } from './fs-attachment-file-store';
