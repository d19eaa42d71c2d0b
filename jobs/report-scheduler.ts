/**
 * Generates due reports on a timer (every N minutes), through the JobRunner so that every attempt
 * shows up in job_run. Skips reports already stored, except a draft generated before its period
 * ended (the March report of the last business day), which is regenerated once the period is over;
 * after a run that failed all its attempts, the
 * same report waits until the next JST day. Generation runs off the answer path: ticks never overlap
 * and the report builder yields to the event loop. A generated report is then delivered in the background
 * (job `report-delivery`, under that report's delivery lease); each check also delivers again the reports
 * whose delivery is unfinished, so one left by a stopped instance is finished by another, and gives a delivery
 * that failed all its attempts one more round on the next business day (deliveryRoundDue). The console's
 * 再送 runs under the same per-report exclusion (`exclusively`).
 */
import type { Clock } from '../core';
import { toKotaeError } from '../core';
import type { Logger } from '../core';
import { jstParts } from '../calendar';
import type { ChannelProgress, ReportKind, ReportStore, StoredReport, UnfinishedDelivery } from '../reports';
import { deliveryRoundDue } from './delivery-retry';
import { dueReports, type BusinessDays, type DueReport } from './due-reports';
import type { LeaseGuard } from './job-lease';
import type { JobRunner } from './job-runner';
import { PeriodicCheck, type SchedulerTimers } from './periodic-check';

export type { SchedulerTimers } from './periodic-check';

/**
 * Whether a stored report needs no (re)generation: final, or generated after its period ended, or
 * its period still running (a draft made early is regenerated once, after the period).
 */
function upToDate(stored: StoredReport | undefined, now: Date): boolean {
  if (!stored) return false;
  const end = Date.parse(stored.model.period.to);
  return stored.status === 'final' || stored.generatedAt.getTime() >= end || now.getTime() < end;
}

/** What the scheduler needs. */
export interface ReportSchedulerDeps {
  clock: Clock;
  calendar: BusinessDays;
  store: Pick<ReportStore, 'get'>;
  /** Generates and stores one report (ReportService.generate). */
  generate: (kind: ReportKind, period: string) => Promise<unknown>;
  runner: JobRunner;
  logger?: Logger;
  /** Minutes between checks (default 15). */
  intervalMinutes?: number;
  timers?: SchedulerTimers;
  /** With several instances on one database: a report is generated only by the instance holding its lease. */
  leases?: LeaseGuard;
  /**
   * Sends a generated report (e-mail, Teams). Runs after generation as job `report-delivery`,
   * retried by the runner and recorded in job_run; it never delays or fails the generation.
   */
  deliver?: (kind: ReportKind, period: string) => Promise<unknown>;
  /**
   * The reports whose delivery is unfinished with fewer than `maxAttempts` scheduled attempts (DeliveryProgress):
   * each check delivers them again, so a delivery left by a stopped instance is finished by another.
   */
  unfinishedDeliveries?: (maxAttempts: number) => Promise<UnfinishedDelivery[]>;
  /**
   * A report's delivery rows (DeliveryProgress.ofReport). With it, a delivery that failed all its attempts
   * gets one more round on the next business day after its generation (deliveryRoundDue); without it, none.
   */
  deliveryRows?: (report: UnfinishedDelivery) => Promise<ChannelProgress[]>;
}

/** A manual delivery found another one of the same report running (here or on another instance). */
export const DELIVERY_BUSY = Symbol('delivery busy');

/** The lease of one report's delivery: one instance delivers a report at a time. */
const deliveryLease = (d: UnfinishedDelivery) => `report-delivery:${d.kind}/${d.period}`;

/** Timer-driven generator of the monthly, half-year and annual reports. */
export class ReportScheduler {
  private readonly periodic: PeriodicCheck<DueReport[]>;
  private readonly gaveUp = new Map<string, string>();
  /** Deliveries running on this instance, by report. */
  private readonly deliveries = new Map<string, Promise<void>>();
  /** Reports generated again while their delivery was running: delivered once more after it. */
  private readonly deliverAgain = new Set<string>();

  constructor(private readonly deps: ReportSchedulerDeps) {
    this.periodic = new PeriodicCheck(() => this.check(), deps.intervalMinutes, deps.timers);
  }

  /** Starts checking every interval, with a first check right away. */
  start(): void {
    this.periodic.start();
  }

  /** Stops the timer and waits for a check and the deliveries in progress to finish. */
  async stop(): Promise<void> {
    await this.periodic.stop();
    await this.deliveriesSettled();
  }

  /** Resolves when every delivery started so far has succeeded or failed for good. */
  async deliveriesSettled(): Promise<void> {
    while (this.deliveries.size > 0) await Promise.all([...this.deliveries.values()]);
  }

  /**
   * Delivers a report in the background as job `report-delivery`, under the report's delivery lease
   * (skipped while another instance holds it); never twice at once on this instance.
   */
  private startDelivery(due: UnfinishedDelivery, again = false): void {
    const { deliver, runner, logger, leases } = this.deps;
    if (!deliver) return;
    const key = `${due.kind}/${due.period}`;
    if (this.deliveries.has(key)) {
      if (again) this.deliverAgain.add(key);
      return;
    }
    const job = () => runner.run('report-delivery', () => deliver(due.kind, due.period), JSON.stringify(due));
    const run = (leases ? leases.run(deliveryLease(due), job, undefined) : job())
      .then(
        () => undefined,
        (err: unknown) =>
          logger?.error('report delivery failed', {
            kind: due.kind,
            period: due.period,
            error: toKotaeError(err).message,
          }),
      )
      .finally(() => {
        this.deliveries.delete(key);
        if (this.deliverAgain.delete(key)) this.startDelivery(due);
      });
    this.deliveries.set(key, run);
  }

  /**
   * Runs `work` for a report's delivery now (the console's 再送): under the report's delivery lease and
   * never beside this instance's own delivery of it; DELIVERY_BUSY when either is taken.
   */
  async exclusively<T>(due: UnfinishedDelivery, work: () => Promise<T>): Promise<T | typeof DELIVERY_BUSY> {
    const key = `${due.kind}/${due.period}`;
    if (this.deliveries.has(key)) return DELIVERY_BUSY;
    const { leases } = this.deps;
    let result: T | typeof DELIVERY_BUSY = DELIVERY_BUSY;
    const guarded = async () => {
      result = await work();
    };
    const run = leases ? leases.run(deliveryLease(due), guarded, undefined) : guarded();
    // Held in the map while it runs: the scheduler's own checks skip the report meanwhile.
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.deliveries.set(key, settled);
    try {
      await run;
    } finally {
      this.deliveries.delete(key);
    }
    return result;
  }

  /** Starts the unfinished deliveries (another instance's that stopped, a retry of this one's, the next day's round). */
  private async resumeDeliveries(): Promise<void> {
    const { unfinishedDeliveries, deliveryRows, runner, logger, clock, calendar } = this.deps;
    if (!unfinishedDeliveries || !this.deps.deliver) return;
    try {
      const max = runner.maxAttempts;
      for (const d of await unfinishedDeliveries(deliveryRows ? 2 * max : max)) {
        if (!deliveryRows || deliveryRoundDue(await deliveryRows(d), clock.now(), calendar, max)) this.startDelivery(d);
      }
    } catch (err) {
      logger?.error('unfinished report deliveries not read', { error: toKotaeError(err).message });
    }
  }

  /** One check: generates every due report not yet stored; returns those generated. Never rejects. */
  tick(): Promise<DueReport[]> {
    return this.periodic.tick();
  }

  private async check(): Promise<DueReport[]> {
    const { clock, calendar, store, runner, logger } = this.deps;
    const now = clock.now();
    const { year, month, day } = jstParts(now);
    const today = `${year}-${month}-${day}`;
    const generated: DueReport[] = [];
    for (const due of dueReports(now, calendar)) {
      const key = `${due.kind}/${due.period}`;
      if (this.gaveUp.get(key) === today) continue;
      try {
        const once = async () => {
          if (upToDate(await store.get(due.kind, due.period), now)) return;
          await runner.run(`report-${due.kind}`, () => this.deps.generate(due.kind, due.period), JSON.stringify(due));
          generated.push(due);
          this.startDelivery(due, true);
        };
        const { leases } = this.deps;
        await (leases ? leases.run(`report-${due.kind}`, once, undefined) : once());
      } catch (err) {
        this.gaveUp.set(key, today);
        logger?.error('scheduled report failed', {
          kind: due.kind,
          period: due.period,
          error: toKotaeError(err).message,
        });
      }
    }
    await this.resumeDeliveries();
    return generated;
  }
}
