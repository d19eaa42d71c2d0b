/**
 * The audit of exports (issue 11): every time report data leaves the system — a report file or its
 * figures (JSON) downloaded in the console, the conversation log, `kotae report … --out/--json/log`, a
 * scheduled delivery by e-mail or to Teams (once per channel) — one `export.report` entry says who (the
 * console user, `cli` with the OS user, or `system` for a delivery), what (report kind, period, format,
 * rows; a delivery's channel and number of recipients) and, by the entry's time, when.
 */
import type { AuditEntry } from '../core';
import type { ReportModel } from './model';
import { reportTables } from './tables';

/** Who exports: the console user, or `cli` with the OS account that ran the command. */
export interface ExportActor {
  actor: string;
  /** The OS user of a CLI run. */
  osUser?: string;
}

/** What was exported. */
export interface ExportFacts {
  /** `monthly` … `custom`, or `conversation-log`. */
  report: string;
  /** The period key, e.g. '2026-05', 'FY2026H2', '260501-260531'. */
  period: string;
  /** e.g. 'csv', 'json', 'xlsx', 'xlsx+pdf+csv'. */
  format: string;
  /** Rows exported: the log's question rows, or the rows of a report's tables. */
  rows: number;
  /** The file downloaded, when one file of a report was. */
  file?: string;
  /** Whether the whole export was handed out (false when a streamed export stopped early). */
  complete?: boolean;
  /** A scheduled delivery (report-delivery.ts): the channel it left by. */
  channel?: 'email' | 'teams';
  /** A scheduled delivery: how many recipients (e-mail addresses, or 1 for the operators' channel), never who. */
  recipients?: number;
}

/** The audit entry of one export. */
export function exportEntry(who: ExportActor, what: ExportFacts): AuditEntry {
  const { report, period, ...rest } = what;
  return {
    actor: who.actor,
    action: 'export.report',
    target: `${report}-${period}`,
    detail: { report, period, ...rest, ...(who.osUser ? { osUser: who.osUser } : {}) },
  };
}

/** Rows of a report's tables (what its xlsx, pdf, csv and JSON carry). */
export function modelRows(model: ReportModel): number {
  return reportTables(model).reduce((n, t) => n + t.rows.length, 0);
}

/**
 * The chunks of a streamed export, then `done(complete)` once — when the stream ends, fails or is
 * abandoned by its reader (a closed download), so an export stopped early is audited too.
 */
export async function* withEnd(
  chunks: AsyncGenerator<string>,
  done: (complete: boolean) => Promise<void>,
): AsyncGenerator<string> {
  let complete = false;
  try {
    yield* chunks;
    complete = true;
  } finally {
    await done(complete);
  }
}
