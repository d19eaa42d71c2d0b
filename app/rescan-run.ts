/**
 * `kotae scan-attachments`: the rescan of this instance's stored attachments and uploaded manuals with the
 * parts of the composition root (database, audit trail, tickets, masker), the configured clamd, and the
 * operators' notifications recorded for the running server to send (one `malware_detected` per run).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { formatJst } from '../calendar';
import { KotaeError } from '../core';
import { attachmentDir, FsAttachmentFileStore, SqlAttachmentStore, SqlFileScans } from '../db';
import {
  attachmentRescanSource,
  SCAN_MESSAGES,
  StoredFileRescan,
  type FileScanner,
  type RescanAlert,
  type RescanSummary,
} from '../tickets';
import { uploadsDir } from './knowledge-folders';
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

/** Runs the rescan; CONFIG_INVALID (Japanese message) when no scanner is configured. */
export async function runRescan(kotae: KotaeParts, options: RescanRunOptions = {}): Promise<RescanSummary> {
  const { config, runtime } = kotae;
  const { clock, logger } = runtime;
  const scanner = options.scanner ?? fileScannerOf(config.scanner);
  if (!scanner) {
    throw new KotaeError('CONFIG_INVALID', 'no malware scanner configured', { userMessage: SCAN_MESSAGES.noScanner });
  }
  const ds = await kotae.database();
  const audit = await kotae.audit();
  const tickets = await kotae.tickets();
  const masker = kotae.masker();
  const now = () => clock.now();
  const notifications = commandNotifications({ config, ds, clock, logger });
  const holder = options.holder ?? `cli@${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const alert = async (a: RescanAlert) => {
    const lines = a.files.slice(0, ALERT_FILES).map((f) => SCAN_MESSAGES.rescanAlertLine(f));
    const recorded = await notifications.publish({
      event: 'malware_detected',
      key: `malware-rescan:${holder}:${a.at.getTime()}`,
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
  const rescan = new StoredFileRescan({
    scanner,
    scans: new SqlFileScans(ds),
    sources: [
      attachmentRescanSource({
        files: new FsAttachmentFileStore(attachmentDir(config.dataDir)),
        rows: new SqlAttachmentStore(ds, now),
        tickets,
      }),
      manualRescanSource({
        dir: uploadsDir(config.dataDir),
        quarantineDir: quarantinedManualsDir(config.dataDir),
        now,
      }),
    ],
    audit,
    clock,
    logger,
    holder,
    actor: 'cli',
    maskText: (t) => masker.mask(t).text,
    alert,
  });
  return rescan.run({ all: options.all, signal: options.signal });
}
