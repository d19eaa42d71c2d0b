/**
 * `kotae scan-attachments [--all]`: scans this instance's stored attachments and uploaded manuals again with
 * the configured clamd (those not yet scanned with its current signature version; `--all`: every one),
 * quarantines what is infected, and prints the counts. Safe while the server runs and on several instances at
 * once (each file is claimed in the database); Ctrl+C stops after the file being scanned, and the next run
 * continues where it stopped.
 */
import { runRescan, withKotae, type KotaeConfig, type KotaeRuntime, type RescanRunOptions } from '../../app';
import type { RescanSummary } from '../../tickets';
import type { CliIo } from './io';
import { configFromProcess, defaultRuntime } from './runtime';
import { SCAN_CLI_MESSAGES as M } from './scan-messages';

/** Exit code of a run stopped by Ctrl+C (128 + SIGINT). */
const STOPPED = 130;

/** The summary as printed. */
export function summaryLines(s: RescanSummary, all: boolean): string[] {
  const lines = [M.heading(s, all), ...M.counts(s), ...s.quarantined.map(M.quarantined), ...s.failures.map(M.failed)];
  if (s.quarantined.some((f) => f.kind === 'manual')) lines.push(M.manualsQuarantined);
  if (s.quarantined.length > 0) lines.push(s.alerted ? M.alerted : M.alertFailed);
  return lines;
}

/** The command on a given configuration (tests call this; the dispatcher calls `scanAttachmentsCommand`). */
export async function runScanAttachmentsCommand(
  argv: string[],
  io: CliIo,
  config: Readonly<KotaeConfig>,
  runtime: KotaeRuntime,
  options: Omit<RescanRunOptions, 'all'> = {},
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(M.usage);
    return 0;
  }
  const unknown = argv.find((a) => a !== '--all');
  if (unknown !== undefined) {
    io.err(M.unknownOption(unknown));
    io.err(M.usage);
    return 2;
  }
  const all = argv.includes('--all');
  return withKotae(config, runtime, {}, async (kotae) => {
    const summary = await runRescan(kotae, { ...options, all });
    io.out(summaryLines(summary, all).join('\n'));
    if (summary.stopped === 'signal') return STOPPED;
    return summary.failed > 0 || summary.stopped ? 1 : 0;
  });
}

/** Entry used by the CLI dispatcher: Ctrl+C (or SIGTERM) stops after the file being scanned. */
export async function scanAttachmentsCommand(argv: string[], io: CliIo): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => {
    if (!stop.signal.aborted) io.err(M.stopping);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await runScanAttachmentsCommand(argv, io, configFromProcess(), defaultRuntime(), { signal: stop.signal });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
