/**
 * `kotae scan-attachments`: the rescan of this instance's stored attachments and uploaded manuals with the
 * parts of the composition root (database, audit trail, tickets, masker), the configured clamd, and the
 * operators' notifications recorded for the running server to send (one `malware_detected` per run).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { formatJst } from '../calendar';
import { KotaeError, type AuditTrail, type Clock, type Logger } from '../core';
import { attachmentDir, FsAttachmentFileStore, SqlAttachmentStore, SqlFileScans } from '../db';
import {
  attachmentRescanSource,
  SCAN_MESSAGES,
  StoredFileRescan,
  type FileScanner,
  type RescanAlert,
  type RescanSummary,
  type TicketStore,
} from '../tickets';
import { uploadsDir } from './knowledge-folders';
import type { KotaeConfig } from './config';
import type { KotaeParts } from './kotae-parts';
import { manualRescanSource, quarantinedManualsDir } from './manual-rescan-source';
import { commandNotifications } from './wire-notify';
import { fileScannerOf } from './wire-scanner';

/** Files listed by name in the alert; the rest are counted. */
const ALERT_FILES = 20;

/** Options of a rescan run by hand. */
export interface RescanRunOptions {
  /** Every file is due again, not only those scanned with an older signature version. */
  all?: boolean;
  /** Stops after the file being scanned. */
  signal?: AbortSignal;
  /** Another scanner than the configured clamd (tests). */
  scanner?: FileScanner;
  /** This run's name in the claims (default `cli@<host>-<pid>-<random>`). */
  holder?: string;
}

/** What a rescan is built from (the CLI's KotaeParts, or the running server's background parts). */
export interface RescanParts {
  config: Readonly<KotaeConfig>;
  ds: DataSource;
  audit: Pick<AuditTrail, 'record'>;
  tickets: Pick<TicketStore, 'get'>;
  masker: { mask(text: string): { text: string } };
  clock: Clock;
  logger: Logger;
}

/**
 * The rescan of this instance's attachment store and uploaded manuals, alerting the operators through the
 * notification outbox (one `malware_detected` per run with infected files; the running server sends it).
 */
export function storedFileRescan(
  p: RescanParts,
  run: { scanner: FileScanner; holder: string; actor: string },
): StoredFileRescan {
  const { config, ds, clock, logger, masker } = p;
  const now = () => clock.now();
  const notifications = commandNotifications({ config, ds, clock, logger });
  const alert = async (a: RescanAlert) => {
    const lines = a.files.slice(0, ALERT_FILES).map((f) => SCAN_MESSAGES.rescanAlertLine(f));
    const recorded = await notifications.publish({
      event: 'malware_detected',
      key: `malware-rescan:${run.holder}:${a.at.getTime()}`,
      alertKey: 'rescan',
      subject: SCAN_MESSAGES.rescanAlertSubject(a.files.length),
      body: SCAN_MESSAGES.rescanAlertBody({
        version: a.version,
        at: formatJst(a.at),
        lines,
        more: a.files.length - lines.length,
      }),
    });
    if (!recorded) throw new Error('the malware_detected notification could not be recorded');
  };
  return new StoredFileRescan({
    scanner: run.scanner,
    // A quarantine records this host: a quarantined manual's copy stays in this instance's folder.
    scans: new SqlFileScans(ds, { instance: hostname() }),
    sources: [
      attachmentRescanSource({
        files: new FsAttachmentFileStore(attachmentDir(config.dataDir)),
        rows: new SqlAttachmentStore(ds, now),
        tickets: p.tickets,
      }),
      manualRescanSource({
        dir: uploadsDir(config.dataDir),
        quarantineDir: quarantinedManualsDir(config.dataDir),
      }),
    ],
    audit: p.audit,
    clock,
    logger,
    holder: run.holder,
    actor: run.actor,
    maskText: (t) => masker.mask(t).text,
    alert,
  });
}

/** Runs the rescan; CONFIG_INVALID (Japanese message) when no scanner is configured. */
export async function runRescan(kotae: KotaeParts, options: RescanRunOptions = {}): Promise<RescanSummary> {
  const { config, runtime } = kotae;
  const scanner = options.scanner ?? fileScannerOf(config.scanner);
  if (!scanner) {
    throw new KotaeError('CONFIG_INVALID', 'no malware scanner configured', { userMessage: SCAN_MESSAGES.noScanner });
  }
  const parts: RescanParts = {
    config,
    ds: await kotae.database(),
    audit: await kotae.audit(),
    tickets: await kotae.tickets(),
    masker: kotae.masker(),
    ...runtime,
  };
  const holder = options.holder ?? `cli@${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const rescan = storedFileRescan(parts, { scanner, holder, actor: 'cli' });
  return rescan.run({ all: options.all, signal: options.signal });
}
