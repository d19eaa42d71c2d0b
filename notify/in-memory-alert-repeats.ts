/** AlertRepeatStore in memory (tests; one process), with the same rules as the SQL store. */
import type { AlertRepeatStore, RepeatDecision, RepeatedAlert } from './ports';

interface Repeat {
  sentAt: Date;
  lastKey: string;
  lastHeld: boolean;
  held: number;
}

/** In-memory repeats of alerts. */
export class InMemoryAlertRepeats implements AlertRepeatStore {
  private readonly repeats = new Map<string, Repeat>();

  async pass(alert: RepeatedAlert, now: Date, windowMs: number): Promise<RepeatDecision> {
    const id = `${alert.event}:${alert.alertKey}`;
    const r = this.repeats.get(id);
    if (!r) {
      this.repeats.set(id, { sentAt: now, lastKey: alert.key, lastHeld: false, held: 0 });
      return { send: true, heldBefore: 0 };
    }
    if (r.lastKey === alert.key) return r.lastHeld ? { send: false } : { send: true, heldBefore: 0 };
    if (now.getTime() - r.sentAt.getTime() < windowMs) {
      Object.assign(r, { lastKey: alert.key, lastHeld: true, held: r.held + 1 });
      return { send: false };
    }
    const heldBefore = r.held;
    Object.assign(r, { sentAt: now, lastKey: alert.key, lastHeld: false, held: 0 });
    return { send: true, heldBefore };
  }
}
