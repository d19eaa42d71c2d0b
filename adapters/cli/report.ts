/**
 * `kotae report monthly YYYY-MM | halfyear FY | annual FY [--out <dir>] [--json]`.
 * Without options it generates the report like the console does (files under the report folder,
 * stored as a draft); `--out` exports the files to another folder without storing; `--json` prints
 * the ReportModel. Exit codes: 0 done, 2 usage or invalid period, 1 other failure.
 */
import path from 'node:path';
import type { Clock } from '../../core';
import { toKotaeError } from '../../core';
import type { Logger } from '../../core';
import type { SlaCalendar, SlaPolicy } from '../../calendar';
import {
  renderJson,
  renderReportFiles,
  ReportService,
  writeReportFiles,
  type PdfFonts,
  type ReportData,
  type ReportStore,
} from '../../reports';
import { parseReportArgs } from './report-args';
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
}

/** Runs the command; resolves with the exit code (never rejects). */
export async function runReportCommand(argv: string[], deps: ReportCommandDeps): Promise<number> {
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
      deps.out(renderJson(await service.build(args.kind, args.period)));
      return 0;
    }
    if (args.outDir) {
      const model = await service.build(args.kind, args.period);
      const written = await writeReportFiles(
        path.resolve(args.outDir),
        await renderReportFiles(model, false, deps.fonts),
      );
      deps.out(`${M.written(path.resolve(args.outDir), written.length)}\n${written.map((f) => `  ${f}`).join('\n')}\n`);
      return 0;
    }
    const saved = await service.generate(args.kind, args.period);
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
