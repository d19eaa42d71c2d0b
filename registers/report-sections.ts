/** The registers' and lending's tables in every report (ReportSectionSource of reports/). */
import { formatJst, formatJstRange } from '../calendar';
import type { ReportSection, ReportSectionSource } from '../reports';
import { BOOKING_STATUS_LABELS, EQUIPMENT_LABELS, REGISTER_LABELS, REGISTER_REPORT_TEXT as T } from './messages';
import type { LendingStore, RegisterStore } from './ports';
import { EQUIPMENT_KINDS, isOverdue, type Booking, type LendingItem } from './types';

const HOUR_MS = 3_600_000;
const inRange = (at: Date | undefined, from: Date, to: Date) =>
  at !== undefined && at.getTime() >= from.getTime() && at.getTime() < to.getTime();

/** Report sections of the registers and the lending. */
export class RegisterReportSections implements ReportSectionSource {
  constructor(private readonly deps: { registers: RegisterStore; lending: LendingStore; now: () => Date }) {}

  async sections(from: Date, to: Date): Promise<ReportSection[]> {
    const changed = await this.deps.registers.changedIn(from, to);
    const issued = changed.filter((e) => inRange(e.issuedAt, from, to));
    const withdrawn = changed.filter((e) => inRange(e.withdrawnAt, from, to));
    const items = await this.deps.lending.items();
    const bookings = await this.deps.lending.bookings({ from, to });
    const byId = new Map(items.map((i) => [i.id, i]));
    const section = (spec: { title: string; sheet: string }, id: string, columns: readonly string[]) => ({
      id,
      title: spec.title,
      sheet: spec.sheet,
      columns: [...columns],
    });
    return [
      {
        ...section(T.issued, 'register-issued', T.registerColumns),
        rows: issued.map((e) => [
          REGISTER_LABELS[e.kind],
          e.value,
          formatJst(e.issuedAt),
          e.department,
          e.requester,
          e.issuedBy,
          e.issueReason,
        ]),
        emptyText: T.noRegister,
      },
      {
        ...section(T.withdrawn, 'register-withdrawn', T.registerColumns),
        rows: withdrawn.map((e) => [
          REGISTER_LABELS[e.kind],
          e.value,
          e.withdrawnAt ? formatJst(e.withdrawnAt) : '',
          e.department,
          e.requester,
          e.withdrawnBy ?? '',
          e.withdrawReason ?? '',
        ]),
        emptyText: T.noRegister,
      },
      {
        ...section(T.bookings, 'lending-bookings', T.bookingColumns),
        rows: bookings.map((b) => {
          const item = byId.get(b.itemId);
          return [
            item?.name ?? b.itemId,
            item ? EQUIPMENT_LABELS[item.kind] : '',
            formatJstRange(b.startsAt, b.endsAt),
            b.department,
            b.requester,
            b.purpose,
            BOOKING_STATUS_LABELS[b.status],
          ];
        }),
        emptyText: T.noBooking,
      },
      {
        ...section(T.utilisation, 'lending-utilisation', T.utilisationColumns),
        rows: utilisation(items, bookings, from, to),
      },
      {
        ...section(T.overdue, 'lending-overdue', T.overdueColumns),
        rows: await this.overdue(byId),
        emptyText: T.noOverdue,
      },
    ];
  }

  /** Items checked out and past their window now (as of generation). */
  private async overdue(byId: Map<string, LendingItem>) {
    const now = this.deps.now();
    const out = await this.deps.lending.bookings({ statuses: ['checked_out'] });
    return out
      .filter((b) => isOverdue(b, now))
      .map((b) => [
        byId.get(b.itemId)?.name ?? b.itemId,
        formatJst(b.endsAt),
        b.department,
        b.requester,
        Math.floor((now.getTime() - b.endsAt.getTime()) / (24 * HOUR_MS)),
      ]);
  }
}

/** Per kind: items, bookings, hours lent inside the period and the share of the items' hours. */
function utilisation(items: LendingItem[], bookings: Booking[], from: Date, to: Date) {
  const periodHours = (to.getTime() - from.getTime()) / HOUR_MS;
  const used = bookings.filter((b) => ['approved', 'checked_out', 'returned'].includes(b.status));
  return EQUIPMENT_KINDS.map((kind) => {
    const ids = new Set(items.filter((i) => i.kind === kind && !i.retiredAt).map((i) => i.id));
    const mine = used.filter((b) => ids.has(b.itemId) || items.find((i) => i.id === b.itemId)?.kind === kind);
    const hours = mine.reduce(
      (sum, b) =>
        sum + (Math.min(b.endsAt.getTime(), to.getTime()) - Math.max(b.startsAt.getTime(), from.getTime())) / HOUR_MS,
      0,
    );
    const rate = ids.size === 0 ? '—' : `${((hours / (ids.size * periodHours)) * 100).toFixed(1)}%`;
    return [EQUIPMENT_LABELS[kind], ids.size, mine.length, Math.round(hours * 10) / 10, rate];
  });
}
