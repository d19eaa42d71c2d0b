/**
 * The rescan of stored files (`kotae scan-attachments`): every stored attachment and uploaded manual not yet
 * scanned with the scanner's current signature version (or every one after `--all`) is streamed to the
 * scanner one at a time. Each file is claimed first (FileScanStore), so two runs at once never scan or
 * quarantine one file twice, and its verdict is stored as soon as it is known, so a stopped run is continued
 * by the next. An infected file is isolated (the source's part: a manual leaves its folder), marked
 * quarantined, audited (`attachment.infected`, `foundBy: rescan`) and, once per run, alerted.
 */
import { KotaeError, toKotaeError, type AuditTrail, type Clock, type Logger } from '../core';
import type { ClaimOutcome, FileScanStore, StoredFileKind, StoredFileRef } from './file-scan-store';
import type { FileScanner } from './file-scanner';
import { SCAN_MESSAGES } from './scan-messages';

/** One stored file as a source lists it. */
export interface RescanItem {
  file: StoredFileRef;
  /** Reads the content from the start (a stream: memory stays bounded). */
  read(): Promise<AsyncIterable<Uint8Array>>;
}

/** What was quarantined with an infected file: one entry per attachment row, or the manual. */
export interface QuarantinedFile {
  kind: StoredFileKind;
  fileName: string;
  /** The audit target: the ticket number, `conversation:<id>` or `manual:<name>`. */
  where: string;
  sizeBytes: number;
  sha256: string;
  attachmentId?: string;
  uploadedBy?: string;
}

/** Where stored files live (the attachment store, the folder of uploaded manuals). */
export interface RescanSource {
  kind: StoredFileKind;
  /** The files, one at a time. */
  files(): AsyncIterable<RescanItem>;
  /** What the file is (its rows, or the manual), for the output, the audit rows and the alert. */
  describe(item: RescanItem): Promise<QuarantinedFile[]>;
  /**
   * Takes an infected file out of use before it is marked (a manual leaves the ingested, served folder); `at` is
   * the quarantine's time as marked (a manual's copy is named after it).
   */
  isolate(item: RescanItem, at: Date): Promise<void>;
}

/** A file the run could not scan. */
export interface RescanFailure {
  kind: StoredFileKind;
  fileName: string;
  code: 'too_large' | 'unavailable' | 'unreadable';
  error: string;
}

/** The infected files of one run, as the operators' alert tells them. */
export interface RescanAlert {
  version: string;
  at: Date;
  files: (QuarantinedFile & { signature: string })[];
}

/** What a run did. */
export interface RescanSummary {
  /** The scanner's signature version the files were scanned with. */
  version: string;
  scanned: number;
  scannedByKind: Record<StoredFileKind, number>;
  clean: number;
  infected: number;
  failed: number;
  /** Skipped: scanned with this version already (since the last `--all`). */
  current: number;
  /** Skipped: quarantined by an earlier run. */
  alreadyQuarantined: number;
  /** Skipped: another run is scanning it now. */
  busy: number;
  quarantined: (QuarantinedFile & { signature: string })[];
  failures: RescanFailure[];
  /** Why the run ended early: asked to stop, or the scanner went away (the next run continues). */
  stopped?: 'signal' | 'scanner_unavailable';
  /** Whether the `malware_detected` alert was raised. */
  alerted: boolean;
}

/** What the rescan needs. */
export interface StoredFileRescanDeps {
  scanner: FileScanner;
  scans: FileScanStore;
  sources: readonly RescanSource[];
  audit: Pick<AuditTrail, 'record'>;
  clock: Clock;
  logger: Logger;
  /** This run's name in the claims (`cli@host-pid-random`). */
  holder: string;
  /** The audit rows' actor (`cli`). */
  actor: string;
  /** How long a claim holds when the run dies without releasing it (default 10 minutes). */
  claimMs?: number;
  /** Masks personal data in file names (audit rows, alert, output). */
  maskText?: (text: string) => string;
  /** Raises the operators' alert (once per run with infected files); a failure is logged. */
  alert?: (alert: RescanAlert) => Promise<void>;
}

/** Options of one run. */
export interface RescanOptions {
  /** Every file is due again (files scanned before now), not only those of an older signature version. */
  all?: boolean;
  /** Stops after the file being scanned (Ctrl+C). */
  signal?: AbortSignal;
}

const DEFAULT_CLAIM_MS = 10 * 60_000;

/** Rescans the stored files. */
export class StoredFileRescan {
  constructor(private readonly deps: StoredFileRescanDeps) {}

  /** One run; CLOUD_UNAVAILABLE (with a Japanese message) when the scanner cannot be reached at start. */
  async run(options: RescanOptions = {}): Promise<RescanSummary> {
    const { scanner, scans, clock } = this.deps;
    const status = await scanner.status();
    if (!status.reachable) {
      throw new KotaeError('CLOUD_UNAVAILABLE', `malware scanner unreachable: ${status.error ?? ''}`, {
        userMessage: SCAN_MESSAGES.rescanUnavailable(status.error ?? 'no answer'),
      });
    }
    const version = (status.version ?? 'unknown').slice(0, 200);
    if (options.all) await scans.requestFullRescan(clock.now());
    const dueBefore = await scans.fullRescanRequested();
    const summary = emptySummary(version);
    for (const source of this.deps.sources) {
      for await (const item of source.files()) {
        if (options.signal?.aborted) summary.stopped = 'signal';
        if (summary.stopped) break;
        await this.visit(source, item, dueBefore, summary);
      }
      if (summary.stopped) break;
    }
    await this.raiseAlert(summary);
    this.deps.logger.info('rescan: done', {
      version,
      scanned: summary.scanned,
      clean: summary.clean,
      infected: summary.infected,
      failed: summary.failed,
      stopped: summary.stopped,
    });
    return summary;
  }

  private async visit(
    source: RescanSource,
    item: RescanItem,
    dueBefore: Date | undefined,
    s: RescanSummary,
  ): Promise<void> {
    const { scans, clock, holder } = this.deps;
    const now = clock.now();
    const until = new Date(now.getTime() + (this.deps.claimMs ?? DEFAULT_CLAIM_MS));
    const outcome: ClaimOutcome = await scans.claim(item.file, s.version, dueBefore, { holder, now, until });
    if (outcome === 'current') s.current += 1;
    else if (outcome === 'quarantined') s.alreadyQuarantined += 1;
    else if (outcome === 'busy') s.busy += 1;
    if (outcome !== 'claimed') return;
    s.scanned += 1;
    s.scannedByKind[item.file.kind] += 1;
    let verdict;
    try {
      verdict = await this.deps.scanner.scan(await item.read());
    } catch (err) {
      await scans.release(item.file, holder);
      await this.fail(source, item, err, s);
      return;
    }
    if (verdict.clean) {
      s.clean += 1;
      await scans.recordClean(item.file, s.version, holder, clock.now());
      return;
    }
    s.infected += 1;
    await this.quarantine(source, item, verdict.signature, s);
  }

  private async quarantine(source: RescanSource, item: RescanItem, signature: string, s: RescanSummary) {
    const { scans, holder, clock } = this.deps;
    const mask = this.deps.maskText ?? ((t: string) => t);
    const files = await source.describe(item);
    const at = clock.now();
    await source.isolate(item, at);
    if (!(await scans.recordInfected(item.file, signature, s.version, holder, at))) return;
    this.deps.logger.warn('rescan: infected file quarantined', {
      kind: item.file.kind,
      signature,
      sha256: item.file.sha256,
      rows: files.length,
    });
    for (const f of files) {
      const masked = { ...f, fileName: mask(f.fileName), signature };
      await this.deps.audit.record({
        actor: this.deps.actor,
        action: 'attachment.infected',
        target: f.where,
        detail: {
          signature,
          foundBy: 'rescan',
          store: f.kind,
          fileName: masked.fileName,
          sizeBytes: f.sizeBytes,
          sha256: f.sha256,
          signatureVersion: s.version,
          ...(f.attachmentId ? { attachmentId: f.attachmentId } : {}),
          ...(f.uploadedBy ? { uploadedBy: f.uploadedBy } : {}),
        },
      });
      s.quarantined.push(masked);
    }
  }

  private async fail(source: RescanSource, item: RescanItem, err: unknown, s: RescanSummary): Promise<void> {
    const error = toKotaeError(err);
    const code =
      error.code === 'INPUT_TOO_LARGE'
        ? 'too_large'
        : error.code === 'CLOUD_UNAVAILABLE'
          ? 'unavailable'
          : 'unreadable';
    const described = await source.describe(item).catch(() => []);
    const mask = this.deps.maskText ?? ((t: string) => t);
    const fileName = mask(described[0]?.fileName ?? item.file.fileName ?? item.file.sha256.slice(0, 12));
    s.failed += 1;
    s.failures.push({ kind: item.file.kind, fileName, code, error: error.message });
    this.deps.logger.warn('rescan: file not scanned', { kind: item.file.kind, sha256: item.file.sha256, code });
    // The scanner went away: stop here; the files left are scanned by the next run.
    if (code === 'unavailable') s.stopped = 'scanner_unavailable';
  }

  private async raiseAlert(s: RescanSummary): Promise<void> {
    if (s.quarantined.length === 0 || !this.deps.alert) return;
    try {
      await this.deps.alert({ version: s.version, at: this.deps.clock.now(), files: s.quarantined });
      s.alerted = true;
    } catch (err) {
      this.deps.logger.warn('rescan: alert not raised', { error: toKotaeError(err).message });
    }
  }
}

function emptySummary(version: string): RescanSummary {
  return {
    version,
    scanned: 0,
    scannedByKind: { attachment: 0, manual: 0 },
    clean: 0,
    infected: 0,
    failed: 0,
    current: 0,
    alreadyQuarantined: 0,
    busy: 0,
    quarantined: [],
    failures: [],
    alerted: false,
  };
}
