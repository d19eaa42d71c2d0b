/**
 * Parses the arguments of `kotae report <kind> <period> [--out <dir>] [--json]` and
 * `kotae report custom --from YYYY-MM-DD --to YYYY-MM-DD`.
 */
import { customPeriodText } from '../../reports';
import { REPORT_CLI_MESSAGES as M } from './report-messages';

/** Parsed arguments, or a usage problem to print (exit code 2). */
export type ReportArgs =
  | { ok: true; kind: string; period: string; outDir?: string; json: boolean; help: false }
  | { ok: true; help: true }
  | { ok: false; problem: string };

/** The options every report command takes: positionals, `--out <dir>` / `--out=<dir>`, `--json`, `--help`. */
export type CommonReportArgs =
  | { ok: true; help: false; positional: string[]; outDir?: string; json: boolean; from?: string; to?: string }
  | { ok: true; help: true }
  | { ok: false; problem: string };

/** Parses the options shared by `kotae report …` and `kotae report incident …`. */
export function parseCommonReportArgs(argv: readonly string[]): CommonReportArgs {
  const positional: string[] = [];
  let outDir: string | undefined;
  let json = false;
  const dates: { from?: string; to?: string } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const option = /^--(out|from|to)(?:=(.*))?$/.exec(a);
    if (a === '--help' || a === '-h') return { ok: true, help: true };
    if (a === '--json') json = true;
    else if (option) {
      const value = option[2] ?? argv[(i += 1)];
      if (!value || value.startsWith('--'))
        return { ok: false, problem: option[1] === 'out' ? M.missingOutDir : M.missingDate(option[1]) };
      if (option[1] === 'out') outDir = value;
      else dates[option[1] as 'from' | 'to'] = value;
    } else if (a.startsWith('-')) return { ok: false, problem: M.unknownOption(a) };
    else positional.push(a);
  }
  return { ok: true, help: false, positional, outDir, json, ...dates };
}

/** Parses argv (without the leading 'report'). */
export function parseReportArgs(argv: readonly string[]): ReportArgs {
  const args = parseCommonReportArgs(argv);
  if (!args.ok || args.help) return args;
  if (args.from !== undefined || args.to !== undefined) {
    if (args.positional.length !== 1 || args.positional[0] !== 'custom' || !args.from || !args.to)
      return { ok: false, problem: M.customArgs };
    return {
      ok: true,
      kind: 'custom',
      period: customPeriodText(args.from, args.to),
      outDir: args.outDir,
      json: args.json,
      help: false,
    };
  }
  if (args.positional.length !== 2) return { ok: false, problem: M.missingArgs };
  const [kind, period] = args.positional as [string, string];
  return { ok: true, kind, period, outDir: args.outDir, json: args.json, help: false };
}
