/**
 * Planned work (計画作業): campaigns over selected terminals or whole sites with a window, the state
 * of each terminal's work, progress per site. A failure opens an incident ticket linked to the
 * terminal and a completion writes a work-log entry, in the same transaction as the state change
 * and its audit entry.
 */
import { KotaeError } from '../core';
import type { AuditTrail } from '../core';
import type { Clock } from '../core';
import { formatJst } from '../calendar';
import { canMove, checkCampaign, MAX_TARGET_NOTE } from './campaign-rules';
import { CAMPAIGN_KIND_LABELS, TARGET_STATE_LABELS } from './labels';
import { OPS_MESSAGES as M } from './messages';
import type { CampaignStore, CompletionLog, IncidentOpener, SiteStore, TerminalStore, TicketNumbers } from './ports';
import { buildPatchReport, type PatchReport } from './patch-report';
import { progressBySite, type SiteProgress } from './progress';
import { TARGET_STATES, type Campaign, type CampaignTarget, type TargetState } from './types';

/** What CampaignService needs. */
export interface CampaignServiceDeps {
  campaigns: CampaignStore;
  terminals: TerminalStore;
  sites: SiteStore;
  audit: AuditTrail;
  clock: Clock;
  incidents: IncidentOpener;
  completions: CompletionLog;
  tickets: TicketNumbers;
  /** The 適用結果報告 is due this many days after the patch's release date (app/config.ts). */
  reportDueDays: number;
}

/** Who changes a terminal's state (the work log names the display name). */
export interface CampaignActor {
  username: string;
  displayName: string;
}

/** A new campaign as typed: targets are terminals and/or whole sites. */
export interface NewCampaign {
  kind: string;
  title: string;
  releaseDate?: string;
  windowStart: Date;
  windowEnd: Date;
  description?: string;
  terminalIds: readonly string[];
  siteIds: readonly string[];
}

/** A campaign with its targets and progress. */
export interface CampaignView {
  campaign: Campaign;
  targets: CampaignTarget[];
  progress: { sites: SiteProgress[]; total: SiteProgress };
}

const invalid = (userMessage: string) => new KotaeError('INPUT_INVALID', 'invalid state change', { userMessage });

/** Works campaigns on behalf of operators. */
export class CampaignService {
  constructor(private readonly deps: CampaignServiceDeps) {}

  list(limit = 100): Promise<Campaign[]> {
    return this.deps.campaigns.list(limit);
  }

  async get(id: string): Promise<Campaign> {
    const campaign = await this.deps.campaigns.get(id);
    if (!campaign) throw new KotaeError('NOT_FOUND', `campaign ${id} not found`, { userMessage: M.campaignNotFound });
    return campaign;
  }

  /** The campaign, its targets (by site, then name) and the progress per site. */
  async view(id: string): Promise<CampaignView> {
    const campaign = await this.get(id);
    const [targets, sites] = await Promise.all([this.deps.campaigns.targets(id), this.deps.sites.list()]);
    return { campaign, targets, progress: progressBySite(targets, sites) };
  }

  /** Numbers of the incident tickets of these targets, by ticket id. */
  ticketNumbers(targets: readonly CampaignTarget[]): Promise<Map<string, string>> {
    return this.deps.tickets.numbersOf(targets.flatMap((t) => (t.ticketId ? [t.ticketId] : [])));
  }

  /** The 適用結果報告 of a campaign as of now. */
  async patchReport(id: string): Promise<PatchReport> {
    const view = await this.view(id);
    const [terminals, numbers] = await Promise.all([
      this.deps.terminals.getMany(view.targets.map((t) => t.terminalId)),
      this.ticketNumbers(view.targets),
    ]);
    return buildPatchReport(view, terminals, numbers, this.deps.reportDueDays, this.deps.clock.now());
  }

  /** Plans a campaign over the chosen terminals and every terminal of the chosen sites. */
  async create(input: NewCampaign, actor: string): Promise<Campaign> {
    const valid = checkCampaign(input);
    const fromSites = input.siteIds.length > 0 ? await this.deps.terminals.idsAtSites(input.siteIds) : [];
    const ids = [...new Set([...input.terminalIds, ...fromSites])];
    const terminals = await this.deps.terminals.getMany(ids);
    if (terminals.length === 0) throw invalid(M.campaignNoTargets);
    const targets = terminals.map((t) => ({ terminalId: t.id, siteId: t.siteId, computerName: t.computerName }));
    return this.deps.audit.atomically(
      () => this.deps.campaigns.create(valid, targets, actor),
      (c) => ({
        actor,
        action: 'campaign.create',
        target: c.id,
        detail: { kind: c.kind, title: c.title, terminals: targets.length },
      }),
    );
  }

  /**
   * Moves the chosen terminals' work to `state`, all or none: 失敗 opens one incident ticket per
   * terminal (linked to it), 完了 writes one work-log entry per terminal. Returns the incident numbers.
   */
  async setState(
    campaignId: string,
    terminalIds: readonly string[],
    state: string,
    note: string,
    actor: CampaignActor,
  ): Promise<{ changed: number; incidents: string[] }> {
    const to = TARGET_STATES.find((s) => s === state);
    if (!to) throw invalid(M.targetStateInvalid);
    if (terminalIds.length === 0) throw invalid(M.targetNoneSelected);
    const text = note.trim();
    if (text.length > MAX_TARGET_NOTE) throw invalid(M.noteTooLong(MAX_TARGET_NOTE));
    const campaign = await this.get(campaignId);
    const all = new Map((await this.deps.campaigns.targets(campaignId)).map((t) => [t.terminalId, t]));
    const chosen = [...new Set(terminalIds)].map((id) => all.get(id));
    if (chosen.some((t) => !t)) throw invalid(M.targetNotInCampaign);
    for (const t of chosen as CampaignTarget[]) {
      if (!canMove(t.state, to))
        throw invalid(
          `${t.computerName}: ${M.targetTransition(TARGET_STATE_LABELS[t.state], TARGET_STATE_LABELS[to])}`,
        );
    }
    const sites = new Map((await this.deps.sites.list()).map((s) => [s.id, s.name]));
    return this.deps.audit.atomically(
      async () => {
        const incidents: string[] = [];
        for (const t of chosen as CampaignTarget[]) {
          const number = await this.move(campaign, t, to, text, actor, sites.get(t.siteId) ?? '');
          if (number) incidents.push(number);
        }
        return { changed: chosen.length, incidents };
      },
      (r) => ({
        actor: actor.username,
        action: 'campaign.state',
        target: campaignId,
        detail: {
          state: to,
          terminals: (chosen as CampaignTarget[]).map((t) => t.computerName),
          incidents: r.incidents,
        },
      }),
    );
  }

  /** One terminal's change (inside the caller's transaction); returns the incident number on 失敗. */
  private async move(
    campaign: Campaign,
    t: CampaignTarget,
    to: TargetState,
    note: string,
    actor: CampaignActor,
    siteName: string,
  ): Promise<string | undefined> {
    const now = this.deps.clock.now();
    const kind = CAMPAIGN_KIND_LABELS[campaign.kind];
    const startedAt = to === 'in_progress' ? now : to === 'planned' ? undefined : (t.startedAt ?? now);
    const finishedAt = to === 'done' || to === 'failed' ? now : undefined;
    let ticketId = t.ticketId;
    let number: string | undefined;
    if (to === 'failed') {
      const ticket = await this.deps.incidents.open(
        {
          title: `${kind}失敗: ${t.computerName}（${campaign.title}）`,
          details: [
            `計画作業「${campaign.title}」（${kind}）で、${siteName} の端末 ${t.computerName} の作業が失敗しました。`,
            `作業期間: ${formatJst(campaign.windowStart)}〜${formatJst(campaign.windowEnd)}`,
            note ? `状況: ${note}` : '',
          ]
            .filter(Boolean)
            .join('\n'),
          terminalId: t.terminalId,
        },
        actor,
      );
      ticketId = ticket.id;
      number = ticket.number;
    }
    const moved = await this.deps.campaigns.moveTarget(campaign.id, t.terminalId, t, {
      state: to,
      note: note || undefined,
      ticketId,
      startedAt,
      finishedAt,
      updatedBy: actor.username,
    });
    if (!moved) throw new KotaeError('CONFLICT', `target ${t.terminalId} of ${campaign.id} changed meanwhile`);
    if (to === 'done') {
      await this.deps.completions.add({
        startedAt: startedAt ?? now,
        endedAt: now,
        operatorName: actor.displayName,
        title: `${kind}: ${campaign.title}（${t.computerName}）`,
        content: `${siteName} の端末 ${t.computerName} で「${campaign.title}」（${kind}）を完了しました。${note ? `\n${note}` : ''}`,
        createdBy: actor.username,
      });
    }
    return number;
  }
}
