/**
 * `kotae report monthly YYYY-MM | halfyear FY[H2] | annual FY [--out <dir>] [--json]`.
 * Without options it generates the report like the console does (files under the report folder,
 * stored as a draft); `--out` exports the files to another folder without storing; `--json` prints
 * the ReportModel. Exports (`--out`, `--json`, `log`) are audited as `cli` with the OS user.
 * Exit codes: 0 done, 2 usage or invalid period, 1 other failure.
 */
import fs from 'node:fs';
import type { AuditTrail } from '../../core';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Clock } from '../../core';
import { toKotaeError } from '../../core';
import type { Logger } from '../../core';
import type { SlaCalendar, SlaPolicy } from '../../calendar';
import type { SlaTargets } from '../../tickets';
import {
  renderJson,
  renderReportFiles,
  ReportService,
  writeReportFiles,
  modelRows,
  type ExportActor,
  type MaskText,
  type PdfFonts,
  type ReportData,
  type ReportModel,
  type ReportSectionSource,
  type ReportStore,
} from '../../reports';
import { parseCommonReportArgs, parseReportArgs } from './report-args';
import { REPORT_CLI_MESSAGES as M } from './report-messages';

/** What the command needs; the composition root wires it. */
export interface ReportCommandDeps {
  data: ReportData;
  store: ReportStore;
  /** `<dataDir>/reports`. */
  outDirDefault: string;
  calendar: SlaCalendar;
  slaPolicy: SlaPolicy;
  organization: string;
  clock: Clock;
  out(s: string): void;
  err(s: string): void;
  logger?: Logger;
  fonts?: PdfFonts;
  /** Masks personal data in the conversation-log export (default: the privacy masker). */
  maskText?: MaskText;
  /** Issue 11: a stored report is audited (`report.generate` by `cli`). */
  audit?: AuditTrail;
  /** SLA targets per ticket type (the per-type clocks table). */
  slaTargets?: SlaTargets;
  /** Tables other modules add (planned work, registers and lending, the 機密性3 roster). */
  sections?: readonly ReportSectionSource[];
  /** The OS user running the command: exports are audited as `cli` with this user. */
  osUser?: string;
}

/** The actor of the command's exports. */
const cliActor = (deps: ReportCommandDeps): ExportActor => ({ actor: 'cli', osUser: deps.osUser });

/** `kotae report log --from … --to … [--out <file>]`: the conversation log as CSV, streamed. */
async function runLogCommand(argv: string[], deps: ReportCommandDeps, service: ReportService): Promise<number> {
  const args = parseCommonReportArgs(argv);
  if (!args.ok || args.help || args.positional.length > 0 || !args.from || !args.to) {
    deps.err(`${args.ok ? M.customArgs : args.problem}\n${M.usage}\n`);
    return 2;
  }
  // The CLI runs on the server with the database's credentials: it exports everything, audited.
  const log = service.conversationLog(args.from, args.to, { ...cliActor(deps), showConfidential: true });
  if (!args.outDir) {
    for await (const chunk of log.chunks) deps.out(chunk);
    return 0;
  }
  const file = path.resolve(args.outDir);
  await pipeline(Readable.from(log.chunks), fs.createWriteStream(file));
  deps.err(`${M.logWritten(file)}\n`);
  return 0;
}

/** What an export of a built report carries. */
const exportFacts = (model: ReportModel, format: string) => ({
  report: model.kind,
  period: model.period.key,
  format,
  rows: modelRows(model),
});

/** Runs the command; resolves with the exit code (never rejects). */
export async function runReportCommand(argv: string[], deps: ReportCommandDeps): Promise<number> {
  if (argv[0] === 'log') {
    try {
      return await runLogCommand(argv.slice(1), deps, new ReportService({ ...deps, reportsDir: deps.outDirDefault }));
    } catch (err) {
      const e = toKotaeError(err);
      deps.err(`${e.userMessage}\n`);
      return e.code === 'REPORT_PERIOD_INVALID' ? 2 : 1;
    }
  }
  const args = parseReportArgs(argv);
  if (!args.ok) {
    deps.err(`${args.problem}\n${M.usage}\n`);
    return 2;
  }
  if (args.help) {
    deps.out(`${M.usage}\n`);
    return 0;
  }
  const service = new ReportService({ ...deps, reportsDir: deps.outDirDefault });
  try {
    if (args.json) {
      const model = await service.build(args.kind, args.period);
      deps.out(renderJson(model));
      await service.recordExport(cliActor(deps), exportFacts(model, 'json'));
      return 0;
    }
    if (args.outDir) {
      const model = await service.build(args.kind, args.period);
      const files = await renderReportFiles(model, false, deps.fonts);
      const written = await writeReportFiles(path.resolve(args.outDir), files);
      const formats = [...new Set(files.map((f) => path.extname(f.name).slice(1)))].join('+');
      await service.recordExport(cliActor(deps), exportFacts(model, formats));
      deps.out(`${M.written(path.resolve(args.outDir), written.length)}\n${written.map((f) => `  ${f}`).join('\n')}\n`);
      return 0;
    }
    const saved = await service.generate(args.kind, args.period, 'cli');
    const dir = service.folderOf(saved.kind, saved.period);
    deps.out(
      `${M.written(dir, saved.files.length)}\n${saved.files.map((f) => `  ${path.join(dir, f)}`).join('\n')}\n${M.stored}\n`,
    );
    return 0;
  } catch (err) {
    const e = toKotaeError(err);
    deps.err(`${e.userMessage}\n`);
    deps.logger?.error('report command failed', { code: e.code, error: e.message });
    return e.code === 'REPORT_PERIOD_INVALID' ? 2 : 1;
  }
}
