/**
 * DeliveryProgress on TypeORM (table report_delivery): one row per channel of a report generation's
 * scheduled delivery. Every mark is a conditional update (`… WHERE sentAt IS NULL`, `… WHERE auditedAt IS
 * NULL`) and attempts are counted in SQL (scheduled ones in `attempts`, an administrator's 再送 in
 * `manualAttempts`), so two instances never both record a channel; `markAudited` runs on the manager of the
 * caller's open transaction, where the audit row is appended too.
 */
import { randomUUID } from 'node:crypto';
import { IsNull, LessThan, Not, type DataSource, type EntityManager } from 'typeorm';
import {
  DELIVERY_CHANNELS,
  type ChannelProgress,
  type DeliveryAttempt,
  type DeliveryChannel,
  type DeliveryGeneration,
  type DeliveryProgress,
  type ReportKind,
  type SentFacts,
  type UnfinishedDelivery,
} from '../../reports';
import { runDb } from '../run-db';
import { inTransaction, managerOf } from '../transaction-scope';

/** A row of report_delivery. */
interface ReportDeliveryRow {
  id: string;
  kind: string;
  period: string;
  generatedAt: Date;
  channel: string;
  attempts: number;
  manualAttempts: number;
  sentAt: Date | null;
  auditedAt: Date | null;
  /** The sent facts (JSON), set with sentAt. */
  detail: string | null;
  lastError: string | null;
}

const TABLE = 'report_delivery';

function toProgress(r: ReportDeliveryRow): ChannelProgress {
  return {
    kind: r.kind as ReportKind,
    period: r.period,
    generatedAt: r.generatedAt,
    channel: r.channel as DeliveryChannel,
    attempts: Number(r.attempts),
    manualAttempts: Number(r.manualAttempts),
    ...(r.sentAt ? { sentAt: r.sentAt } : {}),
    ...(r.detail ? { facts: JSON.parse(r.detail) as SentFacts } : {}),
    ...(r.auditedAt ? { auditedAt: r.auditedAt } : {}),
    ...(r.lastError ? { lastError: r.lastError } : {}),
  };
}

/** Orders rows by generation, then channel. */
function byGenerationAndChannel(a: ReportDeliveryRow, b: ReportDeliveryRow): number {
  const t = a.generatedAt.getTime() - b.generatedAt.getTime();
  return (
    t ||
    DELIVERY_CHANNELS.indexOf(a.channel as DeliveryChannel) - DELIVERY_CHANNELS.indexOf(b.channel as DeliveryChannel)
  );
}

const whereGeneration = (g: DeliveryGeneration) => ({ kind: g.kind, period: g.period, generatedAt: g.generatedAt });
const whereChannel = (g: DeliveryGeneration, channel: DeliveryChannel) => ({ ...whereGeneration(g), channel });

/** SQL implementation of DeliveryProgress. */
export class SqlReportDeliveries implements DeliveryProgress {
  constructor(private readonly ds: DataSource) {}

  begin(
    g: DeliveryGeneration,
    channels: readonly DeliveryChannel[],
    by: DeliveryAttempt = 'scheduled',
  ): Promise<ChannelProgress[]> {
    const counter = by === 'manual' ? 'manualAttempts' : 'attempts';
    return runDb(this.ds, () =>
      inTransaction(this.ds, async (em) => {
        const repo = em.getRepository<ReportDeliveryRow>(TABLE);
        const report = { kind: g.kind, period: g.period };
        const rows = await repo.find({ where: report });
        const same = (r: ReportDeliveryRow) => r.generatedAt.getTime() === g.generatedAt.getTime();
        for (const channel of channels) {
          if (!rows.some((r) => same(r) && r.channel === channel)) await this.insertIfMissing(em, g, channel);
        }
        const drop = rows.filter((r) => !r.sentAt && !(same(r) && channels.includes(r.channel as DeliveryChannel)));
        if (drop.length) await repo.delete(drop.map((r) => r.id));
        await this.pruneOn(em, g);
        await em
          .createQueryBuilder()
          .update(TABLE)
          .set({ [counter]: () => `"${counter}" + 1` })
          .where({ ...report, auditedAt: IsNull() })
          .execute();
        const open = await repo.find({ where: { ...report, auditedAt: IsNull() } });
        return open.sort(byGenerationAndChannel).map(toProgress);
      }),
    );
  }

  async plan(g: DeliveryGeneration, channels: readonly DeliveryChannel[]): Promise<void> {
    await runDb(this.ds, () =>
      inTransaction(this.ds, async (em) => {
        const rows = await em.getRepository<ReportDeliveryRow>(TABLE).find({ where: whereGeneration(g) });
        for (const channel of channels) {
          if (!rows.some((r) => r.channel === channel)) await this.insertIfMissing(em, g, channel);
        }
      }),
    );
  }

  markSent(g: DeliveryGeneration, channel: DeliveryChannel, facts: SentFacts, at: Date): Promise<boolean> {
    return this.mark({ sentAt: at, detail: JSON.stringify(facts) }, { ...whereChannel(g, channel), sentAt: IsNull() });
  }

  markAudited(g: DeliveryGeneration, channel: DeliveryChannel, at: Date): Promise<boolean> {
    return this.mark({ auditedAt: at }, { ...whereChannel(g, channel), auditedAt: IsNull() });
  }

  async noteError(g: DeliveryGeneration, channel: DeliveryChannel, error: string): Promise<void> {
    await this.mark({ lastError: error }, whereChannel(g, channel));
  }

  prune(g: DeliveryGeneration): Promise<number> {
    return runDb(this.ds, () => this.pruneOn(managerOf(this.ds), g));
  }

  async unfinished(maxAttempts: number): Promise<UnfinishedDelivery[]> {
    const rows = await runDb(this.ds, () =>
      managerOf(this.ds)
        .getRepository<ReportDeliveryRow>(TABLE)
        .find({ where: { auditedAt: IsNull(), attempts: LessThan(maxAttempts) } }),
    );
    const found: UnfinishedDelivery[] = [];
    for (const r of rows.sort(byGenerationAndChannel)) {
      if (!found.some((f) => f.kind === r.kind && f.period === r.period)) {
        found.push({ kind: r.kind as ReportKind, period: r.period });
      }
    }
    return found;
  }

  async ofReport(report: UnfinishedDelivery): Promise<ChannelProgress[]> {
    const rows = await runDb(this.ds, () =>
      managerOf(this.ds)
        .getRepository<ReportDeliveryRow>(TABLE)
        .find({ where: { kind: report.kind, period: report.period } }),
    );
    return rows.sort(byGenerationAndChannel).map(toProgress);
  }

  /** One conditional update on the open transaction's manager, if any; true when it changed a row. */
  private async mark(set: Partial<ReportDeliveryRow>, where: Record<string, unknown>): Promise<boolean> {
    const result = await runDb(this.ds, () =>
      managerOf(this.ds).createQueryBuilder().update(TABLE).set(set).where(where).execute(),
    );
    return result.affected === 1;
  }

  /** Deletes the report's rows of generations before `g` that were sent and audited. */
  private async pruneOn(em: EntityManager, g: DeliveryGeneration): Promise<number> {
    const result = await em.getRepository<ReportDeliveryRow>(TABLE).delete({
      kind: g.kind,
      period: g.period,
      generatedAt: LessThan(g.generatedAt),
      sentAt: Not(IsNull()),
      auditedAt: Not(IsNull()),
    });
    return result.affected ?? 0;
  }

  /** Inserts a channel's row; another instance's row inserted meanwhile is kept (never an error). */
  private async insertIfMissing(em: EntityManager, g: DeliveryGeneration, channel: DeliveryChannel): Promise<void> {
    const row: ReportDeliveryRow = {
      id: randomUUID(),
      ...whereChannel(g, channel),
      attempts: 0,
      manualAttempts: 0,
      sentAt: null,
      auditedAt: null,
      detail: null,
      lastError: null,
    };
    // SQL Server has no INSERT … ON CONFLICT; the lease of the delivery keeps instances from racing here.
    if (this.ds.options.type === 'mssql') await em.getRepository<ReportDeliveryRow>(TABLE).insert(row);
    else await em.createQueryBuilder().insert().into(TABLE).values(row).orIgnore().execute();
  }
}
