/**
 * The planned-work section of every report (作業実績報告書 and the periodic reports): campaigns whose
 * window overlaps the period with their progress, and the failed terminals with their incident tickets.
 */
import { formatJst } from '../calendar';
import type { ReportSection, ReportSectionSource } from '../reports';
import { CAMPAIGN_KIND_LABELS } from './labels';
import type { CampaignStore, SiteStore, TicketNumbers } from './ports';
import { percent, progressBySite } from './progress';

/** Adds the planned-work tables to reports. */
export class PlannedWorkSections implements ReportSectionSource {
  constructor(private readonly deps: { campaigns: CampaignStore; sites: SiteStore; tickets: TicketNumbers }) {}

  async sections(from: Date, to: Date): Promise<ReportSection[]> {
    const [campaigns, sites] = await Promise.all([this.deps.campaigns.overlapping(from, to), this.deps.sites.list()]);
    const siteNames = new Map(sites.map((s) => [s.id, s.name]));
    const summary: ReportSection['rows'] = [];
    const failures: { campaign: string; site: string; name: string; ticketId?: string; at: string; note: string }[] =
      [];
    for (const c of campaigns) {
      const targets = await this.deps.campaigns.targets(c.id);
      const { sites: bySite, total } = progressBySite(targets, sites);
      for (const p of [...bySite, total]) {
        summary.push([
          c.title,
          CAMPAIGN_KIND_LABELS[c.kind],
          `${formatJst(c.windowStart)}〜${formatJst(c.windowEnd)}`,
          p.siteName,
          p.total,
          p.counts.done,
          p.counts.failed,
          p.counts.planned + p.counts.in_progress,
          p.counts.excluded,
          percent(p.rate),
        ]);
      }
      for (const t of targets.filter((x) => x.state === 'failed')) {
        failures.push({
          campaign: c.title,
          site: siteNames.get(t.siteId) ?? '',
          name: t.computerName,
          ticketId: t.ticketId,
          at: t.finishedAt ? formatJst(t.finishedAt) : '',
          note: t.note ?? '',
        });
      }
    }
    const numbers = await this.deps.tickets.numbersOf(failures.flatMap((f) => (f.ticketId ? [f.ticketId] : [])));
    return [
      {
        id: 'planned-work',
        title: '計画作業の進捗（拠点別）',
        sheet: '計画作業',
        columns: ['作業名', '種別', '作業期間', '拠点', '対象台数', '完了', '失敗', '未完了', '対象外', '適用率'],
        rows: summary,
        emptyText: '当該期間の計画作業はありません。',
      },
      {
        id: 'planned-work-failures',
        title: '計画作業の失敗端末',
        sheet: '計画作業の失敗',
        columns: ['作業名', '拠点', 'コンピュータ名', '失敗日時', '障害チケット', '備考'],
        rows: failures.map((f) => [
          f.campaign,
          f.site,
          f.name,
          f.at,
          f.ticketId ? (numbers.get(f.ticketId) ?? '') : '',
          f.note,
        ]),
        emptyText: '当該期間に失敗した計画作業はありません。',
      },
    ];
  }
}
