/** SessionStore on TypeORM (table session; the id is the SHA-256 of the cookie token). */
import { IsNull, LessThan, LessThanOrEqual, Not, type DataSource } from 'typeorm';
import type { SessionRecord, SessionStore } from '../../tickets';
import type { SessionRow } from '../schema';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';

/** SQL implementation of SessionStore. */
export class SqlSessionStore implements SessionStore {
  constructor(private readonly ds: DataSource) {}

  private repo() {
    return managerOf(this.ds).getRepository<SessionRow>('session');
  }

  private run<T>(work: () => Promise<T>): Promise<T> {
    return runDb(this.ds, work);
  }

  async create(session: SessionRecord): Promise<void> {
    await this.run(() => this.repo().insert({ ...session }));
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const row = await this.run(() => this.repo().findOneBy({ id }));
    return row ? { ...row } : undefined;
  }

  async touch(id: string, lastSeenAt: Date): Promise<void> {
    await this.run(() => this.repo().update({ id }, { lastSeenAt }));
  }

  async delete(id: string): Promise<void> {
    await this.run(() => this.repo().delete({ id }));
  }

  async deleteForOperator(operatorId: string, exceptId?: string): Promise<void> {
    await this.run(() => this.repo().delete(exceptId ? { operatorId, id: Not(exceptId) } : { operatorId }));
  }

  async deleteBySsoSid(ssoSid: string): Promise<SessionRecord[]> {
    return this.run(async () => {
      const rows = await this.repo().findBy({ ssoSid });
      // Only the rows this call deleted are reported: another instance answering the same logout reports the rest.
      const ended: SessionRecord[] = [];
      for (const row of rows) {
        const { affected } = await this.repo().delete({ id: row.id, ssoSid });
        if (affected) ended.push({ ...row });
      }
      return ended;
    });
  }

  async claimSsoCheck(id: string, seen: Date | null, now: Date, until: Date): Promise<boolean> {
    // One conditional UPDATE: of requests racing on any instance, only the one whose row still matched moves it.
    const where = { id, ssoCheckAt: seen ? LessThanOrEqual(now) : IsNull() };
    const { affected } = await this.run(() => this.repo().update(where, { ssoCheckAt: until }));
    return (affected ?? 0) > 0;
  }

  async finishSsoCheck(id: string, next: Date, ssoRefresh: string): Promise<void> {
    await this.run(() => this.repo().update({ id }, { ssoCheckAt: next, ssoRefresh }));
  }

  async purge(now: Date, idleBefore: Date): Promise<number> {
    return this.run(async () => {
      const expired = await this.repo().delete({ expiresAt: LessThan(now) });
      const idle = await this.repo().delete({ lastSeenAt: LessThan(idleBefore) });
      return (expired.affected ?? 0) + (idle.affected ?? 0);
    });
  }
}
