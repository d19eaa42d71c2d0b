/** Port for generated reports (table `report`): one row per kind + period, 課題・対策 editable until final. */
import type { ReportKind } from './labels';
import type { ReportModel } from './model';

/** A report is a draft until an operator marks it final. */
export type ReportStatus = 'draft' | 'final';

/** A stored report. `version` increases on every save (optimistic locking). */
export interface StoredReport {
  id: string;
  kind: ReportKind;
  /** Normalised period key: '2026-05' or 'FY2026'. */
  period: string;
  status: ReportStatus;
  generatedAt: Date;
  issuesText: string;
  /** File names inside the report's folder. */
  files: string[];
  /** The model the files were rendered from (its issuesText is the one above). */
  model: ReportModel;
  version: number;
}

/** What a generation run saves. */
export interface GeneratedReport {
  kind: ReportKind;
  period: string;
  generatedAt: Date;
  files: string[];
  model: ReportModel;
}

/** Storage of generated reports. */
export interface ReportStore {
  get(kind: ReportKind, period: string): Promise<StoredReport | undefined>;
  /** All reports, newest period first. */
  list(): Promise<StoredReport[]>;
  /**
   * Inserts or replaces the generated figures of a draft, keeping its 課題・対策 and bumping the
   * version. Throws KotaeError CONFLICT when the report is already final.
   */
  saveGenerated(report: GeneratedReport): Promise<StoredReport>;
  /** Replaces 課題・対策. Throws NOT_FOUND, or CONFLICT on a version mismatch or a final report. */
  updateIssues(kind: ReportKind, period: string, issuesText: string, expectedVersion: number): Promise<StoredReport>;
  /** Marks a draft final. Throws NOT_FOUND, or CONFLICT on a version mismatch or when already final. */
  markFinal(kind: ReportKind, period: string, expectedVersion: number): Promise<StoredReport>;
}
