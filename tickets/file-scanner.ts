/**
 * The malware scanner port (ClamAV's clamd or another engine on the network): scans file content
 * and says whether it is clean. Implementations live in adapters/ (adapters/clamav/).
 */

/** What the scanner said about one file. */
export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/** The scanner as /healthz shows it. */
export interface ScannerStatus {
  reachable: boolean;
  /** The engine and signature version (clamd's VERSION answer), when reachable. */
  version?: string;
  /** Why it could not be reached (English, for operators). */
  error?: string;
}

/**
 * Scans content for malware. `scan` throws a KotaeError: CLOUD_UNAVAILABLE when the scanner cannot be
 * reached or does not answer in time, INPUT_TOO_LARGE when the content is over the scanner's own limit.
 */
export interface FileScanner {
  scan(content: AsyncIterable<Uint8Array>): Promise<ScanVerdict>;
  status(): Promise<ScannerStatus>;
}
