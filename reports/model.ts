import type { SlaClockFigure } from './build-sla-clocks';
/**
 * The ReportModel: every figure of a report, JSON-serialisable (ISO strings, numbers, pre-formatted
 * JST texts). All renderers (xlsx, pdf, csv, json, console) draw from it, so their figures match.
 */
import type { DocumentUsage } from './knowledge-usage';
import type { ReportKind } from './labels';
import type { ReportSection } from './report-section';

/** A count under a key, with its Japanese label. */
export interface CountItem {
  key: string;
  label: string;
  count: number;
}

/** Median and 95th percentile of a set of durations in business minutes (null when empty). */
export interface DurationStats {
  count: number;
  median: number | null;
  p95: number | null;
}

/** Inquiries (questions put to the bot). */
export interface InquirySection {
  asked: number;
  answered: number;
  /** The top answer proposed with the other candidates (「こちらの回答でよろしいでしょうか」). */
  tentative: number;
  clarified: number;
  notAnswered: number;
  /** Questions whose conversation produced a ticket at or after the question. */
  escalated: number;
  /** answered / asked; null when nothing was asked. */
  autoAnswerRate: number | null;
  /**
   * Questions resolved without a ticket: answered or tentative, no ticket of the conversation at or
   * after the question, no 「解決しない」 feedback on it.
   */
  deflected: number;
  /** deflected / asked; null when nothing was asked. */
  deflectionRate: number | null;
  feedbackCount: number;
  feedbackResolved: number;
  /** resolved feedback / all feedback; null without feedback. */
  resolvedRate: number | null;
  byCategory: CountItem[];
  byChannel: CountItem[];
  byDepartment: CountItem[];
}

/** A ticket whose SLA clock ran over. */
export interface SlaBreach {
  number: string;
  title: string;
  priority: string;
  clock: 'response' | 'resolution';
  createdAt: string;
  dueAt: string;
  /** When the clock stopped ('' while still running). */
  stoppedAt: string;
  elapsedBusinessMinutes: number;
  state: 'met_late' | 'breached';
}

/** SLA figures of the tickets opened in the period. */
export interface SlaSection {
  /** Tickets with a decided response clock (met, met late or breached). */
  evaluated: number;
  met: number;
  breached: number;
  /** Response clocks still running within budget at the evaluation time. */
  pending: number;
  /** met / evaluated; null when none evaluated. */
  complianceRate: number | null;
  response: DurationStats;
  resolution: DurationStats;
  breaches: SlaBreach[];
  /** Per ticket type and clock, incl. the incident clocks (issue 16); absent in reports made before. */
  clocks?: SlaClockFigure[];
}

/** Tickets. */
export interface TicketSection {
  opened: number;
  resolved: number;
  closed: number;
  backlogAtEnd: number;
  byCategory: CountItem[];
  byType: CountItem[];
  byPriority: CountItem[];
  sla: SlaSection;
}

/** An incident (障害) ticket with its analysis. */
export interface IncidentItem {
  number: string;
  title: string;
  priority: string;
  status: string;
  createdAt: string;
  resolvedAt: string;
  cause: string;
  actions: string;
  prevention: string;
}

/** A row of the 作業実績報告書 table. */
export interface WorkLogItem {
  /** 作業日時（開始・終了）. */
  when: string;
  operator: string;
  title: string;
  content: string;
  remarks: string;
}

/** Usage analysis. */
export interface UsageSection {
  /** Questions by JST hour of day, index 0–23. */
  byHour: number[];
  /** Questions by JST weekday, index 0 = Sunday. */
  byWeekday: number[];
  /** Questions per JST day of the period. */
  daily: { date: string; count: number }[];
  topQuestions: { text: string; count: number }[];
  /** Most frequent unanswered questions: the knowledge base's gaps. */
  topUnanswered: { text: string; count: number }[];
  /** Month by month (half-year and annual reports; empty for monthly). */
  trend: { month: string; label: string; asked: number; answered: number; ticketsOpened: number }[];
  /** Per FAQ and document: top source, answered, tentative, 解決した / 解決しない, escalated after it. */
  knowledge?: DocumentUsage[];
}

/** One month of the 12-month trend. */
export interface TrendPoint {
  month: string;
  label: string;
  asked: number;
  answered: number;
  autoAnswerRate: number | null;
  deflectionRate: number | null;
  ticketsOpened: number;
}

/** One figure of the month-over-month comparison. */
export interface ComparisonRow {
  label: string;
  current: number | null;
  previous: number | null;
  /** 'count': 件, difference in 件; 'rate': 0–1, difference in points. */
  unit: 'count' | 'rate';
}

/** The report month against the month before (monthly reports). */
export interface ComparisonSection {
  currentLabel: string;
  previousLabel: string;
  rows: ComparisonRow[];
}

/** Runs of one scheduled job. */
export interface JobItem {
  job: string;
  runs: number;
  failures: number;
  /** Last successful finish in the period, '' if none. */
  lastSuccessAt: string;
}

/** A complete report. */
export interface ReportModel {
  kind: ReportKind;
  period: { key: string; from: string; to: string; label: string };
  title: string;
  organization: string;
  generatedAt: string;
  inquiries: InquirySection;
  tickets: TicketSection;
  incidents: IncidentItem[];
  workLog: WorkLogItem[];
  usage: UsageSection;
  jobs: JobItem[];
  /** 課題・対策, edited by operators before the report is final. */
  issuesText: string;
  /** The 12 months ending with the period's last month (absent in reports made before it existed). */
  trend12?: TrendPoint[];
  /** Month-over-month comparison (monthly reports). */
  comparison?: ComparisonSection;
  /** Tables contributed by other modules (ReportSectionSource), printed after the built-in ones. */
  extraSections?: ReportSection[];
}
