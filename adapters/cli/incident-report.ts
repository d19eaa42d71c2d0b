/**
 * `kotae report incident <チケット番号> [--out <dir>] [--json]`: writes the 障害復旧作業報告書 of one
 * 障害 ticket as `incident-<number>.xlsx` and `.pdf`. Exit codes: 0 written, 2 usage, unknown
 * ticket or not an incident, 1 other failure.
 */
import { parseCommonReportArgs } from './report-args';
import path from 'node:path';
import { toKotaeError } from '../../core';
import { writeReportFiles, type LoadIncidentReportDeps, type PdfFonts } from '../../reports';
import {
  incidentBaseName,
  loadIncidentReport,
  missingFieldNames,
  renderIncidentFiles,
  INCIDENT_ERRORS,
} from '../../reports';

/** Japanese messages of this command. */
const M = {
  usage: [
    '使い方: kotae report incident <チケット番号> [--out <フォルダ>] [--json]',
    '  <チケット番号>    種別が「障害」のチケット（例: HD-2026-000123）',
    '  --out <フォルダ>  出力先（省略時: ./reports/incident-<チケット番号>/）',
    '  --json            報告書の内容を JSON で標準出力に表示します（ファイルは作成しません）',
  ].join('\n'),
  missingTicket: 'チケット番号を指定してください。',
  tooMany: 'チケット番号は1つだけ指定してください。',
  written: (dir: string) => `障害復旧作業報告書を作成しました: ${dir}`,
} as const;

/** What the command needs; `report-command.ts` wires it from the composition root (app/kotae-parts.ts). */
export interface IncidentReportCommandDeps {
  /** The tickets (SqlTicketStore). */
  tickets: LoadIncidentReportDeps['tickets'];
  /** The work log (SqlWorkLogStore). */
  workLogs: LoadIncidentReportDeps['workLogs'];
  /** 作成者 printed on the report. */
  organization: string;
  out(s: string): void;
  err(s: string): void;
  now?: () => Date;
  /** Parent folder of the default output folder (default: `./reports` under the working directory). */
  outDirDefault?: string;
  fonts?: PdfFonts;
}

type Args =
  { ok: true; ref: string; outDir?: string; json: boolean } | { ok: true; help: true } | { ok: false; problem: string };

function parseArgs(argv: readonly string[]): Args {
  const args = parseCommonReportArgs(argv);
  if (!args.ok || args.help) return args;
  if (args.positional.length === 0) return { ok: false, problem: M.missingTicket };
  if (args.positional.length > 1) return { ok: false, problem: M.tooMany };
  return { ok: true, ref: args.positional[0]!, outDir: args.outDir, json: args.json };
}

/** Runs the command; resolves with the exit code (never rejects). */
export async function runIncidentReportCommand(argv: string[], deps: IncidentReportCommandDeps): Promise<number> {
  const args = parseArgs(argv);
  if (!args.ok) {
    deps.err(`${args.problem}\n${M.usage}\n`);
    return 2;
  }
  if ('help' in args) {
    deps.out(`${M.usage}\n`);
    return 0;
  }
  try {
    const model = await loadIncidentReport(args.ref, {
      tickets: deps.tickets,
      workLogs: deps.workLogs,
      organization: deps.organization,
      now: (deps.now ?? (() => new Date()))(),
    });
    if (model.missing.length > 0)
      deps.err(`${INCIDENT_ERRORS.missingFields(model.number, missingFieldNames(model))}\n`);
    if (args.json) {
      deps.out(`${JSON.stringify(model, null, 2)}\n`);
      return 0;
    }
    const dir = path.resolve(args.outDir ?? path.join(deps.outDirDefault ?? 'reports', incidentBaseName(model.number)));
    const written = await writeReportFiles(dir, await renderIncidentFiles(model, deps.fonts));
    deps.out(`${M.written(dir)}\n${written.map((f) => `  ${f}`).join('\n')}\n`);
    return 0;
  } catch (err) {
    const e = toKotaeError(err);
    deps.err(`${e.userMessage}\n`);
    return e.code === 'NOT_FOUND' || e.code === 'INPUT_INVALID' ? 2 : 1;
  }
}
