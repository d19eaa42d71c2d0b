/** WebSessionStore in memory (passes the web-session-store contract), with the conditional claim of a due re-check. */
import type { WebSessionRecord, WebSessionStore } from '../../adapters/web/sso';

/** In-memory web chat sign-ins; `sessions` is open to tests that look at what was stored. */
export class InMemoryWebSessionStore implements WebSessionStore {
  readonly sessions = new Map<string, WebSessionRecord>();

  async create(session: WebSessionRecord): Promise<void> {
    this.sessions.set(session.id, { ...session });
  }

  async get(id: string): Promise<WebSessionRecord | undefined> {
    const s = this.sessions.get(id);
    return s && { ...s };
  }

  async delete(id: string): Promise<void> {
    this.sessions.delete(id);
  }

  async deleteBySsoSid(ssoSid: string): Promise<WebSessionRecord[]> {
    const ended = [...this.sessions.values()].filter((s) => s.ssoSid === ssoSid);
    for (const s of ended) this.sessions.delete(s.id);
    return ended.map((s) => ({ ...s }));
  }

  async purge(now: Date): Promise<number> {
    const gone = [...this.sessions.values()].filter((s) => s.expiresAt < now);
    for (const s of gone) this.sessions.delete(s.id);
    return gone.length;
  }

  async claimSsoCheck(id: string, seen: Date | null, now: Date, until: Date): Promise<boolean> {
    // As the SQL store's conditional UPDATE: never checked (null) or due by now, else another caller took it.
    const s = this.sessions.get(id);
    const due = s && (seen ? !!s.ssoCheckAt && s.ssoCheckAt <= now : !s.ssoCheckAt);
    if (s && due) this.sessions.set(id, { ...s, ssoCheckAt: until });
    return !!due;
  }

  async finishSsoCheck(id: string, next: Date, ssoRefresh: string): Promise<void> {
    const s = this.sessions.get(id);
    if (s) this.sessions.set(id, { ...s, ssoCheckAt: next, ssoRefresh });
  }
}
