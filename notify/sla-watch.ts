/**
 * Checks the open tickets' SLA clocks (run every minute): a clock with at most 30 business minutes left
 * is at risk, one past its due time is breached; each is notified once per ticket, clock and due time.
 */
import type { TicketStore } from '../tickets';
import type { TicketRecord } from '../tickets';
import type { Clock } from '../core';
import { formatJst, type SlaClock } from '../calendar';
import { slaRisk, type TicketWithSla } from '../tickets';
import type { ConsoleLink } from './desk-events';
import { NOTIFY_MESSAGES as N } from './messages';
import type { Publish } from './notifying-ticket-store';

/** What SlaWatch needs. */
export interface SlaWatchDeps {
  store: TicketStore;
  sla: (ticket: TicketRecord) => TicketWithSla['sla'];
  publish: Publish;
  link: ConsoleLink;
  clock: Clock;
}

/** Publishes sla_at_risk / sla_breached for open tickets. */
export class SlaWatch {
  constructor(private readonly deps: SlaWatchDeps) {}

  /** One pass over the open tickets; returns how many events were published. */
  async check(): Promise<number> {
    const { items } = await this.deps.store.list({ status: ['new', 'in_progress'], limit: 1000 });
    let published = 0;
    for (const ticket of items) {
      const sla = this.deps.sla(ticket);
      for (const [name, clock] of [
        ['response', sla.response],
        ['resolution', sla.resolution],
      ] as const) {
        const risk = slaRisk(clock);
        if (!risk) continue;
        await this.deps.publish(this.event(ticket, name, clock, risk));
        published += 1;
      }
    }
    return published;
  }

  private event(t: TicketRecord, name: 'response' | 'resolution', clock: SlaClock, risk: 'at_risk' | 'breached') {
    const url = this.deps.link(t.number);
    const label = `${N.clocks[name]} ${formatJst(clock.dueAt)}`;
    const subject = risk === 'breached' ? N.slaBreached(t.number, label) : N.slaAtRisk(t.number, label);
    return {
      event: risk === 'breached' ? ('sla_breached' as const) : ('sla_at_risk' as const),
      key: `sla:${risk}:${t.id}:${name}:${clock.dueAt.toISOString()}`,
      alertKey: `${t.id}:${name}`,
      subject,
      body: [subject, t.title, '', N.open(url)].join('\n'),
      link: url,
    };
  }
}
