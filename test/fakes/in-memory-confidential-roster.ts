/** A deterministic in-memory ConfidentialRosterStore (passes the roster contract suite). */
import { KotaeError } from '../../core/errors';
import { inForce, type ConfidentialRosterStore, type NewRosterEntry, type RosterEntry } from '../../tickets';

/** Roster entries in memory. */
export class InMemoryConfidentialRoster implements ConfidentialRosterStore {
  private readonly entries: RosterEntry[] = [];
  private seq = 0;

  async add(entry: NewRosterEntry, actor: string, at: Date): Promise<RosterEntry> {
    this.seq += 1;
    const stored: RosterEntry = {
      id: `r${this.seq}`,
      ...entry,
      ...(entry.note ? { note: entry.note } : { note: undefined }),
      createdAt: at,
      createdBy: actor,
    };
    if (!stored.note) delete stored.note;
    this.entries.push(stored);
    return { ...stored };
  }

  async list(): Promise<RosterEntry[]> {
    return [...this.entries]
      .sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime() || b.createdAt.getTime() - a.createdAt.getTime())
      .map((e) => ({ ...e }));
  }

  async revoke(id: string, actor: string, at: Date): Promise<RosterEntry> {
    const e = this.entries.find((x) => x.id === id);
    if (!e) throw new KotaeError('NOT_FOUND', `roster entry ${id}`, { userMessage: '名簿の登録が見つかりません。' });
    if (!e.revokedAt) Object.assign(e, { revokedAt: at, revokedBy: actor });
    return { ...e };
  }

  async isRostered(username: string, at: Date): Promise<boolean> {
    return this.entries.some((e) => e.username === username && inForce(e, at));
  }
}
