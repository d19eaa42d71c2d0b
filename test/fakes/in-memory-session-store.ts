/** SessionStore in memory (passes the session-store contract), with the conditional claim of a due re-check. */
import type { SessionRecord, SessionStore } from '../../tickets';

/** In-memory console sessions; `sessions` is open to tests that look at what was stored. */
export class InMemorySessionStore implements SessionStore {
  readonly sessions = new Map<string, SessionRecord>();

  async create(session: SessionRecord): Promise<void> {
    this.sessions.set(session.id, { ...session });
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const s = this.sessions.get(id);
    return s && { ...s };
  }

  async touch(id: string, lastSeenAt: Date): Promise<void> {
    this.patch(id, { lastSeenAt });
  }

  async delete(id: string): Promise<void> {
    this.sessions.delete(id);
  }

  async deleteForOperator(operatorId: string, exceptId?: string): Promise<void> {
    for (const s of [...this.sessions.values()])
      if (s.operatorId === operatorId && s.id !== exceptId) this.sessions.delete(s.id);
  }

  async deleteBySsoSid(ssoSid: string): Promise<SessionRecord[]> {
    const ended = [...this.sessions.values()].filter((s) => s.ssoSid === ssoSid);
    for (const s of ended) this.sessions.delete(s.id);
    return ended.map((s) => ({ ...s }));
  }

  async claimSsoCheck(id: string, seen: Date | null, now: Date, until: Date): Promise<boolean> {
    // As the SQL store's conditional UPDATE: never checked (null) or due by now, else another caller took it.
    const s = this.sessions.get(id);
    const due = s && (seen ? !!s.ssoCheckAt && s.ssoCheckAt <= now : !s.ssoCheckAt);
    if (due) this.patch(id, { ssoCheckAt: until });
    return !!due;
  }

  async finishSsoCheck(id: string, next: Date, ssoRefresh: string): Promise<void> {
    this.patch(id, { ssoCheckAt: next, ssoRefresh });
  }

  async purge(now: Date, idleBefore: Date): Promise<number> {
    const gone = [...this.sessions.values()].filter((s) => s.expiresAt < now || s.lastSeenAt < idleBefore);
    for (const s of gone) this.sessions.delete(s.id);
    return gone.length;
  }

  private patch(id: string, change: Partial<SessionRecord>): void {
    const s = this.sessions.get(id);
    if (s) this.sessions.set(id, { ...s, ...change });
  }
}
