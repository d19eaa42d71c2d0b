/** The rules every ReportStore enforces, shared by the SQL and in-memory implementations. */
import { KotaeError } from '../core';
import { REPORT_ERRORS } from './labels';
import type { StoredReport } from './report-store';

/** Throws NOT_FOUND when the report does not exist. */
export function mustExist(report: StoredReport | undefined, kind: string, period: string): StoredReport {
  if (!report)
    throw new KotaeError('NOT_FOUND', `report ${kind} ${period} not found`, { userMessage: REPORT_ERRORS.notFound });
  return report;
}

/** Throws CONFLICT when the report is final (final reports never change). */
export function mustBeDraft(report: StoredReport): void {
  if (report.status === 'final') {
    throw new KotaeError('CONFLICT', `report ${report.kind} ${report.period} is final`, {
      userMessage: REPORT_ERRORS.finalized,
    });
  }
}

/** Throws CONFLICT when someone saved the report since the caller read it. */
export function mustMatchVersion(report: StoredReport, expectedVersion: number): void {
  if (report.version !== expectedVersion) {
    throw new KotaeError(
      'CONFLICT',
      `report ${report.kind} ${report.period} version ${report.version} != expected ${expectedVersion}`,
    );
  }
}

/** Newest period first, then kind. */
export function byPeriodDesc(a: StoredReport, b: StoredReport): number {
  return b.model.period.from.localeCompare(a.model.period.from) || a.kind.localeCompare(b.kind);
}
