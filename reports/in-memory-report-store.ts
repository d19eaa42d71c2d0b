/** ReportStore in memory: the fake for unit tests. */
import { randomUUID } from 'node:crypto';
import type { ReportKind } from './labels';
import type { GeneratedReport, ReportStore, StoredReport } from './report-store';
import { byPeriodDesc, mustBeDraft, mustExist, mustMatchVersion } from './report-store-rules';

/** In-memory implementation of ReportStore. */
export class InMemoryReportStore implements ReportStore {
  private readonly rows = new Map<string, StoredReport>();

  private key(kind: string, period: string): string {
    return `${kind}/${period}`;
  }

  async get(kind: ReportKind, period: string): Promise<StoredReport | undefined> {
    const r = this.rows.get(this.key(kind, period));
    return r ? structuredClone(r) : undefined;
  }

  async list(): Promise<StoredReport[]> {
    return [...this.rows.values()].map((r) => structuredClone(r)).sort(byPeriodDesc);
  }

  async saveGenerated(g: GeneratedReport): Promise<StoredReport> {
    const existing = this.rows.get(this.key(g.kind, g.period));
    if (existing) mustBeDraft(existing);
    const issuesText = existing?.issuesText ?? '';
    const row: StoredReport = {
      id: existing?.id ?? randomUUID(),
      kind: g.kind,
      period: g.period,
      status: 'draft',
      generatedAt: g.generatedAt,
      issuesText,
      files: [...g.files],
      model: { ...structuredClone(g.model), issuesText },
      version: (existing?.version ?? 0) + 1,
    };
    this.rows.set(this.key(g.kind, g.period), row);
    return structuredClone(row);
  }

  async updateIssues(
    kind: ReportKind,
    period: string,
    issuesText: string,
    expectedVersion: number,
  ): Promise<StoredReport> {
    const r = mustExist(this.rows.get(this.key(kind, period)), kind, period);
    mustMatchVersion(r, expectedVersion);
    mustBeDraft(r);
    const next = { ...r, issuesText, model: { ...r.model, issuesText }, version: r.version + 1 };
    this.rows.set(this.key(kind, period), next);
    return structuredClone(next);
  }

  async markFinal(kind: ReportKind, period: string, expectedVersion: number): Promise<StoredReport> {
    const r = mustExist(this.rows.get(this.key(kind, period)), kind, period);
    mustMatchVersion(r, expectedVersion);
    mustBeDraft(r);
    const next: StoredReport = { ...r, status: 'final', version: r.version + 1 };
    this.rows.set(this.key(kind, period), next);
    return structuredClone(next);
  }
}
