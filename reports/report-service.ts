/**
 * The reports use cases: generate (build, render, write, store), edit 課題・対策, mark final and
 * find a report's files. The CLI, the console and the scheduler all go through it.
 */
import path from 'node:path';
import type { AuditEntry, AuditTrail } from '../core';
import type { Clock } from '../core';
import { KotaeError } from '../core';
import type { Logger } from '../core';
import type { SlaCalendar, SlaPolicy } from '../calendar';
import type { SlaTargets } from '../tickets';
import { createPiiMasker } from '../privacy';
import { buildReport } from './build-report';
import { conversationLogCsv, conversationLogName, type MaskText } from './conversation-log';
import { exportEntry, modelRows, withEnd, type ExportActor, type ExportFacts } from './report-exports';
import { customPeriodText } from './custom-period';
import type { QuestionGrouper } from './build-usage';
import { REPORT_ERRORS, type ReportKind } from './labels';
import type { ReportModel } from './model';
import { parsePeriod } from './period';
import type { ReportData } from './report-data';
import type { ReportSectionSource } from './report-section';
import { renderReportFiles, writeReportFiles } from './report-files';
import { mustBeDraft, mustExist } from './report-store-rules';
import type { ReportStore, StoredReport } from './report-store';
import type { PdfFonts } from './pdf-document';
import type { ChannelDeliveryStatus, RedeliveryOutcome, ReportDeliveryDesk } from './delivery-status';

/** What the service needs. */
export interface ReportServiceDeps {
  data: ReportData;
  store: ReportStore;
  /** `<dataDir>/reports`; each report gets `<kind>-<period>/` under it. */
  reportsDir: string;
  calendar: SlaCalendar;
  slaPolicy: SlaPolicy;
  /** SLA targets per ticket type (issue 16): the SLA section then counts every clock per type. */
  slaTargets?: SlaTargets;
  organization: string;
  clock: Clock;
  logger?: Logger;
  fonts?: PdfFonts;
  /** Groups variants of one question in the top lists (the knowledge layer's clusters). */
  groupQuestions?: QuestionGrouper;
  /** Modules that add their own tables to every report (registers, planned work, roster). */
  sections?: readonly ReportSectionSource[];
  /** Masks personal data in exported texts (default: the privacy masker with every detector). */
  maskText?: MaskText;
  /** Issue 11: generation, edits, finalisation and downloads are audited (with the store write). */
  audit?: AuditTrail;
  /** The scheduled delivery's status and manual resend (absent: delivery is not configured). */
  deliveries?: ReportDeliveryDesk;
}

/** Who reads the conversation log: the export's actor and whether 機密性3 conversations are shown. */
export interface LogReader extends ExportActor {
  /** An administrator, an operator on the 機密性3 roster now, or the CLI on the server. */
  showConfidential: boolean;
}

/** Generates, stores and edits reports. */
export class ReportService {
  constructor(private readonly deps: ReportServiceDeps) {}

  /** The delivery of each report per configured channel; undefined when delivery is not configured. */
  async deliveryStatus(reports: readonly StoredReport[]): Promise<ChannelDeliveryStatus[][] | undefined> {
    const desk = this.deps.deliveries;
    if (!desk) return undefined;
    const out: ChannelDeliveryStatus[][] = [];
    for (const r of reports) out.push(await desk.status(r));
    return out;
  }

  /** Delivers a stored report again now on the channels not sent (NOT_FOUND when unknown or not configured). */
  async redeliver(kind: ReportKind, period: string, actor: string): Promise<RedeliveryOutcome> {
    const desk = this.deps.deliveries;
    if (!desk) throw new KotaeError('NOT_FOUND', 'report delivery is not configured');
    return desk.redeliver(await this.get(kind, period), actor);
  }

  /** Folder of a report's files. */
  folderOf(kind: ReportKind, period: string): string {
    return path.join(this.deps.reportsDir, `${kind}-${period}`);
  }

  /** Builds the model only (no files, no store write), with the stored 課題・対策 if any. */
  async build(kind: string, periodText: string): Promise<ReportModel> {
    const period = parsePeriod(kind, periodText, this.deps.clock.now());
    const stored = await this.deps.store.get(period.kind, period.key);
    const { data, calendar, slaPolicy, organization, clock } = this.deps;
    return buildReport(period.kind, period.key, data, {
      calendar,
      slaPolicy,
      slaTargets: this.deps.slaTargets,
      organization,
      now: clock.now(),
      issuesText: stored?.issuesText,
      groupQuestions: this.deps.groupQuestions,
      sections: this.deps.sections,
    });
  }

  /** Runs a store write with its audit entry in one transaction (without an audit trail: just the write). */
  private audited<T>(change: () => Promise<T>, entry: () => AuditEntry): Promise<T> {
    return this.deps.audit ? this.deps.audit.atomically(change, entry) : change();
  }

  /**
   * Builds, renders into the report folder and stores a draft. Throws CONFLICT if the report is final.
   * `withSaved` runs in the store write's transaction (the scheduler records the delivery to come there).
   */
  async generate(
    kind: string,
    periodText: string,
    actor = 'system',
    withSaved?: (saved: StoredReport) => Promise<void>,
  ): Promise<StoredReport> {
    const period = parsePeriod(kind, periodText, this.deps.clock.now());
    const existing = await this.deps.store.get(period.kind, period.key);
    if (existing) mustBeDraft(existing);
    const started = Date.now();
    const model = await this.build(period.kind, period.key);
    const files = await renderReportFiles(model, false, this.deps.fonts);
    await writeReportFiles(this.folderOf(period.kind, period.key), files);
    const saved = await this.audited(
      async () => {
        const stored = await this.deps.store.saveGenerated({
          kind: period.kind,
          period: period.key,
          generatedAt: new Date(model.generatedAt),
          files: files.map((f) => f.name),
          model,
        });
        await withSaved?.(stored);
        return stored;
      },
      () => ({
        actor,
        action: 'report.generate',
        target: `${period.kind}-${period.key}`,
        detail: { files: files.length },
      }),
    );
    this.deps.logger?.info('report generated', {
      kind: period.kind,
      period: period.key,
      files: files.length,
      ms: Date.now() - started,
    });
    return saved;
  }

  /**
   * The conversation log of the days `from`–`to` (validated like a custom period: at most
   * CUSTOM_PERIOD_MAX_DAYS days, ending today at the latest) as CSV chunks, read page by page; throws
   * REPORT_PERIOD_INVALID. Questions of a 機密性3 ticket's conversation are left out unless the reader
   * may see them. Audited once (`export.report`) when the stream ends, with the rows handed out.
   */
  conversationLog(from: string, to: string, reader: LogReader): { name: string; chunks: AsyncGenerator<string> } {
    const period = parsePeriod('custom', customPeriodText(from, to), this.deps.clock.now());
    const masker = this.deps.maskText ? undefined : createPiiMasker();
    const mask: MaskText = this.deps.maskText ?? ((text) => (masker ? masker.mask(text).text : text));
    let rows = 0;
    const chunks = conversationLogCsv(this.deps.data, period, mask, {
      showConfidential: reader.showConfidential,
      onRows: (n) => {
        rows += n;
      },
    });
    const facts = (complete: boolean): ExportFacts => ({
      report: 'conversation-log',
      period: period.key,
      format: 'csv',
      rows,
      complete,
    });
    return {
      name: conversationLogName(period),
      chunks: withEnd(chunks, (complete) => this.recordExport(reader, facts(complete))),
    };
  }

  /** Records one export of report data (see report-exports.ts); nothing without an audit trail. */
  async recordExport(who: ExportActor, what: ExportFacts): Promise<void> {
    await this.deps.audit?.record(exportEntry(who, what));
  }

  /** A stored report's figures (ReportModel) for download as JSON, audited as an export. */
  async exportModel(kind: ReportKind, period: string, who: ExportActor): Promise<StoredReport> {
    const report = await this.get(kind, period);
    await this.recordExport(who, { report: kind, period, format: 'json', rows: modelRows(report.model) });
    return report;
  }

  /** Lists stored reports, newest first. */
  list(): Promise<StoredReport[]> {
    return this.deps.store.list();
  }

  /** A stored report; throws NOT_FOUND. */
  async get(kind: ReportKind, period: string): Promise<StoredReport> {
    return mustExist(await this.deps.store.get(kind, period), kind, period);
  }

  /** Saves 課題・対策 (version-checked) and re-renders the files from the stored figures. */
  async updateIssues(
    kind: ReportKind,
    period: string,
    issuesText: string,
    expectedVersion: number,
    actor = 'system',
  ): Promise<StoredReport> {
    if (issuesText.length > 20_000) throw new KotaeError('INPUT_TOO_LARGE', 'issues text too long');
    const saved = await this.audited(
      () => this.deps.store.updateIssues(kind, period, issuesText.replace(/\r\n/g, '\n'), expectedVersion),
      () => ({ actor, action: 'report.edit', target: `${kind}-${period}` }),
    );
    await this.rerender(saved);
    return saved;
  }

  /**
   * Marks the report final (version-checked) and re-renders its files with the final status.
   * Refused (CONFLICT, Japanese message) until the period has ended: a report still collecting
   * figures cannot be final.
   */
  async markFinal(kind: ReportKind, period: string, expectedVersion: number, actor = 'system'): Promise<StoredReport> {
    const report = await this.get(kind, period);
    if (this.deps.clock.now().getTime() < Date.parse(report.model.period.to)) {
      throw new KotaeError('CONFLICT', `report ${kind} ${period} period has not ended`, {
        userMessage: REPORT_ERRORS.notEnded(report.model.period.label),
      });
    }
    const saved = await this.audited(
      () => this.deps.store.markFinal(kind, period, expectedVersion),
      () => ({ actor, action: 'report.finalize', target: `${kind}-${period}` }),
    );
    await this.rerender(saved);
    return saved;
  }

  /**
   * Absolute path of one of a report's files; NOT_FOUND unless the name is in its file list. With an
   * `actor` the download is audited (an export of the report).
   */
  async filePath(kind: ReportKind, period: string, name: string, actor?: string): Promise<string> {
    const report = await this.get(kind, period);
    if (!report.files.includes(name)) throw new KotaeError('NOT_FOUND', `report file ${name} not found`);
    if (actor)
      await this.recordExport(
        { actor },
        { report: kind, period, format: path.extname(name).slice(1), rows: modelRows(report.model), file: name },
      );
    return path.join(this.folderOf(kind, period), name);
  }

  private async rerender(report: StoredReport): Promise<void> {
    const files = await renderReportFiles(report.model, report.status === 'final', this.deps.fonts);
    await writeReportFiles(this.folderOf(report.kind, report.period), files);
  }
}
