/** The app folder's public entry. */
export { describeConfig, type KotaeConfig, loadConfigFromProcess } from './config';
export { KNOWLEDGE_GENERATION } from './index-sync';
export { VERSION } from './version';
export { backupKeyOf, openAuditLog, sealNewKey } from './wire-audit';
export { createApp } from './create-app';
export { businessCalendarOf, reportPartsOf } from './report-parts';
export { createChatModel } from './answer-model';
export { createEmbedder } from './knowledge-runtime';
export { dataDirHolder, ensureWritableDir, lockDataDir } from './data-dir';
export { type DirLock } from './data-dir';
export { anchorFileOf } from './wire-audit';
