/**
 * Paid licence pools and grants on TypeORM (tables licence_pool, licence_grant). A grant takes a
 * per-pool lock for its transaction, measures the peak use of the pool inside the booked window and
 * inserts only when a seat is free throughout it.
 */
import { randomUUID } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import { formatJstRange } from '../../calendar';
import { KotaeError } from '../../core';
import {
  peakUse,
  REGISTER_ERRORS,
  type Booking,
  type LicenceGrant,
  type LicencePool,
  type LicenceStore,
} from '../../registers';
import type { LicenceGrantRow, LicencePoolRow } from '../schema';
import { runDb } from '../run-db';
import { inTransaction, managerOf } from '../transaction-scope';
import { lockKeyForTransaction } from './atomic-sql';

const toPool = (r: LicencePoolRow): LicencePool => ({ id: r.id, name: r.name, seats: r.seats, createdAt: r.createdAt });
const toGrant = (r: LicenceGrantRow): LicenceGrant => ({
  id: r.id,
  poolId: r.poolId,
  bookingId: r.bookingId,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  grantedAt: r.grantedAt,
  grantedBy: r.grantedBy,
  releasedAt: r.releasedAt ?? undefined,
  releasedBy: r.releasedBy ?? undefined,
});

/** SQL implementation of LicenceStore. */
export class SqlLicenceStore implements LicenceStore {
  constructor(private readonly ds: DataSource) {}

  private pools$() {
    return managerOf(this.ds).getRepository<LicencePoolRow>('licence_pool');
  }

  private grants$() {
    return managerOf(this.ds).getRepository<LicenceGrantRow>('licence_grant');
  }

  async addPool(name: string, seats: number, at: Date): Promise<LicencePool> {
    const row: LicencePoolRow = { id: randomUUID(), name, seats, createdAt: at };
    await runDb(this.ds, () => this.pools$().insert(row));
    return toPool(row);
  }

  async pools(): Promise<LicencePool[]> {
    return (await runDb(this.ds, () => this.pools$().find({ order: { name: 'ASC' } }))).map(toPool);
  }

  async pool(id: string): Promise<LicencePool | undefined> {
    if (!id || id.length > 36) return undefined;
    const row = await runDb(this.ds, () => this.pools$().findOneBy({ id }));
    return row ? toPool(row) : undefined;
  }

  async grant(poolId: string, booking: Booking, by: string, at: Date): Promise<LicenceGrant> {
    const row: LicenceGrantRow = {
      id: randomUUID(),
      poolId,
      bookingId: booking.id,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      grantedAt: at,
      grantedBy: by,
      releasedAt: null,
      releasedBy: null,
    };
    await runDb(this.ds, () =>
      inTransaction(this.ds, async (em) => {
        await lockKeyForTransaction(em, `licence_pool:${poolId}`);
        const pool = await this.pool(poolId);
        if (!pool) throw new KotaeError('NOT_FOUND', `licence pool ${poolId}`);
        const active = await this.grants$()
          .createQueryBuilder('g')
          .where('g.poolId = :poolId AND g.releasedAt IS NULL', { poolId })
          .andWhere('g.startsAt < :endsAt AND g.endsAt > :startsAt', { startsAt: row.startsAt, endsAt: row.endsAt })
          .getMany();
        if (active.some((g) => g.bookingId === booking.id))
          throw new KotaeError('CONFLICT', `booking ${booking.id} holds a ${poolId} licence`, {
            userMessage: REGISTER_ERRORS.licenceAlreadyGranted,
          });
        if (peakUse(active, row.startsAt, row.endsAt) >= pool.seats) {
          throw new KotaeError('CONFLICT', `licence pool ${poolId} exhausted`, {
            userMessage: REGISTER_ERRORS.licenceExhausted(pool.name, formatJstRange(row.startsAt, row.endsAt)),
          });
        }
        await this.grants$().insert(row);
      }),
    );
    return toGrant(row);
  }

  async release(id: string, by: string, at: Date): Promise<LicenceGrant> {
    return runDb(this.ds, async () => {
      const result = await this.grants$().update({ id, releasedAt: IsNull() }, { releasedAt: at, releasedBy: by });
      const row = await this.grants$().findOneBy({ id });
      if (!row) throw new KotaeError('NOT_FOUND', `licence grant ${id}`);
      if (!result.affected)
        throw new KotaeError('CONFLICT', `grant ${id} released already`, {
          userMessage: REGISTER_ERRORS.licenceReleased,
        });
      return toGrant(row);
    });
  }

  async grants(filter: { poolId?: string; bookingId?: string }): Promise<LicenceGrant[]> {
    const rows = await runDb(this.ds, () =>
      this.grants$().find({
        where: {
          releasedAt: IsNull(),
          ...(filter.poolId ? { poolId: filter.poolId } : {}),
          ...(filter.bookingId ? { bookingId: filter.bookingId } : {}),
        },
        order: { startsAt: 'ASC' },
      }),
    );
    return rows.map(toGrant);
  }
}
