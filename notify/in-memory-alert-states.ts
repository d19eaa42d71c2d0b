/** AlertStateStore in memory (tests; one process). */
import type { AlertIncident, AlertStateStore } from './ports';

/** In-memory alert state, with the same open-once / close-once rules as the SQL store. */
export class InMemoryAlertStates implements AlertStateStore {
  private readonly open_ = new Map<string, AlertIncident>();

  async open(name: string, since: Date, detail: string): Promise<AlertIncident> {
    const existing = this.open_.get(name);
    if (existing) return { ...existing };
    const incident = { name, since, detail };
    this.open_.set(name, incident);
    return { ...incident };
  }

  async current(name: string): Promise<AlertIncident | undefined> {
    const i = this.open_.get(name);
    return i && { ...i };
  }

  async markNotified(name: string, since: Date, at: Date): Promise<void> {
    const i = this.open_.get(name);
    if (i && i.since.getTime() === since.getTime()) i.notifiedAt = at;
  }

  async close(name: string, since: Date): Promise<boolean> {
    const i = this.open_.get(name);
    if (!i || i.since.getTime() !== since.getTime()) return false;
    this.open_.delete(name);
    return true;
  }
}
