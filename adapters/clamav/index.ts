/** ClamAV's clamd as the malware scanner of uploaded files (INSTREAM over TCP or a Unix socket). */
export { ClamdScanner, type ClamdScannerOptions } from './clamd-scanner';
export { describeAddress, type ClamdAddress } from './clamd-connection';
