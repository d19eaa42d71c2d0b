/**
 * Wiring of the malware scan of uploaded files: clamd from config.scanner (none: no scanning), the
 * check every upload path runs on its staged copy (its clean verdicts recorded in file_scan), the operators'
 * alert for an infected file and the `scanner` field of /healthz.
 */
import type { DataSource } from 'typeorm';
import { ClamdScanner } from '../adapters/clamav';
import { formatJst } from '../calendar';
import type { AuditTrail, Clock, Logger } from '../core';
import { SqlFileScans } from '../db';
import type { DeskEvent } from '../notify';
import { SCAN_MESSAGES, UploadScan, type FileScanner, type InfectedUpload } from '../tickets';
import type { ScannerConfig } from './config-scanner';

/** What the scanner wiring needs. */
export interface ScannerWiringDeps {
  audit: AuditTrail;
  logger: Logger;
  clock: Clock;
  /** Masks personal data in audited file names (the configured PiiMasker). */
  masker?: { mask(text: string): { text: string } };
  /** The operators' notifications (event `malware_detected`). */
  notifications?: { publish(event: DeskEvent): Promise<unknown> };
  /** Another scanner than clamd (tests). */
  scanner?: FileScanner;
  /** The database where an upload's clean verdict is recorded (file_scan): the rescan skips it until the signatures change. */
  ds?: DataSource;
}

/** The upload check (absent when no scanner is configured) and the /healthz report. */
export interface ScannerWiring {
  scan?: UploadScan;
  /** The scanner itself (an administrator's release of a quarantined file scans it again). */
  scanner?: FileScanner;
  health(): Promise<Record<string, unknown>>;
}

/** The configured scanner (clamd), or undefined when none is configured. */
export function fileScannerOf(c: ScannerConfig): FileScanner | undefined {
  return c.kind === 'none' ? undefined : new ClamdScanner({ address: c.address, timeoutMs: c.timeoutMs });
}

/** Builds the scan from the configuration. */
export function wireScanner(c: ScannerConfig, d: ScannerWiringDeps): ScannerWiring {
  if (c.kind === 'none') return { health: async () => ({ state: '未設定', configured: false }) };
  const scanner = d.scanner ?? new ClamdScanner({ address: c.address, timeoutMs: c.timeoutMs });
  const notifications = d.notifications;
  const alert = notifications
    ? async (f: InfectedUpload) => {
        await notifications.publish({
          event: 'malware_detected',
          key: `malware:${f.sha256 ?? f.fileName}:${f.at.getTime()}`,
          // Repeats are told by the detection: the same signature again within the window is held back.
          alertKey: `upload:${f.signature}`,
          subject: SCAN_MESSAGES.alertSubject(f.signature),
          body: SCAN_MESSAGES.alertBody({ ...f, at: formatJst(f.at) }),
        });
      }
    : undefined;
  const scan = new UploadScan({
    scanner,
    required: c.required,
    audit: d.audit,
    logger: d.logger,
    clock: d.clock,
    maskText: d.masker && ((t: string) => d.masker!.mask(t).text),
    alert,
    scans: d.ds && new SqlFileScans(d.ds),
  });
  return {
    scan,
    scanner,
    health: async () => {
      const status = await scanner.status();
      return {
        state: status.reachable ? '稼働中' : '接続できません',
        configured: true,
        required: c.required,
        ...status,
      };
    },
  };
}
