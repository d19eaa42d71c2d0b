/**
 * CampaignStore on TypeORM (tables campaign and campaign_target). A target's state moves by a
 * conditional UPDATE on (state, version), so two operators changing the same terminal cannot both win.
 */
import { randomUUID } from 'node:crypto';
import { LessThan, MoreThan, type DataSource } from 'typeorm';
import type {
  Campaign,
  CampaignInput,
  CampaignKind,
  CampaignStore,
  CampaignTarget,
  TargetState,
} from '../../operations';
import type { CampaignRow, CampaignTargetRow } from '../schema';
import { runDb } from '../run-db';
import { inTransaction, managerOf } from '../transaction-scope';

const CHUNK = 100;

const toCampaign = (r: CampaignRow): Campaign => ({
  id: r.id,
  kind: r.kind as CampaignKind,
  title: r.title,
  releaseDate: r.releaseDate ?? undefined,
  windowStart: r.windowStart,
  windowEnd: r.windowEnd,
  description: r.description ?? undefined,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
});

const toTarget = (r: CampaignTargetRow): CampaignTarget => ({
  campaignId: r.campaignId,
  terminalId: r.terminalId,
  siteId: r.siteId,
  computerName: r.computerName,
  state: r.state as TargetState,
  note: r.note ?? undefined,
  ticketId: r.ticketId ?? undefined,
  startedAt: r.startedAt ?? undefined,
  finishedAt: r.finishedAt ?? undefined,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy ?? undefined,
  version: r.version,
});

/** SQL implementation of CampaignStore. */
export class SqlCampaignStore implements CampaignStore {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private campaigns() {
    return managerOf(this.ds).getRepository<CampaignRow>('campaign');
  }

  private targetRepo() {
    return managerOf(this.ds).getRepository<CampaignTargetRow>('campaign_target');
  }

  async create(
    input: CampaignInput,
    targets: readonly Pick<CampaignTarget, 'terminalId' | 'siteId' | 'computerName'>[],
    actor: string,
  ): Promise<Campaign> {
    const at = this.now();
    const row: CampaignRow = {
      id: randomUUID(),
      kind: input.kind,
      title: input.title,
      releaseDate: input.releaseDate ?? null,
      windowStart: input.windowStart,
      windowEnd: input.windowEnd,
      description: input.description ?? null,
      createdBy: actor,
      createdAt: at,
    };
    const rows: CampaignTargetRow[] = targets.map((t) => ({
      id: randomUUID(),
      campaignId: row.id,
      terminalId: t.terminalId,
      siteId: t.siteId,
      computerName: t.computerName,
      state: 'planned',
      note: null,
      ticketId: null,
      startedAt: null,
      finishedAt: null,
      updatedAt: at,
      updatedBy: null,
      version: 1,
    }));
    await runDb(this.ds, () =>
      inTransaction(this.ds, async (em) => {
        await em.getRepository<CampaignRow>('campaign').insert(row);
        for (let i = 0; i < rows.length; i += CHUNK)
          await em.getRepository<CampaignTargetRow>('campaign_target').insert(rows.slice(i, i + CHUNK));
      }),
    );
    return toCampaign(row);
  }

  async get(id: string): Promise<Campaign | undefined> {
    const row = await runDb(this.ds, () => this.campaigns().findOneBy({ id }));
    return row ? toCampaign(row) : undefined;
  }

  async list(limit: number): Promise<Campaign[]> {
    const rows = await runDb(this.ds, () => this.campaigns().find({ order: { createdAt: 'DESC' }, take: limit }));
    return rows.map(toCampaign);
  }

  async overlapping(from: Date, to: Date): Promise<Campaign[]> {
    const rows = await runDb(this.ds, () =>
      this.campaigns().find({
        where: { windowStart: LessThan(to), windowEnd: MoreThan(from) },
        order: { windowStart: 'ASC' },
      }),
    );
    return rows.map(toCampaign);
  }

  async targets(campaignId: string): Promise<CampaignTarget[]> {
    const rows = await runDb(this.ds, () =>
      this.targetRepo().find({ where: { campaignId }, order: { computerName: 'ASC' } }),
    );
    return rows.map(toTarget);
  }

  async moveTarget(
    campaignId: string,
    terminalId: string,
    from: { state: TargetState; version: number },
    change: Pick<CampaignTarget, 'state' | 'note' | 'ticketId' | 'startedAt' | 'finishedAt'> & { updatedBy: string },
  ): Promise<boolean> {
    const result = await runDb(this.ds, () =>
      managerOf(this.ds)
        .createQueryBuilder()
        .update('campaign_target')
        .set({
          state: change.state,
          note: change.note ?? null,
          ticketId: change.ticketId ?? null,
          startedAt: change.startedAt ?? null,
          finishedAt: change.finishedAt ?? null,
          updatedBy: change.updatedBy,
          updatedAt: this.now(),
          version: () => `${this.ds.driver.escape('version')} + 1`,
        })
        .where('campaignId = :campaignId AND terminalId = :terminalId AND state = :state AND version = :version', {
          campaignId,
          terminalId,
          state: from.state,
          version: from.version,
        })
        .execute(),
    );
    return Boolean(result.affected);
  }
}
