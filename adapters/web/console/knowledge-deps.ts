/** What the knowledge pages need (built by the composition root); absent parts hide their section. */
import type { IngestJobStatus } from '../../../jobs';

/** A manual received and checked, waiting for the request to be accepted. */
export interface StagedUpload {
  name: string;
  sizeBytes: number;
}

/** The managed folder of uploaded manuals. */
export interface DocumentFolder {
  readonly maxBytes: number;
  list(): { name: string; sizeBytes: number; modifiedAt: Date }[];
  stage(content: AsyncIterable<Uint8Array>, claim: { fileName: string; contentType?: string }): Promise<StagedUpload>;
  commit(staged: StagedUpload): string;
  discard(staged: StagedUpload): Promise<void>;
  delete(name: string): void;
}

/** The background ingest. */
export interface BackgroundIngest {
  status(): IngestJobStatus;
  request(reason: string): Promise<void>;
}

/** The knowledge side of the console. */
export interface KnowledgeConsole {
  documents: DocumentFolder;
  ingest: BackgroundIngest;
}
