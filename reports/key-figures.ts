/** The key figures (主要指標) table: the one list of headline numbers every renderer shows. */
import { formatMinutes, formatRate } from './format';
import { FIGURE_LABELS as L, TEXT } from './labels';
import type { ReportModel } from './model';

/** One headline figure: a label, its value (number, or a formatted text) and a unit. */
export interface KeyFigure {
  id: keyof typeof L;
  label: string;
  value: number | string;
  unit: string;
}

/** The key figures of a report, in display order. */
export function keyFigures(m: ReportModel): KeyFigure[] {
  const q = m.inquiries;
  const t = m.tickets;
  const count = (id: keyof typeof L, value: number): KeyFigure => ({ id, label: L[id], value, unit: TEXT.unitCount });
  const text = (id: keyof typeof L, value: number | string): KeyFigure => ({ id, label: L[id], value, unit: '' });
  return [
    count('asked', q.asked),
    count('answered', q.answered),
    count('tentative', q.tentative),
    count('clarified', q.clarified),
    count('notAnswered', q.notAnswered),
    count('escalated', q.escalated),
    text('autoAnswerRate', formatRate(q.autoAnswerRate)),
    count('deflected', q.deflected),
    text('deflectionRate', formatRate(q.deflectionRate)),
    count('feedback', q.feedbackCount),
    text('resolvedRate', formatRate(q.resolvedRate)),
    count('opened', t.opened),
    count('resolved', t.resolved),
    count('closed', t.closed),
    count('backlog', t.backlogAtEnd),
    count('slaEvaluated', t.sla.evaluated),
    count('slaMet', t.sla.met),
    count('slaBreached', t.sla.breached),
    text('slaCompliance', formatRate(t.sla.complianceRate)),
    text('responseMedian', formatMinutes(t.sla.response.median)),
    text('responseP95', formatMinutes(t.sla.response.p95)),
    text('resolutionMedian', formatMinutes(t.sla.resolution.median)),
    text('resolutionP95', formatMinutes(t.sla.resolution.p95)),
    count('incidents', m.incidents.length),
    count('workLogs', m.workLog.length),
    count(
      'jobRuns',
      m.jobs.reduce((n, j) => n + j.runs, 0),
    ),
    count(
      'jobFailures',
      m.jobs.reduce((n, j) => n + j.failures, 0),
    ),
  ];
}
