/**
 * Audit rows for refused console writes (`auth.denied`, session 31): a POST/PUT/PATCH/DELETE that the
 * role check answers 403. Bounded so a loop cannot flood the log: at most one row per user, method and
 * route per minute on each instance; the repeats in between are counted and reported with the next row.
 */
import type { Clock } from '../../../core';
import type { AuditTrail } from '../../../tickets';

/** One refused write. */
export interface Denial {
  username: string;
  /** The operator's role. */
  role: string;
  /** The role the route needs. */
  required: string;
  method: string;
  /** The route pattern (`/console/accounts/:id/role`): the rate bound's key. */
  route: string;
  /** The path requested. */
  path: string;
  ip?: string;
}

/** What DenialAudit needs. */
export interface DenialAuditDeps {
  audit: AuditTrail;
  clock: Clock;
  /** This instance's id, written into each row. */
  instance?: string;
  /** One row per key per this many ms (default 60 s). */
  windowMs?: number;
  /** Keys remembered at most (default 10,000; the oldest are forgotten first). */
  maxKeys?: number;
}

/** Records refused console writes, rate-bounded per user and route. */
export class DenialAudit {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(private readonly deps: DenialAuditDeps) {}

  /** Writes an `auth.denied` row unless one for the same user and route was written within the window; true when written. */
  async record(d: Denial): Promise<boolean> {
    const now = this.deps.clock.now().getTime();
    const window = this.deps.windowMs ?? 60_000;
    const key = `${d.username}\n${d.method} ${d.route}`;
    const seen = this.last.get(key);
    if (seen && now - seen.at < window) {
      seen.suppressed += 1;
      return false;
    }
    // Taken before the write, so concurrent repeats are bounded too.
    this.last.delete(key);
    this.last.set(key, { at: now, suppressed: 0 });
    this.forgetOld(now, window);
    await this.deps.audit.record({
      actor: d.username,
      action: 'auth.denied',
      target: d.path.slice(0, 200),
      detail: {
        method: d.method,
        route: d.route,
        role: d.role,
        required: d.required,
        ip: d.ip ?? null,
        instance: this.deps.instance ?? null,
        // Refusals of this route not written in the previous window.
        suppressed: seen?.suppressed ?? 0,
      },
    });
    return true;
  }

  private forgetOld(now: number, window: number): void {
    const max = this.deps.maxKeys ?? 10_000;
    if (this.last.size <= max) return;
    // Map order is insertion order (a key written again moves to the end): expired keys go first, then the oldest.
    for (const [key, v] of this.last) if (now - v.at >= window) this.last.delete(key);
    for (const key of this.last.keys()) {
      if (this.last.size <= max) break;
      this.last.delete(key);
    }
  }
}
