/**
 * An administrator's release of a false positive: a quarantined attachment whose stored file is still kept
 * (KOTAE_QUARANTINE_KEEP_DAYS) is scanned again first; only a clean verdict lifts the quarantine of its content
 * (FileScanStore.releaseQuarantine: every row of that content is served again, and a rescan with the same
 * signature version skips it), audited (`attachment.quarantine_released`) in the same transaction.
 * Refused, with nothing changed: a missing or too long reason, a file still detected, a scanner that cannot be
 * reached (or none configured), a file already removed (410), a file kept by another instance (404, per-instance
 * storage: its keeping period has not ended, so it is in the folder of the instance that received it).
 * A quarantined manual is released the same way (`releaseManual`): its copy in `quarantine/manuals` is scanned
 * again and, when clean, moved back to the uploaded manuals (never over a newer upload of the same name) in the
 * transaction that lifts its quarantine and audits it (`manual.quarantine_released`).
 */
import { KotaeError, toKotaeError, type AuditTrail, type Clock, type Logger } from '../core';
import type { AttachmentFileStore } from './attachment-ports';
import type { FileScanStore, Quarantine } from './file-scan-store';
import type { FileScanner } from './file-scanner';
import {
  manualCopyPlace,
  type ManualReleaseRequest,
  type QuarantinedManualCopy,
  type QuarantinedManualFiles,
} from './quarantined-manuals';
import { quarantineEndsAt } from './quarantine-removal';
import { SCAN_MESSAGES } from './scan-messages';
import type { AttachmentMeta } from './types';

/** Longest reason an administrator may give. */
export const RELEASE_REASON_MAX_CHARS = 500;

/** What the release needs. */
export interface QuarantineReleaseDeps {
  files: Pick<AttachmentFileStore, 'has' | 'read'>;
  scans: Pick<FileScanStore, 'releaseQuarantine' | 'quarantined'>;
  /** The quarantined manuals' folder; absent: no manual can be released. */
  manuals?: QuarantinedManualFiles;
  /** The configured scanner (clamd); absent: nothing can be released. */
  scanner?: FileScanner;
  audit: Pick<AuditTrail, 'atomically'>;
  clock: Clock;
  logger?: Logger;
  /**
   * KOTAE_ATTACHMENT_STORAGE=instance with KOTAE_QUARANTINE_KEEP_DAYS: a file missing here within its keeping
   * period is in another instance's folder, not removed; a manual quarantined by another instance than
   * `instance` (this host's name, as a rescan records it) is kept in that instance's folder.
   */
  perInstance?: { keepDays: number; instance?: string };
  /** Masks personal data in the audited file name. */
  maskText?: (text: string) => string;
}

/** Who releases what, and why. */
export interface ReleaseRequest {
  /** The attachment as the desk serves it (with its quarantine). */
  attachment: AttachmentMeta;
  reason: string;
  /** The administrator's user name. */
  actor: string;
  /** The audit target: the ticket number, or `conversation:<id>`. */
  target: string;
}

/** A lifted quarantine. */
export interface ReleasedQuarantine extends Quarantine {
  /** The signature version of the clean scan the release was based on. */
  version: string;
}

/** A lifted quarantine of a manual, back in the uploads folder under `fileName`. */
export interface ReleasedManual extends ReleasedQuarantine {
  fileName: string;
}

/** Releases quarantined attachments after a clean scan. */
export class QuarantineRelease {
  constructor(private readonly deps: QuarantineReleaseDeps) {}

  /**
   * The ids of the quarantined attachments among `attachments` whose stored file is still kept; none without a
   * scanner (nothing could be scanned before the release).
   */
  async releasable(attachments: readonly AttachmentMeta[]): Promise<Set<string>> {
    const ids = new Set<string>();
    if (!this.deps.scanner) return ids;
    for (const a of attachments) if (a.quarantine && a.sha256 && (await this.deps.files.has(a.sha256))) ids.add(a.id);
    return ids;
  }

  /** Scans the file again and lifts its quarantine when clean; a KotaeError with a Japanese message otherwise. */
  async release(r: ReleaseRequest): Promise<ReleasedQuarantine> {
    const reason = checkedReason(r.reason);
    const { attachment: a } = r;
    if (!a.quarantine || !a.sha256) throw notQuarantined(a);
    const sha256 = a.sha256;
    if (!(await this.deps.files.has(sha256))) throw this.missing(a, a.quarantine.at);
    const version = await this.cleanScan(`attachment ${a.id}`, a.fileName, () => this.deps.files.read(sha256));
    const mask = this.deps.maskText ?? ((t: string) => t);
    const lifted = await this.deps.audit.atomically(
      async () => {
        const q = await this.deps.scans.releaseQuarantine(
          { kind: 'attachment', sha256 },
          version,
          this.deps.clock.now(),
          r.actor,
        );
        // Released by someone else in the meantime: nothing written, nothing audited.
        if (!q) throw notQuarantined(a);
        return q;
      },
      (q) => ({
        actor: r.actor,
        action: 'attachment.quarantine_released',
        target: r.target,
        detail: {
          reason,
          sha256,
          attachmentId: a.id,
          fileName: mask(a.fileName),
          signature: q.signature,
          quarantinedAt: q.at.toISOString(),
          signatureVersion: version,
        },
      }),
    );
    this.deps.logger?.info('quarantine released', { sha256, actor: r.actor, version });
    return { ...lifted, version };
  }

  /** Whether quarantined manuals can be released here (a scanner and the quarantined manuals' folder). */
  get releasesManuals(): boolean {
    return Boolean(this.deps.scanner && this.deps.manuals);
  }

  /**
   * Scans a quarantined manual's kept copy again and, when clean, lifts its quarantine and moves it back to the
   * uploaded manuals; a KotaeError with a Japanese message otherwise, with nothing changed. The caller re-indexes.
   */
  async releaseManual(r: ManualReleaseRequest): Promise<ReleasedManual> {
    const reason = checkedReason(r.reason);
    const { manuals, scans, audit, clock } = this.deps;
    if (!manuals) throw new KotaeError('NOT_FOUND', 'quarantined manuals not configured');
    const q = (await scans.quarantined('manual', [r.sha256])).get(r.sha256);
    if (!q) throw manualNotQuarantined(r.sha256);
    const name = q.fileName ?? r.sha256;
    const { perInstance } = this.deps;
    const here = { perInstance: Boolean(perInstance), instance: perInstance?.instance };
    const place = await manualCopyPlace(manuals, here, { fileName: name, at: q.at, instance: q.instance });
    if (place === 'elsewhere' && q.instance && this.keptElsewhere(q.at)) {
      throw new KotaeError('NOT_FOUND', `manual ${r.sha256}: copy kept by ${q.instance}`, {
        userMessage: SCAN_MESSAGES.releaseManualElsewhere(name, q.instance),
      });
    }
    const copy = place === 'here' || place === 'unrecorded' ? await manuals.find(r.sha256, name) : undefined;
    if (!copy) throw removed(`manual ${r.sha256}`, name);
    if (await manuals.uploaded(copy.name)) throw manualNameTaken(copy.name);
    const version = await this.cleanScan(`manual ${copy.name}`, copy.name, () => copy.read());
    const mask = this.deps.maskText ?? ((t: string) => t);
    const file = { kind: 'manual' as const, sha256: r.sha256, fileName: copy.name };
    const moved = { back: false };
    const lifted = await audit
      .atomically(
        async () => {
          const released = await scans.releaseQuarantine(file, version, clock.now(), r.actor);
          if (!released) throw manualNotQuarantined(r.sha256);
          // Inside the transaction: a newer upload of that name since the check rolls the release back.
          if (!(await manuals.restore(copy))) throw manualNameTaken(copy.name);
          moved.back = true;
          return released;
        },
        (released) => ({
          actor: r.actor,
          action: 'manual.quarantine_released',
          target: `manual:${copy.name}`,
          detail: {
            reason,
            sha256: r.sha256,
            fileName: mask(copy.name),
            signature: released.signature,
            quarantinedAt: released.at.toISOString(),
            signatureVersion: version,
          },
        }),
      )
      .catch((err: unknown) => {
        // Moved back but not saved (the commit or the audit row failed): the manual goes back into quarantine.
        if (moved.back) return this.unrestore(manuals, copy, err);
        throw err;
      });
    this.deps.logger?.info('manual quarantine released', { sha256: r.sha256, actor: r.actor, version });
    return { ...lifted, version, fileName: copy.name };
  }

  /**
   * After a release that moved the manual back was not saved: moves it back into quarantine and refuses (503);
   * when even that fails, the manual stays in the uploads with its quarantine recorded, and the error says so.
   */
  private async unrestore(manuals: QuarantinedManualFiles, copy: QuarantinedManualCopy, err: unknown): Promise<never> {
    const logger = this.deps.logger;
    const error = toKotaeError(err).message;
    try {
      await manuals.unrestore(copy);
    } catch (undo) {
      logger?.error('manual release not saved; manual left in the uploads', {
        file: copy.name,
        error,
        undoError: toKotaeError(undo).message,
      });
      throw new KotaeError('DB_UNAVAILABLE', `manual ${copy.name}: release not saved, not moved back`, {
        userMessage: SCAN_MESSAGES.releaseManualNotSavedStuck(copy.name),
        cause: err,
      });
    }
    logger?.warn('manual release not saved; manual moved back into quarantine', { file: copy.name, error });
    throw new KotaeError('DB_UNAVAILABLE', `manual ${copy.name}: release not saved`, {
      userMessage: SCAN_MESSAGES.releaseManualNotSaved,
      cause: err,
    });
  }

  /** Per-instance storage, within the keeping period of a quarantine at `at`: a file not here is kept elsewhere. */
  private keptElsewhere(at: Date): boolean {
    const { perInstance, clock } = this.deps;
    return Boolean(perInstance && clock.now() < quarantineEndsAt(at, perInstance.keepDays));
  }

  /** Why the file is not in this instance's folder: kept by another instance, or removed after the period. */
  private missing(a: AttachmentMeta, quarantinedAt: Date): KotaeError {
    if (this.keptElsewhere(quarantinedAt)) {
      return new KotaeError('NOT_FOUND', `attachment ${a.id}: file kept by another instance`, {
        userMessage: SCAN_MESSAGES.releaseElsewhere(a.fileName),
      });
    }
    return removed(`attachment ${a.id}`, a.fileName);
  }

  /** The scanner's version when the file (`what`, for logs) scans clean now; refuses otherwise. */
  private async cleanScan(
    what: string,
    fileName: string,
    read: () => Promise<AsyncIterable<Uint8Array>>,
  ): Promise<string> {
    const { scanner } = this.deps;
    if (!scanner) {
      throw new KotaeError('CLOUD_UNAVAILABLE', 'quarantine release: no scanner configured', {
        userMessage: SCAN_MESSAGES.releaseNoScanner,
      });
    }
    let verdict;
    let version: string | undefined;
    try {
      const status = await scanner.status();
      if (!status.reachable) throw new KotaeError('CLOUD_UNAVAILABLE', `scanner unreachable: ${status.error ?? ''}`);
      version = (status.version ?? 'unknown').slice(0, 200);
      verdict = await scanner.scan(await read());
    } catch (err) {
      const e = toKotaeError(err);
      this.deps.logger?.warn('quarantine release: file not scanned', { file: what, code: e.code, error: e.message });
      if (e.code === 'INPUT_TOO_LARGE') {
        throw new KotaeError('INPUT_TOO_LARGE', e.message, { userMessage: SCAN_MESSAGES.releaseTooLarge(fileName) });
      }
      throw new KotaeError('CLOUD_UNAVAILABLE', e.message, {
        userMessage: SCAN_MESSAGES.releaseUnavailable,
        cause: err,
      });
    }
    if (!verdict.clean) {
      throw new KotaeError('CONFLICT', `${what} still infected (${verdict.signature})`, {
        userMessage: SCAN_MESSAGES.releaseStillInfected,
      });
    }
    return version;
  }
}

function checkedReason(reason: string): string {
  const text = reason.trim();
  if (!text)
    throw new KotaeError('INPUT_INVALID', 'release reason missing', {
      userMessage: SCAN_MESSAGES.releaseReasonRequired,
    });
  if ([...text].length > RELEASE_REASON_MAX_CHARS) {
    throw new KotaeError('INPUT_INVALID', 'release reason too long', {
      userMessage: SCAN_MESSAGES.releaseReasonTooLong(RELEASE_REASON_MAX_CHARS),
    });
  }
  return text;
}

function notQuarantined(a: AttachmentMeta): KotaeError {
  return new KotaeError('CONFLICT', `attachment ${a.id} is not quarantined`, {
    userMessage: SCAN_MESSAGES.releaseNotQuarantined(a.fileName),
  });
}

function manualNotQuarantined(sha256: string): KotaeError {
  return new KotaeError('CONFLICT', `manual ${sha256} is not quarantined`, {
    userMessage: SCAN_MESSAGES.releaseManualNotQuarantined,
  });
}

function manualNameTaken(name: string): KotaeError {
  return new KotaeError('CONFLICT', `manual ${name}: a file of that name is in the uploads`, {
    userMessage: SCAN_MESSAGES.releaseManualNameTaken(name),
  });
}

/** The quarantined file (`what`, for logs) was deleted after its keeping period. */
function removed(what: string, fileName: string): KotaeError {
  return new KotaeError('FILE_QUARANTINED', `${what}: quarantined file already removed`, {
    userMessage: SCAN_MESSAGES.releaseGone(fileName),
  });
}
