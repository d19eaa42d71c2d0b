/** What the operations pages (拠点・端末, 計画作業) need from the composition root. */
import type { CampaignService, SiteService, TerminalImportStaging, TerminalService } from '../../../../operations';

/** A CSV upload written aside until the import has read it. */
export interface StagedCsv {
  /** Streams the file from its start (the import reads it up to three times). */
  open(): AsyncIterable<Uint8Array>;
  discard(): Promise<void>;
}

/** The operations ledger's services and the import's limits. */
export interface OperationsConsole {
  sites: SiteService;
  terminals: TerminalService;
  /** Previewed CSVs kept in the database until confirmed with one click, cancelled or expired. */
  staging: TerminalImportStaging;
  campaigns: CampaignService;
  /** Largest CSV accepted (bytes). */
  importMaxBytes: number;
  /** Writes an uploaded CSV aside (a temporary file); throws INPUT_TOO_LARGE past the limit. */
  stage(content: AsyncIterable<Uint8Array>): Promise<StagedCsv>;
}
