/**
 * The web adapter's RequestKeyStore on TypeORM (table request_key): the key is the primary key, so of
 * two instances claiming one key only one insert succeeds; a takeover of a dead instance's claim is one
 * conditional UPDATE, so only one instance takes it.
 */
import { IsNull, LessThan, type DataSource } from 'typeorm';
import { KotaeError } from '../../core';
import type { RequestKeyRow } from '../schema';
import { runDb } from '../run-db';
import { isUniqueViolation } from './atomic-sql';

/** SQL implementation of RequestKeyStore (adapters/web). */
export class SqlRequestKeys {
  constructor(private readonly ds: DataSource) {}

  private repo() {
    return this.ds.getRepository<RequestKeyRow>('request_key');
  }

  /** Claims the key; false when it is already there. */
  async claim(requestKey: string, scope: string, fingerprint: string, at: Date): Promise<boolean> {
    try {
      await runDb(this.ds, () => this.repo().insert({ requestKey, scope, fingerprint, response: null, claimedAt: at }));
      return true;
    } catch (err) {
      if (isUniqueViolation(err instanceof KotaeError && err.cause ? err.cause : err)) return false;
      throw err;
    }
  }

  /** The claim of `requestKey`, with its response once stored. */
  find(requestKey: string) {
    return runDb(this.ds, async () => {
      const row = await this.repo().findOneBy({ requestKey });
      if (!row) return undefined;
      const { scope, fingerprint, response, claimedAt } = row;
      return { scope, fingerprint, claimedAt, ...(response === null ? {} : { response }) };
    });
  }

  /** Stores the response of a claimed key. */
  async complete(requestKey: string, response: string): Promise<void> {
    await runDb(this.ds, () => this.repo().update({ requestKey }, { response }));
  }

  /** Drops a claim (its request failed). */
  async release(requestKey: string): Promise<void> {
    await runDb(this.ds, () => this.repo().delete({ requestKey, response: IsNull() }));
  }

  /** Takes over a claim without response claimed before `staleBefore`; true when this call took it. */
  takeOver(requestKey: string, staleBefore: Date, at: Date): Promise<boolean> {
    return runDb(this.ds, async () => {
      const result = await this.repo().update(
        { requestKey, response: IsNull(), claimedAt: LessThan(staleBefore) },
        { claimedAt: at },
      );
      return (result.affected ?? 0) === 1;
    });
  }

  /** Renews a claim without response (its request still runs). */
  async renew(requestKey: string, at: Date): Promise<void> {
    await runDb(this.ds, () => this.repo().update({ requestKey, response: IsNull() }, { claimedAt: at }));
  }

  /** Deletes keys claimed before `before`; returns how many. */
  purgeBefore(before: Date): Promise<number> {
    return runDb(this.ds, async () => (await this.repo().delete({ claimedAt: LessThan(before) })).affected ?? 0);
  }
}
