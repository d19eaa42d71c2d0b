/** DeliveryProgress in memory: the fake for unit tests (passes the delivery-progress contract). */
import {
  DELIVERY_CHANNELS,
  type ChannelProgress,
  type DeliveryChannel,
  type DeliveryGeneration,
  type DeliveryProgress,
  type SentFacts,
  type UnfinishedDelivery,
} from './delivery-progress';

const sameReport = (a: UnfinishedDelivery, b: UnfinishedDelivery) => a.kind === b.kind && a.period === b.period;
const sameGeneration = (a: DeliveryGeneration, b: DeliveryGeneration) =>
  sameReport(a, b) && a.generatedAt.getTime() === b.generatedAt.getTime();

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

  async begin(g: DeliveryGeneration, channels: readonly DeliveryChannel[]): Promise<ChannelProgress[]> {
    for (const channel of channels) {
      if (!this.find(g, channel)) this.rows.push({ ...copy(g), channel, attempts: 0 });
    }
    this.rows = this.rows.filter(
      (r) => !sameReport(r, g) || r.sentAt || (sameGeneration(r, g) && channels.includes(r.channel)),
    );
    const open = this.rows.filter((r) => sameReport(r, g) && !r.auditedAt);
    for (const r of open) r.attempts += 1;
    return open.map((r) => structuredClone(r)).sort(byGenerationAndChannel);
  }

  async plan(g: DeliveryGeneration, channels: readonly DeliveryChannel[]): Promise<void> {
    for (const channel of channels) {
      if (!this.find(g, channel)) this.rows.push({ ...copy(g), channel, attempts: 0 });
    }
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
