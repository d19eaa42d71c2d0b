/**
 * The end of a quarantine's keeping period (KOTAE_QUARANTINE_KEEP_DAYS): the stored file of an attachment
 * content quarantined longer ago is deleted from this instance's attachment folder, as retention deletes files.
 * Its rows stay: the ticket still shows 隔離済み and a download still answers 410 (the verdict stays in
 * FileScanStore until retention deletes the last row). Each file actually deleted is audited once
 * (`attachment.quarantine_removed`); a file already gone is skipped.
 */
import type { AuditTrail, Logger } from '../core';
import type { FileScanStore } from './file-scan-store';
import type { AttachmentFileStore } from './ports';

const DAY_MS = 86_400_000;

/** What the removal needs. */
export interface QuarantineRemovalDeps {
  scans: Pick<FileScanStore, 'quarantinedBefore'>;
  /** This instance's attachment folder. */
  files: Pick<AttachmentFileStore, 'has' | 'remove'>;
  audit: Pick<AuditTrail, 'record'>;
  /** Days a quarantined file is kept for investigation. */
  keepDays: number;
  logger?: Logger;
  /** Also ends the keeping of quarantined manuals (`<dataDir>/quarantine/manuals`); returns how many went. */
  manuals?: (before: Date) => Promise<number>;
}

/** When the stored file of a content quarantined at `at` is deleted (KOTAE_QUARANTINE_KEEP_DAYS later). */
export function quarantineEndsAt(at: Date, keepDays: number): Date {
  return new Date(at.getTime() + keepDays * DAY_MS);
}

/** Deletes the stored files of contents quarantined longer than the keeping period. */
export class QuarantineRemoval {
  constructor(private readonly deps: QuarantineRemovalDeps) {}

  /** Removes what expired at `now`; resolves with how many files were deleted (attachments and manuals). */
  async removeExpired(now: Date): Promise<number> {
    const { scans, files, audit, logger } = this.deps;
    const before = new Date(now.getTime() - this.deps.keepDays * DAY_MS);
    let removed = 0;
    for (const q of await scans.quarantinedBefore('attachment', before)) {
      if (!(await files.has(q.sha256))) continue;
      await files.remove(q.sha256);
      removed += 1;
      await audit.record({
        actor: 'system',
        action: 'attachment.quarantine_removed',
        target: `attachment:${q.sha256}`,
        detail: {
          sha256: q.sha256,
          signature: q.signature,
          quarantinedAt: q.at.toISOString(),
          keepDays: this.deps.keepDays,
        },
      });
    }
    removed += (await this.deps.manuals?.(before)) ?? 0;
    if (removed > 0) logger?.info('quarantine: kept files removed', { removed, keepDays: this.deps.keepDays });
    return removed;
  }
}
