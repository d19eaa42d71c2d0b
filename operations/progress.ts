/** Progress of a campaign per site: how many terminals are in each state. */
import type { CampaignTarget, Site, TargetState } from './types';
import { TARGET_STATES } from './types';

/** Counts of one site (or the total). */
export interface SiteProgress {
  siteId: string;
  siteName: string;
  total: number;
  counts: Record<TargetState, number>;
  /** 完了 / (total − 対象外), 0–1; 1 when every terminal is 対象外. */
  rate: number;
}

const zero = (): Record<TargetState, number> =>
  Object.fromEntries(TARGET_STATES.map((s) => [s, 0])) as Record<TargetState, number>;

function finish(p: Omit<SiteProgress, 'rate'>): SiteProgress {
  const relevant = p.total - p.counts.excluded;
  return { ...p, rate: relevant === 0 ? 1 : p.counts.done / relevant };
}

/** Progress per site (in the order of `sites`, unknown sites last) and the total. */
export function progressBySite(
  targets: readonly CampaignTarget[],
  sites: readonly Site[],
): { sites: SiteProgress[]; total: SiteProgress } {
  const bySite = new Map<string, Omit<SiteProgress, 'rate'>>();
  const names = new Map(sites.map((s) => [s.id, s.name]));
  const total = { siteId: '', siteName: '合計', total: 0, counts: zero() };
  for (const t of targets) {
    let p = bySite.get(t.siteId);
    if (!p) {
      p = { siteId: t.siteId, siteName: names.get(t.siteId) ?? '（削除された拠点）', total: 0, counts: zero() };
      bySite.set(t.siteId, p);
    }
    p.total++;
    p.counts[t.state]++;
    total.total++;
    total.counts[t.state]++;
  }
  const order = new Map(sites.map((s, i) => [s.id, i]));
  const list = [...bySite.values()].sort(
    (a, b) => (order.get(a.siteId) ?? 1e9) - (order.get(b.siteId) ?? 1e9) || a.siteName.localeCompare(b.siteName),
  );
  return { sites: list.map(finish), total: finish(total) };
}

/** 「85.0%」. */
export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
