/**
 * SLA compliance per ticket type and clock (issue 16 point 4): for the tickets opened in the period,
 * each clock of its type (response, resolution, and for incidents 復旧作業開始 and 障害報告書) counted as
 * met, breached (late or still running past its due time) or pending at the evaluation time.
 */
import { computeTicketClocks, TICKET_TYPES, type SlaTargets, type TicketRecord } from '../tickets';
import { SLA_CLOCK_KINDS, SLA_CLOCK_LABELS, type SlaCalendar, type SlaClockKind } from '../calendar';
import { formatRate } from './format';
import { TYPE_LABELS } from './labels';
import type { ReportTable } from './tables';
import { rate } from './stats';

/** One row: a clock of a ticket type. */
export interface SlaClockFigure {
  type: string;
  clock: SlaClockKind;
  evaluated: number;
  met: number;
  breached: number;
  pending: number;
  /** met / evaluated; null when none evaluated. */
  complianceRate: number | null;
}

const seen = (t: Date | undefined, asOf: Date): Date | undefined =>
  t && t.getTime() <= asOf.getTime() ? t : undefined;

/** The figures of every (type, clock) pair that has tickets, in type then clock order. */
export function buildSlaClocks(
  opened: readonly TicketRecord[],
  targets: SlaTargets,
  calendar: SlaCalendar,
  asOf: Date,
): SlaClockFigure[] {
  const tally = new Map<string, SlaClockFigure>();
  for (const t of opened) {
    const clocks = computeTicketClocks(
      {
        type: t.type,
        priority: t.priority,
        createdAt: t.createdAt,
        firstResponseAt: seen(t.firstResponseAt, asOf),
        resolvedAt: seen(t.resolvedAt, asOf),
        holds: t.holds
          .filter((h) => h.from.getTime() <= asOf.getTime())
          .map((h) => ({ from: h.from, to: seen(h.to, asOf) })),
        restorationStartedAt: seen(t.restorationStartedAt, asOf),
        incidentReportAt: seen(t.incidentReportAt, asOf),
      },
      targets,
      calendar,
      asOf,
    );
    for (const kind of SLA_CLOCK_KINDS) {
      const c = clocks[kind];
      if (!c) continue;
      const key = `${t.type}/${kind}`;
      const f = tally.get(key) ?? {
        type: t.type,
        clock: kind,
        evaluated: 0,
        met: 0,
        breached: 0,
        pending: 0,
        complianceRate: null,
      };
      if (c.state === 'met') f.met += 1;
      else if (c.state === 'met_late' || c.state === 'breached') f.breached += 1;
      else f.pending += 1;
      f.evaluated = f.met + f.breached;
      f.complianceRate = rate(f.met, f.evaluated);
      tally.set(key, f);
    }
  }
  const order = (f: SlaClockFigure) =>
    TICKET_TYPES.indexOf(f.type as (typeof TICKET_TYPES)[number]) * 10 + SLA_CLOCK_KINDS.indexOf(f.clock);
  return [...tally.values()].sort((a, b) => order(a) - order(b));
}

/** The table of the figures (after the SLA breaches). */
export function slaClockTable(figures: readonly SlaClockFigure[]): ReportTable {
  return {
    id: 'sla-clocks',
    title: 'SLA遵守状況（種別・時計別）',
    sheet: 'SLA種別別',
    columns: ['種別', '時計', '判定対象件数', '遵守', '超過', '判定前', '遵守率'],
    rows: figures.map((f) => [
      (TYPE_LABELS as Record<string, string>)[f.type] ?? f.type,
      SLA_CLOCK_LABELS[f.clock],
      f.evaluated,
      f.met,
      f.breached,
      f.pending,
      formatRate(f.complianceRate),
    ]),
    emptyText: '当該期間に受け付けたチケットはありません。',
  };
}
