/**
 * Wiring of the knowledge the desk keeps up to date: the managed folder of uploaded manuals and the
 * background ingest (under a job lease) that publishes a new index generation for the other instances.
 */
import type { Clock } from '../core';
import type { Logger } from '../core';
import { KnowledgeIngestJob, type LeaseGuard } from '../jobs';
import type { KnowledgeConsole } from '../adapters/web';
import type { KotaeConfig } from './config';
import type { IndexSync } from './index-sync';
import { sharePointDir, uploadsDir, UPLOADS_PREFIX } from './knowledge-folders';
import type { KnowledgeRuntime } from './knowledge-runtime';
import { UploadedDocuments } from './uploaded-documents';
import type { DataSource } from 'typeorm';
import { createAppTokenProvider, GraphDrives } from '../adapters/graph';
import { SqlSharePointDrives } from '../db';
import { SharePointSync } from './sharepoint-sync';
import { KnowledgeInsights } from './knowledge-insights';
import { SqlJobRunStore, SqlKnowledgeUsage } from '../db';
import type { FaqService } from '../tickets';
import type { ScannerWiring } from './wire-scanner';

/** What the knowledge wiring needs. */
export interface KnowledgeWiringDeps {
  ds: DataSource;
  config: Readonly<KotaeConfig>;
  knowledge: KnowledgeRuntime;
  indexSync: IndexSync;
  leases: LeaseGuard;
  logger: Logger;
  clock: Clock;
  /** The malware scan of uploaded manuals (app/wire-scanner.ts); no `scan`: not scanned. */
  scanning?: Pick<ScannerWiring, 'scan'>;
}

/** The knowledge side of the console, and where `/kb` serves the uploaded manuals from. */
export function wireKnowledge(d: KnowledgeWiringDeps) {
  const documents = new UploadedDocuments(
    uploadsDir(d.config.dataDir),
    d.config.knowledge.uploadMaxBytes,
    d.scanning?.scan,
  );
  const ingest = new KnowledgeIngestJob({
    ingest: (onProgress) => d.knowledge.ingest(undefined, onProgress),
    published: () => d.indexSync.published(),
    leases: d.leases,
    runs: new SqlJobRunStore(d.ds),
    logger: d.logger,
    now: () => d.clock.now(),
  });
  const sp = d.config.knowledge.sharePoint;
  const sync = sp
    ? new SharePointSync({
        config: sp,
        drives: new GraphDrives({
          tokens: createAppTokenProvider({ ...sp }),
          baseUrl: sp.graphUrl,
        }),
        store: new SqlSharePointDrives(d.ds),
        mirrorDir: sharePointDir(d.config.dataDir),
        onChanged: (reason) => ingest.request(reason),
        leases: d.leases,
        logger: d.logger,
        now: () => d.clock.now(),
      })
    : undefined;
  const console: KnowledgeConsole = {
    documents,
    ingest,
    index: () => d.knowledge.live.status(),
    sharePoint: sync
      ? {
          get busy() {
            return sync.busy;
          },
          credentialExpires: sp?.credentialExpires,
          status: () => sync.status(),
          syncNow: () => sync.syncNow(),
        }
      : undefined,
  };
  return {
    console,
    ingest,
    sync,
    /** Adds the usage and gap views once the FAQ service exists (it is built with the console). */
    attachInsights(faqs: FaqService) {
      console.insights = new KnowledgeInsights({
        usage: new SqlKnowledgeUsage(d.ds),
        faqs,
        analyzer: d.knowledge.analyzer,
        expander: d.knowledge.expander,
        now: () => d.clock.now(),
      });
    },
    documents: { path: `/kb/${UPLOADS_PREFIX}`, dir: documents.dir },
    /** Starts the scheduled SharePoint sync (when configured and the scheduler is on). */
    start() {
      if (sync && d.config.scheduler) sync.start();
    },
    async stop() {
      await sync?.stop();
    },
  };
}
