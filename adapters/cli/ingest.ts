/**
 * `npx kotae ingest <folder>`: ingests a KB folder into the data folder's index and prints a
 * Japanese summary (counts, and every skipped file or row with its reason).
 */
import * as path from 'node:path';
import { toKotaeError } from '../../core';
import type { Logger } from '../../core';
import {
  DEFAULT_MAX_FILE_BYTES,
  EMPTY_SOURCE_REASON,
  runIngest,
  type IndexBuilder,
  type IndexChecker,
} from '../../ingest';
import { INGEST_MESSAGES } from './ingest-messages';
import { barProgress, lineProgress } from './ingest-progress';

/** What the ingest command needs from its caller. */
export interface IngestCommandDeps {
  dataDir: string;
  build: IndexBuilder;
  /**
   * Checks that the current index generation opens: when no file changed, one that does not is rebuilt
   * (without: it is kept until `--force`).
   */
  check?: IndexChecker;
  logger: Logger;
  /** Command output (one line per call). */
  out: (s: string) => void;
  /** Error messages; defaults to `out`. */
  err?: (s: string) => void;
  /** Draw a progress bar (on `progressStream`) instead of plain progress lines. */
  isTTY: boolean;
  progressStream?: NodeJS.WritableStream;
  /** Folder used when none is given (the configured KB folder). */
  defaultSourceDir?: string;
  /**
   * After a rebuild: publishes a new index generation in the database so every running instance
   * rebuilds its own index (returns the generation; undefined when there is no database yet).
   */
  publish?: () => Promise<number | undefined>;
}

interface ParsedArgs {
  folder?: string;
  force: boolean;
  allowEmpty: boolean;
  maxFileBytes: number;
}

/** Runs the command; 0 when the index was built or kept (even with skipped files), non-zero otherwise. */
export async function runIngestCommand(argv: string[], deps: IngestCommandDeps): Promise<number> {
  const err = deps.err ?? deps.out;
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    if (parsed) err(parsed);
    deps.out(INGEST_MESSAGES.usage);
    return parsed ? 2 : 0;
  }
  const folder = parsed.folder ?? deps.defaultSourceDir;
  if (!folder) {
    err(INGEST_MESSAGES.noFolder);
    deps.out(INGEST_MESSAGES.usage);
    return 2;
  }
  deps.out(INGEST_MESSAGES.starting(path.resolve(folder)));
  const view = deps.isTTY ? barProgress(deps.progressStream ?? process.stderr) : lineProgress(deps.out);
  try {
    const summary = await runIngest({
      sourceDir: folder,
      dataDir: deps.dataDir,
      build: deps.build,
      check: deps.check,
      logger: deps.logger,
      force: parsed.force,
      allowEmpty: parsed.allowEmpty,
      maxFileBytes: parsed.maxFileBytes,
      onProgress: (p) => view.update(p),
    });
    view.stop();
    for (const line of INGEST_MESSAGES.summary(summary)) deps.out(line);
    if (summary.rebuilt && deps.publish) {
      try {
        const generation = await deps.publish();
        if (generation !== undefined) deps.out(INGEST_MESSAGES.published(generation));
      } catch (error) {
        const e = toKotaeError(error, 'DB_UNAVAILABLE');
        err(INGEST_MESSAGES.publishFailed(e.userMessage));
        deps.logger.warn('ingest: new index generation not published', { code: e.code, error: e.message });
      }
    }
    return 0;
  } catch (error) {
    view.stop();
    const e = toKotaeError(error, 'INGEST_FAILED');
    err(INGEST_MESSAGES.failed(e.userMessage));
    if (e.details?.reason === EMPTY_SOURCE_REASON) err(INGEST_MESSAGES.allowEmptyHint);
    deps.logger.error('ingest failed', { code: e.code, error: e.message });
    return 1;
  }
}

/** Parsed arguments, or a message (empty for --help) when the usage should be shown. */
function parseArgs(argv: readonly string[]): ParsedArgs | string {
  const result: ParsedArgs = { force: false, allowEmpty: false, maxFileBytes: DEFAULT_MAX_FILE_BYTES };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return '';
    if (arg === '--force') result.force = true;
    else if (arg === '--allow-empty') result.allowEmpty = true;
    else if (arg === '--max-file-mb') {
      const mb = Number(argv[++i]);
      if (!(mb > 0)) return INGEST_MESSAGES.badNumber(String(argv[i]));
      result.maxFileBytes = Math.round(mb * 1024 * 1024);
    } else if (arg.startsWith('-') || result.folder !== undefined) return INGEST_MESSAGES.badOption(arg);
    else result.folder = arg;
  }
  return result;
}
