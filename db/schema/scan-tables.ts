/**
 * Tables of the malware rescan of stored files (`kotae scan-attachments`): each stored attachment file and
 * uploaded manual's last verdict, the signature version it was scanned with, and the claim of the run that
 * scans it now. Part of ALL_TABLES (tables.ts); change a table only together with a new migration.
 */
import type { TableSpec } from './table-spec';
import { optDate, short } from './columns';

/**
 * One row per stored content (`attachment:<sha256>`, `manual:<sha256>`) and the `marker:full-rescan` row
 * (`--all`: files scanned before its `scannedAt` are due again). `verdict` infected = quarantined.
 */
export const fileScan: TableSpec = {
  name: 'file_scan',
  columns: {
    id: { kind: 'short', length: 80, primary: true },
    store: short(16),
    sha256: short(64),
    fileName: short(400, true),
    verdict: short(16, true),
    signature: short(200, true),
    signatureVersion: short(200, true),
    scannedAt: optDate,
    claimedBy: short(200, true),
    claimedUntil: optDate,
    // Kept by a release (migration 1767200000000): the quarantine it lifted and who lifted it.
    quarantinedAt: optDate,
    quarantineVersion: short(200, true),
    releasedBy: short(100, true),
    // Kept by a release (migration 1767400000000) through later clean scans: its time, version and detection.
    releasedAt: optDate,
    releaseVersion: short(200, true),
    releasedSignature: short(200, true),
    // The instance (host name) whose rescan quarantined it (migration 1767500000000): a manual's copy is kept in
    // that instance's quarantine/manuals.
    quarantinedOn: short(200, true),
  },
};
