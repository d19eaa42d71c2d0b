/**
 * Sections that other modules (registers, planned work, the 機密性3 roster …) add to a report.
 * A source returns ready tables for the report's period; every renderer (xlsx sheet, pdf table, csv
 * file) prints them after the built-in tables, so the reports module does not depend on those modules.
 */
import type { ReportTable } from './tables';

/** One contributed table: the same shape as a built-in table of the report. */
export type ReportSection = ReportTable;

/** Contributes sections to every report. */
export interface ReportSectionSource {
  /** Sections for the half-open UTC range [from, to) of the report's period. */
  sections(from: Date, to: Date): Promise<ReportSection[]>;
}
