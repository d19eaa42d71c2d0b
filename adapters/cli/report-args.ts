/** Parses the arguments of `kotae report <kind> <period> [--out <dir>] [--json]`. */
import { REPORT_CLI_MESSAGES as M } from './report-messages';

/** Parsed arguments, or a usage problem to print (exit code 2). */
export type ReportArgs =
  | { ok: true; kind: string; period: string; outDir?: string; json: boolean; help: false }
  | { ok: true; help: true }
  | { ok: false; problem: string };

/** Parses argv (without the leading 'report'). */
export function parseReportArgs(argv: readonly string[]): ReportArgs {
  const positional: string[] = [];
  let outDir: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return { ok: true, help: true };
    if (a === '--json') json = true;
    else if (a === '--out' || a.startsWith('--out=')) {
      outDir = a === '--out' ? argv[(i += 1)] : a.slice('--out='.length);
      if (!outDir || outDir.startsWith('--')) return { ok: false, problem: M.missingOutDir };
    } else if (a.startsWith('-')) return { ok: false, problem: M.unknownOption(a) };
    else positional.push(a);
  }
  if (positional.length !== 2) return { ok: false, problem: M.missingArgs };
  return { ok: true, kind: positional[0], period: positional[1], outDir, json, help: false };
}
