/** The app folder's public entry. */
export { describeConfig, type KotaeConfig, loadConfigFromProcess } from './config';
export { KNOWLEDGE_GENERATION } from './index-sync';
export { VERSION } from './version';
export { createApp } from './serve-app';
export type { AppDeps, KotaeApp } from './create-app';
export { openKotae, withKotae, KotaeParts, type KotaeRuntime, type OpenKotaeOptions } from './kotae-parts';
export { businessCalendarOf, type ReportParts } from './report-parts';
export { createChatModel } from './answer-model';
export { createEmbedder } from './knowledge-embedder';
export { dataDirHolder, ensureWritableDir, lockDataDir } from './data-dir';
export { type DirLock } from './data-dir';
export { previewRetention, runRetentionNow, type RetentionPreview } from './retention-run';
export { runRescan, type RescanRunOptions } from './rescan-run';
