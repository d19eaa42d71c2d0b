/** Incidents, the work log (作業実績) and scheduled jobs of the period. */
import type { TicketRecord } from '../tickets';
import { formatJst, formatJstRange } from '../calendar';
import { PRIORITY_LABELS, STATUS_LABELS } from './labels';
import type { IncidentItem, JobItem, WorkLogItem } from './model';
import type { JobRunEntry, WorkLogEntry } from './report-data';

/** Incident tickets (type 障害) opened in the period, oldest first, with cause, actions and prevention. */
export function buildIncidents(opened: readonly TicketRecord[]): IncidentItem[] {
  return opened
    .filter((t) => t.type === 'incident')
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.number.localeCompare(b.number))
    .map((t) => ({
      number: t.number,
      title: t.title,
      priority: PRIORITY_LABELS[t.priority] ?? t.priority,
      status: STATUS_LABELS[t.status] ?? t.status,
      createdAt: formatJst(t.createdAt),
      resolvedAt: t.resolvedAt ? formatJst(t.resolvedAt) : '',
      cause: t.incident?.cause ?? '',
      actions: t.incident?.actions ?? '',
      prevention: t.incident?.prevention ?? '',
    }));
}

/** The 作業実績報告書 rows, in order of start. */
export function buildWorkLog(entries: readonly WorkLogEntry[]): WorkLogItem[] {
  return [...entries]
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
    .map((w) => ({
      when: formatJstRange(w.startedAt, w.endedAt),
      operator: w.operatorName,
      title: w.title,
      content: w.content,
      remarks: w.remarks ?? '',
    }));
}

/** Runs, failed runs and the last success per job, by job name. */
export function buildJobs(runs: readonly JobRunEntry[]): JobItem[] {
  const byJob = new Map<string, JobRunEntry[]>();
  for (const r of runs) byJob.set(r.job, [...(byJob.get(r.job) ?? []), r]);
  return [...byJob.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([job, list]) => {
      const successes = list
        .filter((r) => r.status === 'succeeded')
        .map((r) => (r.finishedAt ?? r.startedAt).getTime());
      return {
        job,
        runs: list.length,
        failures: list.filter((r) => r.status === 'failed').length,
        lastSuccessAt: successes.length ? formatJst(new Date(Math.max(...successes))) : '',
      };
    });
}
