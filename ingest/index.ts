/** The ingestion pipeline: KB folder → documents → chunks → index generations. */
export { chunkDocuments, splitDocuments } from './chunk';
export { faqRowsToDocuments, type FaqRow } from './faq';
export { currentIndexDir } from './generations';
export { legacyOfficeFormat, loaderFor, SUPPORTED_EXTENSIONS } from './loaders';
export type { LoadResult, Loader, SourceFile } from './loaders';
export { DEFAULT_MAX_FILE_BYTES, runIngest } from './pipeline';
export { SKIP_REASONS } from './skip-reasons';
export { EMPTY_SOURCE_REASON, emptySourceMessage } from './empty-source-guard';
export type {
  IndexBuilder,
  IndexChecker,
  IndexUpdater,
  IngestOptions,
  IngestProgress,
  IngestSummary,
  SkippedItem,
} from './types';
export { FaqSheetReader } from './faq-sheets';
export { isUploadable, UPLOAD_EXTENSIONS, UPLOAD_MESSAGES } from './upload-policy';
export { formatBytes } from './file-ingest';
