/**
 * The console ingest's runs in job_run (job `ingest`): the summary, the skipped files and the
 * warnings of a run are kept as JSON in the row's `detail`, so the console shows the last run after a
 * restart and on every instance. Lists are bounded: the first {@link LISTED_MAX} items and the total.
 */
import type { IngestSummary, SkippedItem } from '../ingest';
import type { JobRunEntry } from '../reports';

/** The job name of the console's background ingest in job_run (reports label it ナレッジ取込). */
export const INGEST_JOB = 'ingest';

/** Skipped files and warnings listed per run; the rest are counted. */
export const LISTED_MAX = 50;

/** Longest path or reason kept per item. */
const MAX_ITEM_CHARS = 500;

/** A run's summary as the console shows it. */
export interface IngestRunSummary {
  files: number;
  indexed: number;
  unchanged: number;
  removed: number;
  chunks: number;
  /** The first {@link LISTED_MAX} files and rows left out of the index, with Japanese reasons. */
  skipped: SkippedItem[];
  /** How many were left out in all. */
  skippedTotal: number;
  /** The first {@link LISTED_MAX} files and rows indexed but worth checking (shared FAQ ids, CSV extra cells…). */
  warnings: SkippedItem[];
  /** How many warnings in all. */
  warningsTotal: number;
}

/** What `detail` holds. */
interface StoredRun {
  reason: string;
  summary?: IngestRunSummary;
  error?: string;
}

const item = (i: SkippedItem): SkippedItem => ({
  path: String(i.path).slice(0, MAX_ITEM_CHARS),
  reason: String(i.reason).slice(0, MAX_ITEM_CHARS),
});

/** The bounded summary of an ingest. */
export function summaryOf(s: IngestSummary): IngestRunSummary {
  const warnings = s.warnings ?? [];
  return {
    files: s.files,
    indexed: s.indexed,
    unchanged: s.unchanged,
    removed: s.removed,
    chunks: s.chunks,
    skipped: s.skipped.slice(0, LISTED_MAX).map(item),
    skippedTotal: s.skipped.length,
    warnings: warnings.slice(0, LISTED_MAX).map(item),
    warningsTotal: warnings.length,
  };
}

/** The `detail` of a finished run. */
export function runDetail(run: StoredRun): string {
  return JSON.stringify(run);
}

/** A finished run read back from job_run; undefined for a running row or a detail this version cannot read. */
export function storedRun(entry: JobRunEntry): (StoredRun & { startedAt: Date; finishedAt: Date }) | undefined {
  if (entry.status === 'running' || !entry.finishedAt || !entry.detail) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry.detail);
  } catch {
    return undefined;
  }
  const run = parsed as Partial<StoredRun> | null;
  if (typeof run?.reason !== 'string') return undefined;
  const summary = run.summary && isSummary(run.summary) ? run.summary : undefined;
  const error = typeof run.error === 'string' ? run.error : undefined;
  if (!summary && !error) return undefined;
  return { reason: run.reason, summary, error, startedAt: entry.startedAt, finishedAt: entry.finishedAt };
}

function isSummary(s: unknown): s is IngestRunSummary {
  const v = s as Record<string, unknown>;
  const counts = ['files', 'indexed', 'unchanged', 'removed', 'chunks', 'skippedTotal', 'warningsTotal'];
  const items = (x: unknown) =>
    Array.isArray(x) &&
    x.every((i) => typeof (i as SkippedItem)?.path === 'string' && typeof (i as SkippedItem)?.reason === 'string');
  return counts.every((k) => typeof v[k] === 'number') && items(v.skipped) && items(v.warnings);
}
