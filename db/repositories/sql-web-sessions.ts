/** Web chat sign-in sessions on TypeORM (table web_session; the id is the SHA-256 of the cookie token). */
import { IsNull, LessThan, LessThanOrEqual, type DataSource } from 'typeorm';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';

/** A signed-in web chat user (the directory identity). */
export interface WebSessionRow {
  id: string;
  subject: string;
  name: string | null;
  department: string | null;
  email: string | null;
  createdAt: Date;
  expiresAt: Date;
  /** Single logout: SHA-256 of the provider's `sid`; the ID token sealed under the cookie token. */
  ssoSid?: string | null;
  ssoHint?: string | null;
  /** The Entra ID re-check: the refresh token sealed under the cookie token; when the check is next due. */
  ssoRefresh?: string | null;
  ssoCheckAt?: Date | null;
}

/** SQL implementation of the web adapter's WebSessionStore port. */
export class SqlWebSessions {
  constructor(private readonly ds: DataSource) {}

  private repo() {
    // Joins an open transaction: a sign-in and its audit row commit together.
    return managerOf(this.ds).getRepository<WebSessionRow>('web_session');
  }

  async create(session: WebSessionRow): Promise<void> {
    await runDb(this.ds, () => this.repo().insert({ ...session }));
  }

  async get(id: string): Promise<WebSessionRow | undefined> {
    const row = await runDb(this.ds, () => this.repo().findOneBy({ id }));
    return row ? { ...row } : undefined;
  }

  async delete(id: string): Promise<void> {
    await runDb(this.ds, () => this.repo().delete({ id }));
  }

  /** Deletes the sign-ins of one provider session (`ssoSid`); returns those this call deleted. */
  async deleteBySsoSid(ssoSid: string): Promise<WebSessionRow[]> {
    return runDb(this.ds, async () => {
      const ended: WebSessionRow[] = [];
      for (const row of await this.repo().findBy({ ssoSid })) {
        const { affected } = await this.repo().delete({ id: row.id, ssoSid });
        if (affected) ended.push({ ...row });
      }
      return ended;
    });
  }

  /** Moves a due check to `until` in one conditional UPDATE: of racing requests on any instance, one wins. */
  async claimSsoCheck(id: string, seen: Date | null, now: Date, until: Date): Promise<boolean> {
    const where = { id, ssoCheckAt: seen ? LessThanOrEqual(now) : IsNull() };
    const { affected } = await runDb(this.ds, () => this.repo().update(where, { ssoCheckAt: until }));
    return (affected ?? 0) > 0;
  }

  /** A check made: the next one's time and the provider's newest refresh token (sealed). */
  async finishSsoCheck(id: string, next: Date, ssoRefresh: string): Promise<void> {
    await runDb(this.ds, () => this.repo().update({ id }, { ssoCheckAt: next, ssoRefresh }));
  }

  /** Deletes sessions that expired before `now`; returns how many. */
  async purge(now: Date): Promise<number> {
    const result = await runDb(this.ds, () => this.repo().delete({ expiresAt: LessThan(now) }));
    return result.affected ?? 0;
  }
}
