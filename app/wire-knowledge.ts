/**
 * Wiring of the knowledge the desk keeps up to date: the managed folder of uploaded manuals and the
 * background ingest (under a job lease) that publishes a new index generation for the other instances.
 */
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import { KnowledgeIngestJob, type LeaseGuard } from '../jobs';
import type { KnowledgeConsole } from '../adapters/web/console';
import type { KotaeConfig } from './config';
import type { IndexSync } from './index-sync';
import { uploadsDir, UPLOADS_PREFIX } from './knowledge-folders';
import type { KnowledgeRuntime } from './knowledge-runtime';
import { UploadedDocuments } from './uploaded-documents';

/** What the knowledge wiring needs. */
export interface KnowledgeWiringDeps {
  config: Readonly<KotaeConfig>;
  knowledge: KnowledgeRuntime;
  indexSync: IndexSync;
  leases: LeaseGuard;
  logger: Logger;
  clock: Clock;
}

/** The knowledge side of the console, and where `/kb` serves the uploaded manuals from. */
export function wireKnowledge(d: KnowledgeWiringDeps) {
  const documents = new UploadedDocuments(uploadsDir(d.config.dataDir), d.config.knowledge.uploadMaxBytes);
  const ingest = new KnowledgeIngestJob({
    ingest: (onProgress) => d.knowledge.ingest(undefined, onProgress),
    published: () => d.indexSync.published(),
    leases: d.leases,
    logger: d.logger,
    now: () => d.clock.now(),
  });
  const console: KnowledgeConsole = { documents, ingest };
  return { console, ingest, documents: { path: `/kb/${UPLOADS_PREFIX}`, dir: documents.dir } };
}
