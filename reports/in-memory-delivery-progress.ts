/** DeliveryProgress in memory: the fake for unit tests (passes the delivery-progress contract). */
import {
  DELIVERY_CHANNELS,
  type ChannelProgress,
  type DeliveryAttempt,
  type DeliveryChannel,
  type DeliveryGeneration,
  type DeliveryProgress,
  type SentFacts,
  type UnfinishedDelivery,
} from './delivery-progress';

const sameReport = (a: UnfinishedDelivery, b: UnfinishedDelivery) => a.kind === b.kind && a.period === b.period;
const sameGeneration = (a: DeliveryGeneration, b: DeliveryGeneration) =>
  sameReport(a, b) && a.generatedAt.getTime() === b.generatedAt.getTime();
/** A row of an earlier generation of `g`'s report that was sent and audited: nothing left to do. */
const superseded = (r: ChannelProgress, g: DeliveryGeneration) =>
  sameReport(r, g) && r.generatedAt.getTime() < g.generatedAt.getTime() && Boolean(r.sentAt && r.auditedAt);

/** Orders rows by generation, then channel. */
function byGenerationAndChannel(a: ChannelProgress, b: ChannelProgress): number {
  const t = a.generatedAt.getTime() - b.generatedAt.getTime();
  return t || DELIVERY_CHANNELS.indexOf(a.channel) - DELIVERY_CHANNELS.indexOf(b.channel);
}

/** In-memory implementation of DeliveryProgress. */
export class InMemoryDeliveryProgress implements DeliveryProgress {
  private rows: ChannelProgress[] = [];

  /** Every row as stored (tests). */
  all(): ChannelProgress[] {
    return this.rows.map((r) => structuredClone(r)).sort(byGenerationAndChannel);
  }

  async begin(
    g: DeliveryGeneration,
    channels: readonly DeliveryChannel[],
    by: DeliveryAttempt = 'scheduled',
  ): Promise<ChannelProgress[]> {
    await this.plan(g, channels);
    await this.prune(g);
    this.rows = this.rows.filter(
      (r) => !sameReport(r, g) || r.sentAt || (sameGeneration(r, g) && channels.includes(r.channel)),
    );
    const open = this.rows.filter((r) => sameReport(r, g) && !r.auditedAt);
    for (const r of open) {
      if (by === 'manual') r.manualAttempts += 1;
      else r.attempts += 1;
    }
    return open.map((r) => structuredClone(r)).sort(byGenerationAndChannel);
  }

  async plan(g: DeliveryGeneration, channels: readonly DeliveryChannel[]): Promise<void> {
    for (const channel of channels) {
      if (!this.find(g, channel)) this.rows.push({ ...copy(g), channel, attempts: 0, manualAttempts: 0 });
    }
  }

  async prune(g: DeliveryGeneration): Promise<number> {
    const before = this.rows.length;
    this.rows = this.rows.filter((r) => !superseded(r, g));
    return before - this.rows.length;
  }

  async markSent(g: DeliveryGeneration, channel: DeliveryChannel, facts: SentFacts, at: Date): Promise<boolean> {
    const row = this.find(g, channel);
    if (!row || row.sentAt) return false;
    row.sentAt = new Date(at.getTime());
    row.facts = { ...facts };
    return true;
  }

  async markAudited(g: DeliveryGeneration, channel: DeliveryChannel, at: Date): Promise<boolean> {
    const row = this.find(g, channel);
    if (!row || row.auditedAt) return false;
    row.auditedAt = new Date(at.getTime());
    return true;
  }

  async noteError(g: DeliveryGeneration, channel: DeliveryChannel, error: string): Promise<void> {
    const row = this.find(g, channel);
    if (row) row.lastError = error;
  }

  async unfinished(maxAttempts: number): Promise<UnfinishedDelivery[]> {
    const found: UnfinishedDelivery[] = [];
    for (const r of [...this.rows].sort(byGenerationAndChannel)) {
      if (r.auditedAt || r.attempts >= maxAttempts || found.some((f) => sameReport(f, r))) {
        continue;
      }
      found.push({ kind: r.kind, period: r.period });
    }
    return found;
  }

  async ofReport(report: UnfinishedDelivery): Promise<ChannelProgress[]> {
    return this.all().filter((r) => sameReport(r, report));
  }

  private find(g: DeliveryGeneration, channel: DeliveryChannel): ChannelProgress | undefined {
    return this.rows.find((r) => sameGeneration(r, g) && r.channel === channel);
  }
}

function copy(g: DeliveryGeneration): DeliveryGeneration {
  return { kind: g.kind, period: g.period, generatedAt: new Date(g.generatedAt.getTime()) };
}
