/**
 * The malware check of an uploaded file, run on its staged copy before it becomes visible anywhere.
 * An infected file is refused, audited (`attachment.infected`, with the signature) and alerted; while the
 * scanner cannot be reached the file is refused (`required`) or accepted with a warning logged. A clean verdict is
 * recorded in FileScanStore with the scanner's signature version (asked as the scan starts: a signature update
 * during the scan leaves the older version, so the rescan scans it again rather than skipping it).
 */
import { KotaeError, toKotaeError, type AuditTrail, type Clock, type Logger } from '../core';
import type { FileScanStore } from './file-scan-store';
import type { FileScanner } from './file-scanner';
import { SCAN_MESSAGES } from './scan-messages';

/** Where an uploaded file came from, for the audit row and the alert. */
export interface UploadOrigin {
  channel: 'web' | 'teams' | 'logo' | 'console' | 'knowledge';
  /** The requester's name or the operator's user name. */
  uploadedBy: string;
  /** The conversation or ticket it was meant for, when known. */
  target?: string;
}

/** An infected file, as the operators' alert tells it. */
export interface InfectedUpload {
  fileName: string;
  signature: string;
  channel: UploadOrigin['channel'];
  uploadedBy: string;
  sha256?: string;
  at: Date;
}

/** What the check needs. */
export interface UploadScanDeps {
  scanner: FileScanner;
  /** Refuse files while the scanner cannot be reached (KOTAE_SCAN_REQUIRED). */
  required: boolean;
  audit: AuditTrail;
  logger: Logger;
  clock: Clock;
  /** Masks personal data in the file name before it is audited or alerted (名簿_山田太郎.xlsx). */
  maskText?: (text: string) => string;
  /** Raises the operators' alert; a failure is logged, never refuses anything by itself. */
  alert?: (infected: InfectedUpload) => Promise<void>;
  /** Where clean verdicts are recorded, so the next rescan with the same signature version skips the file. */
  scans?: Pick<FileScanStore, 'recordUploadScan'>;
}

/** The file being checked (already written aside). */
export interface ScannedFile {
  fileName: string;
  sizeBytes: number;
  sha256?: string;
  /** Reads the staged copy from the start. */
  read(): Promise<AsyncIterable<Uint8Array>>;
}

const UNKNOWN_ORIGIN: UploadOrigin = { channel: 'web', uploadedBy: 'unknown' };

/** Scans staged uploads and refuses what must not be kept. */
export class UploadScan {
  constructor(private readonly deps: UploadScanDeps) {}

  /** Resolves when the file may be kept; throws a KotaeError with a Japanese message otherwise. */
  async check(file: ScannedFile, origin: UploadOrigin = UNKNOWN_ORIGIN): Promise<void> {
    const { logger } = this.deps;
    const started = Date.now();
    // Asked alongside the scan, not before it: a silent scanner makes the upload wait one timeout, not two.
    const version = this.deps.scans
      ? this.deps.scanner.status().then(
          (s) => s.version,
          () => undefined,
        )
      : undefined;
    let verdict;
    try {
      verdict = await this.deps.scanner.scan(await file.read());
    } catch (err) {
      const error = toKotaeError(err);
      const fields = { channel: origin.channel, sizeBytes: file.sizeBytes, code: error.code, error: error.message };
      if (error.code === 'INPUT_TOO_LARGE') {
        // Over the scanner's own stream limit: never kept unscanned (raise clamd's StreamMaxLength instead).
        logger.warn('scan: file over the scanner limit refused', fields);
        throw new KotaeError('INPUT_TOO_LARGE', `file over the scanner limit: ${error.message}`, {
          userMessage: SCAN_MESSAGES.tooLargeToScan(file.fileName),
          cause: err,
        });
      }
      if (this.deps.required) {
        logger.warn('scan: scanner unavailable, file refused', fields);
        throw new KotaeError('CLOUD_UNAVAILABLE', `malware scanner unavailable: ${error.message}`, {
          userMessage: SCAN_MESSAGES.unavailable(file.fileName),
          cause: err,
        });
      }
      logger.warn('scan: scanner unavailable, file accepted without a scan (KOTAE_SCAN_REQUIRED=false)', fields);
      return;
    }
    if (verdict.clean) {
      logger.info('scan: clean', { channel: origin.channel, sizeBytes: file.sizeBytes, ms: Date.now() - started });
      await this.recordClean(file, origin, await version);
      return;
    }
    await this.refuseInfected(file, origin, verdict.signature);
  }

  /** A failure to record is logged: the file is kept, and the next rescan scans it again. */
  private async recordClean(file: ScannedFile, origin: UploadOrigin, version: string | undefined): Promise<void> {
    if (!this.deps.scans || !file.sha256 || !version) return;
    const kind = origin.channel === 'knowledge' ? 'manual' : 'attachment';
    const ref = { kind, sha256: file.sha256, ...(kind === 'manual' ? { fileName: file.fileName } : {}) } as const;
    await this.deps.scans
      .recordUploadScan(ref, version, this.deps.clock.now())
      .catch((err: unknown) =>
        this.deps.logger.warn('scan: verdict not recorded', { error: toKotaeError(err).message }),
      );
  }

  private async refuseInfected(file: ScannedFile, origin: UploadOrigin, signature: string): Promise<never> {
    const mask = this.deps.maskText ?? ((t: string) => t);
    const infected: InfectedUpload = {
      fileName: mask(file.fileName),
      signature,
      channel: origin.channel,
      // The uploader as the other attachment rows name them (ticket.attachment).
      uploadedBy: origin.uploadedBy.slice(0, 100),
      sha256: file.sha256,
      at: this.deps.clock.now(),
    };
    this.deps.logger.warn('scan: infected file refused', { channel: origin.channel, signature, sha256: file.sha256 });
    await this.deps.audit.record({
      actor: infected.uploadedBy,
      action: 'attachment.infected',
      target: origin.target,
      detail: {
        signature,
        channel: origin.channel,
        fileName: infected.fileName,
        sizeBytes: file.sizeBytes,
        ...(file.sha256 ? { sha256: file.sha256 } : {}),
      },
    });
    await this.deps
      .alert?.(infected)
      .catch((err: unknown) => this.deps.logger.warn('scan: alert not raised', { error: toKotaeError(err).message }));
    throw new KotaeError('INPUT_INVALID', `infected file refused: ${signature}`, {
      userMessage: SCAN_MESSAGES.infected(file.fileName, signature),
    });
  }
}
