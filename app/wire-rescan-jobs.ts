/**
 * The running server's part of the stored-file rescan: the scheduled rescan (job `attachment-rescan`, off without a
 * scanner), the end of a quarantine's keeping period (KOTAE_QUARANTINE_KEEP_DAYS) run by retention and by each
 * instance's sweep, and the file_scan rows retention purges with the files it deletes.
 */
import { hostname } from 'node:os';
import { KotaeError, type AuditTrail, type Clock, type Logger } from '../core';
import { attachmentDir, FsAttachmentFileStore, SqlFileScans, SqlJobRunStore } from '../db';
import { JobRunner, ScheduledRescan, type LeaseGuard } from '../jobs';
import { QuarantineRemoval } from '../tickets';
import { quarantinedManualsDir, removeQuarantinedManuals } from './manual-rescan-source';
import { storedFileRescan, type RescanParts } from './rescan-run';
import { fileScannerOf } from './wire-scanner';

/** What the rescan jobs need. */
export interface RescanJobParts extends RescanParts {
  audit: Pick<AuditTrail, 'record'>;
  leases: Pick<LeaseGuard, 'run' | 'holder'>;
  clock: Clock;
  logger: Logger;
}

/** The scheduled rescan (undefined without a scanner), the quarantine's removal and the file_scan store. */
export function wireRescanJobs(p: RescanJobParts) {
  const { config, ds, clock, logger, leases } = p;
  const fileScans = new SqlFileScans(ds);
  const quarantine = new QuarantineRemoval({
    scans: fileScans,
    files: new FsAttachmentFileStore(attachmentDir(config.dataDir)),
    audit: p.audit,
    keepDays: config.rescan.quarantineKeepDays,
    logger,
    manuals: (before) => removeQuarantinedManuals(quarantinedManualsDir(config.dataDir), before),
  });
  const scanner = fileScannerOf(config.scanner);
  if (!scanner) return { fileScans, quarantine };
  const runs = new SqlJobRunStore(ds);
  const rescan = storedFileRescan(p, { scanner, holder: `server@${leases.holder}`, actor: 'system' });
  const scheduled = new ScheduledRescan({
    clock,
    runs,
    // One attempt: a run that stopped is continued by the next check, not retried after a backoff.
    runner: new JobRunner({ store: runs, clock, logger, maxAttempts: 1 }),
    leases,
    scannerVersion: async () => (await scanner.status()).version,
    rescan: async (signal) => {
      const s = await rescan.run({ signal });
      if (s.stopped)
        throw new KotaeError('CLOUD_UNAVAILABLE', `rescan stopped (${s.stopped}) after ${s.scanned} files`);
    },
    intervalHours: config.rescan.intervalHours,
    folder: config.attachmentStorage === 'shared' ? 'shared' : hostname(),
    logger,
  });
  return { fileScans, quarantine, scheduled };
}
