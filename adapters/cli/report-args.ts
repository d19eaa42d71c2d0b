/** Parses the arguments of `kotae report <kind> <period> [--out <dir>] [--json]`. */
import { REPORT_CLI_MESSAGES as M } from './report-messages';

/** Parsed arguments, or a usage problem to print (exit code 2). */
export type ReportArgs =
  | { ok: true; kind: string; period: string; outDir?: string; json: boolean; help: false }
  | { ok: true; help: true }
  | { ok: false; problem: string };

/** The options every report command takes: positionals, `--out <dir>` / `--out=<dir>`, `--json`, `--help`. */
export type CommonReportArgs =
  | { ok: true; help: false; positional: string[]; outDir?: string; json: boolean }
  | { ok: true; help: true }
  | { ok: false; problem: string };

/** Parses the options shared by `kotae report …` and `kotae report incident …`. */
export function parseCommonReportArgs(argv: readonly string[]): CommonReportArgs {
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
  return { ok: true, help: false, positional, outDir, json };
}

/** Parses argv (without the leading 'report'). */
export function parseReportArgs(argv: readonly string[]): ReportArgs {
  const args = parseCommonReportArgs(argv);
  if (!args.ok || args.help) return args;
  if (args.positional.length !== 2) return { ok: false, problem: M.missingArgs };
  const [kind, period] = args.positional as [string, string];
  return { ok: true, kind, period, outDir: args.outDir, json: args.json, help: false };
}
