/**
 * Builds a ReportModel from the ReportData port. Async and yielding to the event loop between
 * sections, so generating a large report never holds up answering questions.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { SlaCalendar, SlaPolicy } from '../calendar';
import type { SlaTargets } from '../tickets';
import { buildSlaClocks } from './build-sla-clocks';
import { redactConfidential } from './confidential';
import { reportQuestions } from './conversation-context';
import { buildIncidents, buildJobs, buildWorkLog } from './build-activity';
import { buildComparison, buildTrend } from './build-comparison';
import { buildInquiries } from './build-inquiries';
import { buildTickets } from './build-tickets';
import { buildUsage, type QuestionGrouper } from './build-usage';
import type { ReportSectionSource } from './report-section';
import { countUsage } from './knowledge-usage';
import { REPORT_TITLES, type ReportKind } from './labels';
import type { ReportModel } from './model';
import { parsePeriod } from './period';
import type { ReportData } from './report-data';

/** What a report needs besides its data. */
export interface BuildReportOptions {
  calendar: SlaCalendar;
  slaPolicy: SlaPolicy;
  /** Targets per ticket type: the SLA section then also counts every clock per type (issue 16). */
  slaTargets?: SlaTargets;
  /** e.g. 'ことのは市 情報政策課'. */
  organization: string;
  now: Date;
  /** 課題・対策 text kept from the stored report. */
  issuesText?: string;
  /** Groups variants of one question in the top lists (raw texts are counted without it). */
  groupQuestions?: QuestionGrouper;
  /** Modules that add their own tables (registers, planned work, roster). */
  sections?: readonly ReportSectionSource[];
}

/**
 * Builds the report of `kind` for `periodText` ('2026-05' or '2026'/'FY2026'). Throws KotaeError
 * REPORT_PERIOD_INVALID for a malformed or future period; an empty period yields a report of 0 件.
 */
export async function buildReport(
  kind: ReportKind | string,
  periodText: string,
  data: ReportData,
  options: BuildReportOptions,
): Promise<ReportModel> {
  const period = parsePeriod(kind, periodText, options.now);
  const { from, to } = period;
  const asOf = new Date(Math.min(to.getTime(), options.now.getTime()));

  const [asked, feedback] = await Promise.all([data.questions(from, to), data.feedback(from, to)]);
  const conversationIds = [...new Set(asked.map((q) => q.conversationId))];
  const conversationTickets = await data.ticketsForConversations(conversationIds);
  // Departments completed from the escalation; texts of a 機密性3 ticket's conversation hidden (counted).
  const questions = reportQuestions(asked, conversationTickets);
  const inquiries = buildInquiries(questions, feedback, conversationTickets);
  await yieldToEventLoop();

  const [opened, resolved, closed, backlog] = (
    await Promise.all([
      data.ticketsCreatedBetween(from, to),
      data.ticketsResolvedBetween(from, to),
      data.ticketsClosedBetween(from, to),
      data.ticketsOpenAt(to),
    ])
  ).map((list) => list.map(redactConfidential));
  const tickets = buildTickets({ opened, resolved, closed, backlog }, options.slaPolicy, options.calendar, asOf);
  if (options.slaTargets) tickets.sla.clocks = buildSlaClocks(opened, options.slaTargets, options.calendar, asOf);
  await yieldToEventLoop();

  const usage = {
    ...buildUsage(period, questions, opened, options.groupQuestions),
    knowledge: countUsage(
      questions.map((q) => ({
        id: q.id,
        conversationId: q.conversationId,
        askedAt: q.askedAt,
        outcome: q.outcome,
        top: q.sources[0]?.documentId ? { documentId: q.sources[0].documentId, title: q.sources[0].title } : undefined,
      })),
      feedback,
      conversationTickets,
    ),
  };
  await yieldToEventLoop();

  const trend12 = await buildTrend(period, data);
  const comparison = period.kind === 'monthly' ? buildComparison(trend12) : undefined;
  await yieldToEventLoop();

  const [workLogs, jobRuns] = await Promise.all([data.workLogs(from, to), data.jobRuns(from, to)]);
  const extraSections = (await Promise.all((options.sections ?? []).map((s) => s.sections(from, to)))).flat();
  return {
    kind: period.kind,
    period: { key: period.key, from: from.toISOString(), to: to.toISOString(), label: period.label },
    title: REPORT_TITLES[period.kind],
    organization: options.organization,
    generatedAt: options.now.toISOString(),
    inquiries,
    tickets,
    incidents: buildIncidents(opened),
    workLog: buildWorkLog(workLogs),
    usage,
    jobs: buildJobs(jobRuns),
    trend12,
    ...(comparison ? { comparison } : {}),
    issuesText: options.issuesText ?? '',
    ...(extraSections.length > 0 ? { extraSections } : {}),
  };
}
