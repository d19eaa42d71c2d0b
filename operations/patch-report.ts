/**
 * 適用結果報告 (the patch application report): per site and per terminal results of a campaign,
 * due a configurable number of days (7 by default) after the patch's release date. One model,
 * printed as the console page, an xlsx workbook and CSV.
 */
import { formatJst, jstDateKey } from '../calendar';
import type { ReportTable } from '../reports';
import { addDays } from './campaign-rules';
import { CAMPAIGN_KIND_LABELS, TARGET_STATE_LABELS } from './labels';
import { percent, type SiteProgress } from './progress';
import type { CampaignView } from './campaign-service';
import type { Campaign, Terminal } from './types';

/** The report of one campaign. */
export interface PatchReport {
  campaign: Campaign;
  /** YYYY-MM-DD: release date + due days; undefined without a release date. */
  dueDate?: string;
  /** The report is late: today (JST) is after the due date. */
  overdue: boolean;
  generatedAt: Date;
  progress: { sites: SiteProgress[]; total: SiteProgress };
  rows: PatchReportRow[];
}

/** One terminal's result. */
export interface PatchReportRow {
  siteName: string;
  computerName: string;
  ipAddress: string;
  department: string;
  result: string;
  finishedAt: string;
  ticketNumber: string;
  note: string;
}

/** Builds the report of a campaign; `dueDays` from the configuration. */
export function buildPatchReport(
  view: CampaignView,
  terminals: readonly Terminal[],
  ticketNumbers: Map<string, string>,
  dueDays: number,
  now: Date,
): PatchReport {
  const byId = new Map(terminals.map((t) => [t.id, t]));
  const siteNames = new Map(view.progress.sites.map((s) => [s.siteId, s.siteName]));
  const order = new Map(view.progress.sites.map((s, i) => [s.siteId, i]));
  const targets = [...view.targets].sort(
    (a, b) => (order.get(a.siteId) ?? 0) - (order.get(b.siteId) ?? 0) || a.computerName.localeCompare(b.computerName),
  );
  const dueDate = view.campaign.releaseDate ? addDays(view.campaign.releaseDate, dueDays) : undefined;
  return {
    campaign: view.campaign,
    dueDate,
    overdue: dueDate !== undefined && jstDateKey(now) > dueDate,
    generatedAt: now,
    progress: view.progress,
    rows: targets.map((t) => {
      const terminal = byId.get(t.terminalId);
      return {
        siteName: siteNames.get(t.siteId) ?? '',
        computerName: t.computerName,
        ipAddress: terminal?.ipAddress ?? '',
        department: terminal?.department ?? '',
        result: TARGET_STATE_LABELS[t.state],
        finishedAt: t.finishedAt ? formatJst(t.finishedAt) : '',
        ticketNumber: t.ticketId ? (ticketNumbers.get(t.ticketId) ?? '') : '',
        note: t.note ?? '',
      };
    }),
  };
}

/** The report's header lines (label, value). */
export function patchReportHeader(r: PatchReport): [string, string][] {
  const c = r.campaign;
  return [
    ['作業名', c.title],
    ['種別', CAMPAIGN_KIND_LABELS[c.kind]],
    ['パッチ公開日', c.releaseDate ?? '―'],
    ['報告期限', r.dueDate ? `${r.dueDate}${r.overdue ? '（期限超過）' : ''}` : '―'],
    ['作業期間', `${formatJst(c.windowStart)}〜${formatJst(c.windowEnd)}`],
    ['作成日時', formatJst(r.generatedAt)],
    ['適用率', percent(r.progress.total.rate)],
  ];
}

/** The report's tables: the header, results per site, results per terminal. */
export function patchReportTables(r: PatchReport): ReportTable[] {
  const siteRow = (p: SiteProgress) => [
    p.siteName,
    p.total,
    p.counts.done,
    p.counts.failed,
    p.counts.in_progress + p.counts.planned,
    p.counts.excluded,
    percent(p.rate),
  ];
  return [
    { id: 'summary', title: '適用結果報告', sheet: '概要', columns: ['項目', '内容'], rows: patchReportHeader(r) },
    {
      id: 'sites',
      title: '拠点別の適用結果',
      sheet: '拠点別',
      columns: ['拠点', '対象台数', '完了', '失敗', '未完了', '対象外', '適用率'],
      rows: [...r.progress.sites.map(siteRow), siteRow(r.progress.total)],
    },
    {
      id: 'terminals',
      title: '端末別の適用結果',
      sheet: '端末別',
      columns: ['拠点', 'コンピュータ名', 'IPアドレス', '所属', '結果', '完了・失敗日時', '障害チケット', '備考'],
      rows: r.rows.map((x) => [
        x.siteName,
        x.computerName,
        x.ipAddress,
        x.department,
        x.result,
        x.finishedAt,
        x.ticketNumber,
        x.note,
      ]),
    },
  ];
}
