/** The 機密性3 roster as a report section (issue 16 point 5): who was rostered during the period. */
import { formatJst, jstDateKey } from '../calendar';
import type { ConfidentialRosterStore, RosterEntry } from '../tickets';
import type { ReportSection, ReportSectionSource } from './report-section';

/** Japanese texts of the section. */
const ROSTER_SECTION = {
  title: '機密性3 取扱者名簿（期間中に有効な登録）',
  sheet: '機密性3名簿',
  columns: ['担当者', '開始日', '終了日', '承認者', '備考', '取消'],
  empty: '当該期間に有効な登録はありません。',
};

/** Entries in force at some time of [from, to), oldest period first. */
export function rosterRows(entries: readonly RosterEntry[], from: Date, to: Date): string[][] {
  return entries
    .filter((e) => {
      const end = e.revokedAt && e.revokedAt < e.validTo ? e.revokedAt : e.validTo;
      return e.validFrom < to && end > from && e.validFrom < end;
    })
    .sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime() || (a.username < b.username ? -1 : 1))
    .map((e) => [
      e.username,
      jstDateKey(e.validFrom),
      jstDateKey(new Date(e.validTo.getTime() - 1)),
      e.approver,
      e.note ?? '',
      e.revokedAt ? formatJst(e.revokedAt) : '',
    ]);
}

/** The section source for wireReports' `sections`. */
export function rosterReportSection(store: Pick<ConfidentialRosterStore, 'list'>): ReportSectionSource {
  return {
    async sections(from: Date, to: Date): Promise<ReportSection[]> {
      return [
        {
          id: 'confidential-roster',
          title: ROSTER_SECTION.title,
          sheet: ROSTER_SECTION.sheet,
          columns: [...ROSTER_SECTION.columns],
          rows: rosterRows(await store.list(), from, to),
          emptyText: ROSTER_SECTION.empty,
        },
      ];
    },
  };
}
