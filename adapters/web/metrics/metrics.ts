/**
 * Prometheus metrics (`prom-client`, only in this folder): request counts and latency by route,
 * answer outcomes and masked personal-data items (counted as they happen), and gauges computed at
 * scrape time from the stores (open and SLA-breached tickets, job runs, undelivered replies, index age).
 * One registry per app (no module-level state), default process metrics included.
 */
import type { Request, RequestHandler, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the scrape-time gauges read (each call is one cheap query). */
export interface MetricsSources {
  /** Tickets per status (every status, closed included). */
  ticketsByStatus(): Promise<Record<string, number>>;
  /** Open tickets whose response or resolution clock is breached. */
  breachedTickets(): Promise<number>;
  /** Job runs recorded, per job and status. */
  jobRuns(): Promise<{ job: string; status: string; count: number }[]>;
  /** Replies not (yet) delivered to the requester's channel. */
  undeliveredReplies(): Promise<number>;
  /** When the live knowledge index was built (ISO), if one is loaded. */
  indexBuiltAt(): string | undefined;
}

/** The app's metrics: the request middleware, the /metrics handler and the event counters. */
export interface KotaeMetrics {
  registry: Registry;
  /** Counts every request and its latency under its route pattern (never the raw path). */
  middleware: RequestHandler;
  /** Serves the exposition format (after the access check, see metricsAccess). */
  handler: RequestHandler;
  answered(channel: string, outcome: string): void;
  masked(type: string, count: number): void;
}

const OPEN_STATUSES = ['new', 'in_progress', 'on_hold'];

/** The route pattern of a finished request, for a bounded label set. */
function routeOf(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${req.baseUrl}${route.path}`;
  return req.baseUrl || 'unmatched';
}

/** Creates the registry and metrics; `sources` is read at each scrape. */
export function createMetrics(sources: () => MetricsSources | undefined, now: () => Date): KotaeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kotae_' });
  const requests = new Counter({
    name: 'kotae_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'kotae_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const answers = new Counter({
    name: 'kotae_answers_total',
    help: 'Questions answered by channel and outcome (answered, clarify, no_answer)',
    labelNames: ['channel', 'outcome'],
    registers: [registry],
  });
  const masked = new Counter({
    name: 'kotae_pii_masked_items_total',
    help: 'Personal-data items masked before storage, by type',
    labelNames: ['type'],
    registers: [registry],
  });
  new Gauge({
    name: 'kotae_tickets_open',
    help: 'Open tickets by status (new, in_progress, on_hold)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const counts = (await sources()?.ticketsByStatus()) ?? {};
      for (const status of OPEN_STATUSES) this.set({ status }, counts[status] ?? 0);
    },
  });
  new Gauge({
    name: 'kotae_tickets_sla_breached',
    help: 'Open tickets whose response or resolution time is breached',
    registers: [registry],
    async collect() {
      this.set((await sources()?.breachedTickets()) ?? 0);
    },
  });
  new Gauge({
    name: 'kotae_job_runs',
    help: 'Scheduled job runs recorded, by job and status (failed, succeeded, skipped…)',
    labelNames: ['job', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of (await sources()?.jobRuns()) ?? []) this.set({ job: r.job, status: r.status }, r.count);
    },
  });
  new Gauge({
    name: 'kotae_replies_undelivered',
    help: 'Operator replies and notices not delivered to the requester channel (failed or pending retry)',
    registers: [registry],
    async collect() {
      this.set((await sources()?.undeliveredReplies()) ?? 0);
    },
  });
  new Gauge({
    name: 'kotae_knowledge_index_age_seconds',
    help: 'Age of the live knowledge index (-1 when none is loaded)',
    registers: [registry],
    collect() {
      const built = sources()?.indexBuiltAt();
      const at = built ? new Date(built).getTime() : Number.NaN;
      this.set(Number.isFinite(at) ? Math.max(0, (now().getTime() - at) / 1000) : -1);
    },
  });

  const middleware: RequestHandler = (req, res, next) => {
    const end = latency.startTimer();
    res.on('finish', () => {
      const route = routeOf(req);
      requests.inc({ method: req.method, route, status: String(res.statusCode) });
      end({ method: req.method, route });
    });
    next();
  };
  const handler: RequestHandler = async (_req, res: Response) => {
    const body = await registry.metrics();
    res.setHeader('Cache-Control', 'no-store');
    res.type(registry.contentType).send(body);
  };
  return {
    registry,
    middleware,
    handler,
    answered: (channel, outcome) => answers.inc({ channel, outcome }),
    masked: (type, count) => masked.inc({ type }, count),
  };
}
