/** What the knowledge pages need (built by the composition root); absent parts hide their section. */
import type { IngestJobStatus } from '../../../jobs';
import type { DocumentUsage } from '../../../reports';
import type { UploadOrigin } from '../../../tickets';

/** A manual received and checked, waiting for the request to be accepted. */
export interface StagedUpload {
  name: string;
  sizeBytes: number;
}

/** The managed folder of uploaded manuals. */
export interface DocumentFolder {
  readonly maxBytes: number;
  list(): { name: string; sizeBytes: number; modifiedAt: Date }[];
  /** Stages a file; `origin` names the operator in an infected file's audit row. */
  stage(
    content: AsyncIterable<Uint8Array>,
    claim: { fileName: string; contentType?: string },
    origin?: UploadOrigin,
  ): Promise<StagedUpload>;
  commit(staged: StagedUpload): string;
  discard(staged: StagedUpload): Promise<void>;
  delete(name: string): void;
}

/** The background ingest. */
export interface BackgroundIngest {
  /** This process's current or last run. */
  status(): IngestJobStatus;
  /** The run in progress, else the last finished run of any instance (kept across restarts). */
  latest(): Promise<IngestJobStatus>;
  request(reason: string): Promise<void>;
}

/** Whether the knowledge index serves (as /healthz reports it); `error` says why not, in Japanese. */
export interface IndexStateView {
  ready: boolean;
  state: 'ok' | 'stale' | 'unavailable';
  error?: { code: string; message: string; detail?: string; generation?: string };
}

/** One synced SharePoint library and its last sync. */
export interface SharePointLibraryView {
  label: string;
  syncedAt?: Date;
  result?: {
    ok: boolean;
    error?: string;
    full: boolean;
    added: number;
    updated: number;
    deleted: number;
    skipped: { path: string; reason: string }[];
  };
}

/** The SharePoint sync. */
export interface SharePointConsole {
  readonly busy: boolean;
  /** When the app's secret or certificate expires (YYYY-MM-DD), if configured. */
  credentialExpires?: string;
  status(): Promise<SharePointLibraryView[]>;
  syncNow(): Promise<void>;
}

/** Usage of one FAQ or document (as reports/ counts it). */
export type DocumentUsageView = DocumentUsage;

/** A group of similar unanswered questions. */
export interface GapClusterView {
  representative: string;
  count: number;
  examples: string[];
  questionIds: string[];
  lastAskedAt: Date;
}

/** Usage and gaps. */
export interface KnowledgeInsightsPort {
  documents(): Promise<DocumentUsageView[]>;
  unhelpfulFaqs(): Promise<DocumentUsageView[]>;
  unusedFaqs(): Promise<{ documentId: string; question: string; origin: string }[]>;
  gaps(options?: { hideConfidential?: boolean }): Promise<GapClusterView[]>;
  close(questionIds: readonly string[], by: string): Promise<void>;
}

/** The knowledge side of the console. */
export interface KnowledgeConsole {
  documents: DocumentFolder;
  ingest: BackgroundIngest;
  /** The serving index's state (a warning on the page when it cannot be loaded). */
  index?: () => IndexStateView;
  sharePoint?: SharePointConsole;
  insights?: KnowledgeInsightsPort;
}
