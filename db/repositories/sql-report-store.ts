/** ReportStore on TypeORM (table `report`): upsert by kind + period, optimistic version, draft → final. */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { KotaeError } from '../../core';
import {
  byPeriodDesc,
  mustBeDraft,
  mustExist,
  mustMatchVersion,
  type GeneratedReport,
  type ReportKind,
  type ReportModel,
  type ReportStatus,
  type ReportStore,
  type StoredReport,
} from '../../reports';
import type { ReportRow } from '../schema';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';
import { isUniqueViolation } from './atomic-sql';

function toReport(r: ReportRow): StoredReport {
  const issuesText = r.issuesText ?? '';
  const model = { ...(JSON.parse(r.summary) as ReportModel), issuesText };
  return {
    id: r.id,
    kind: r.kind as ReportKind,
    period: r.period,
    status: r.status as ReportStatus,
    generatedAt: r.generatedAt,
    issuesText,
    files: JSON.parse(r.files) as string[],
    model,
    version: r.version,
  };
}

/** SQL implementation of ReportStore. */
export class SqlReportStore implements ReportStore {
  constructor(private readonly ds: DataSource) {}

  private run<T>(work: () => Promise<T>): Promise<T> {
    return runDb(this.ds, work);
  }

  private repo() {
    return managerOf(this.ds).getRepository<ReportRow>('report');
  }

  async get(kind: ReportKind, period: string): Promise<StoredReport | undefined> {
    const row = await this.run(() => this.repo().findOneBy({ kind, period }));
    return row ? toReport(row) : undefined;
  }

  async list(): Promise<StoredReport[]> {
    const rows = await this.run(() => this.repo().find());
    return rows.map(toReport).sort(byPeriodDesc);
  }

  async saveGenerated(g: GeneratedReport): Promise<StoredReport> {
    const existing = await this.get(g.kind, g.period);
    if (existing) mustBeDraft(existing);
    const set = {
      generatedAt: g.generatedAt,
      files: JSON.stringify(g.files),
      summary: JSON.stringify(g.model),
      status: 'draft',
    };
    if (!existing) {
      const row: ReportRow = { id: randomUUID(), kind: g.kind, period: g.period, issuesText: null, version: 1, ...set };
      try {
        await this.run(() => this.repo().insert(row));
      } catch (err) {
        // Generated at the same moment by another instance: the first one stands.
        if (isUniqueViolation(err instanceof KotaeError && err.cause ? err.cause : err)) {
          throw new KotaeError('CONFLICT', `report ${g.kind} ${g.period} was generated concurrently`, { cause: err });
        }
        throw err;
      }
      return toReport(row);
    }
    await this.versioned(existing, set);
    return mustExist(await this.get(g.kind, g.period), g.kind, g.period);
  }

  async updateIssues(
    kind: ReportKind,
    period: string,
    issuesText: string,
    expectedVersion: number,
  ): Promise<StoredReport> {
    const r = mustExist(await this.get(kind, period), kind, period);
    mustMatchVersion(r, expectedVersion);
    mustBeDraft(r);
    await this.versioned(r, { issuesText });
    return mustExist(await this.get(kind, period), kind, period);
  }

  async markFinal(kind: ReportKind, period: string, expectedVersion: number): Promise<StoredReport> {
    const r = mustExist(await this.get(kind, period), kind, period);
    mustMatchVersion(r, expectedVersion);
    mustBeDraft(r);
    await this.versioned(r, { status: 'final' });
    return mustExist(await this.get(kind, period), kind, period);
  }

  /** Updates only if the row still has the version read (a concurrent save makes this a CONFLICT). */
  private async versioned(r: StoredReport, set: Partial<ReportRow>): Promise<void> {
    const result = await this.run(() =>
      managerOf(this.ds)
        .createQueryBuilder()
        .update('report')
        .set({ ...set, version: () => `${this.ds.driver.escape('version')} + 1` })
        .where('id = :id AND version = :version', { id: r.id, version: r.version })
        .execute(),
    );
    if (result.affected === 0) throw new KotaeError('CONFLICT', `report ${r.kind} ${r.period} changed concurrently`);
  }
}
