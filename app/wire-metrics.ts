/**
 * Wiring of /metrics (issue 11 point 9): the counters are fed by thin wrappers around the helpdesk
 * (answer outcomes, every channel) and the personal-data masker (items by type); the gauges read the
 * stores at scrape time.
 */
import type { DataSource } from 'typeorm';
import type { Helpdesk } from '../bot';
import type { PiiMasker } from '../privacy';
import type { TicketService } from '../tickets';
import type { Mount } from '../adapters/web';
import { metricsAccess, type KotaeMetrics, type MetricsSources } from '../adapters/web';
import { jobRunCounts } from '../db';
import type { TrustConfig } from './config-trust';

/** The helpdesk, counting each answer's outcome. */
export function observeHelpdesk(helpdesk: Helpdesk, metrics: KotaeMetrics): Helpdesk {
  return {
    async ask(input) {
      const reply = await helpdesk.ask(input);
      metrics.answered(input.channel, reply.outcome ?? 'other');
      return reply;
    },
    feedback: (input) => helpdesk.feedback(input),
    escalate: (input) => helpdesk.escalate(input),
    welcome: (conversationId) => helpdesk.welcome(conversationId),
  };
}

/** The masker, counting the items it masks by type. */
export function countMasked(masker: PiiMasker, metrics: KotaeMetrics): PiiMasker {
  return {
    // The options (keep: the requester's own name in a reply) must reach the masker.
    mask(text, options) {
      const result = masker.mask(text, options);
      for (const [type, count] of Object.entries(result.counts)) if (count) metrics.masked(type, count);
      return result;
    },
    find: (text) => masker.find(text),
  };
}

/** The scrape-time figures. */
export function metricsSources(d: {
  tickets: TicketService;
  ds: DataSource;
  indexBuiltAt: () => string | undefined;
}): MetricsSources {
  return {
    ticketsByStatus: () => d.tickets.countsByStatus(),
    breachedTickets: async () =>
      (await d.tickets.queue({ status: ['new', 'in_progress', 'on_hold'], sla: 'breached', limit: 1 })).total,
    jobRuns: () => jobRunCounts(d.ds),
    undeliveredReplies: async () => (await d.tickets.undelivered(1000)).length,
    indexBuiltAt: d.indexBuiltAt,
  };
}

/** The /metrics mount (after its access check), or none when off. */
export function metricsMount(config: TrustConfig['metrics'], metrics: KotaeMetrics): Mount | undefined {
  if (config.mode === 'off') return undefined;
  const access = metricsAccess(
    config.mode === 'token' ? { mode: 'token', token: config.token ?? '' } : { mode: 'loopback' },
  );
  return { path: '/metrics', handler: [access, metrics.handler] };
}
