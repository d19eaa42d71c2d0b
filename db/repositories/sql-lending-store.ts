/**
 * Equipment items and bookings on TypeORM (tables lending_item, lending_booking). A booking takes a
 * per-item lock for its transaction (PostgreSQL advisory lock, SQL Server application lock; SQLite
 * runs one unit of work at a time), then looks for an overlapping booking and inserts: two requests
 * for overlapping windows on two instances cannot both pass the check.
 */
import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { formatJstRange } from '../../calendar';
import { KotaeError } from '../../core';
import {
  HOLDING_STATUSES,
  REGISTER_ERRORS,
  type Booking,
  type BookingChange,
  type BookingFilter,
  type BookingStatus,
  type EquipmentKind,
  type LendingItem,
  type LendingStore,
  type NewBooking,
} from '../../registers';
import type { LendingBookingRow, LendingItemRow } from '../schema';
import { runDb } from '../run-db';
import { inTransaction, managerOf } from '../transaction-scope';
import { lockKeyForTransaction } from './atomic-sql';

const list = (json: string | null): string[] | undefined =>
  json === null ? undefined : (JSON.parse(json) as string[]);

function toItem(r: LendingItemRow): LendingItem {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as EquipmentKind,
    accessories: list(r.accessories) ?? [],
    site: r.site ?? undefined,
    note: r.note ?? undefined,
    createdAt: r.createdAt,
    retiredAt: r.retiredAt ?? undefined,
  };
}

/** A booking row as a record (exported for the licence store). */
export function toBooking(r: LendingBookingRow): Booking {
  return {
    id: r.id,
    itemId: r.itemId,
    requester: r.requester,
    department: r.department,
    purpose: r.purpose,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    status: r.status as BookingStatus,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    decidedAt: r.decidedAt ?? undefined,
    decidedBy: r.decidedBy ?? undefined,
    rejectReason: r.rejectReason ?? undefined,
    checkedOutAt: r.checkedOutAt ?? undefined,
    checkedOutBy: r.checkedOutBy ?? undefined,
    accessoriesOut: list(r.accessoriesOut),
    returnedAt: r.returnedAt ?? undefined,
    returnedBy: r.returnedBy ?? undefined,
    accessoriesReturned: list(r.accessoriesReturned),
    returnNote: r.returnNote ?? undefined,
  };
}

function changeRow(c: BookingChange): Partial<LendingBookingRow> {
  const { accessoriesOut, accessoriesReturned, ...rest } = c;
  return {
    ...rest,
    ...(accessoriesOut ? { accessoriesOut: JSON.stringify(accessoriesOut) } : {}),
    ...(accessoriesReturned ? { accessoriesReturned: JSON.stringify(accessoriesReturned) } : {}),
  };
}

/** SQL implementation of LendingStore. */
export class SqlLendingStore implements LendingStore {
  constructor(private readonly ds: DataSource) {}

  private items$() {
    return managerOf(this.ds).getRepository<LendingItemRow>('lending_item');
  }

  private bookings$() {
    return managerOf(this.ds).getRepository<LendingBookingRow>('lending_booking');
  }

  async addItem(item: Omit<LendingItem, 'id' | 'createdAt' | 'retiredAt'>, at: Date): Promise<LendingItem> {
    const row: LendingItemRow = {
      id: randomUUID(),
      name: item.name,
      kind: item.kind,
      accessories: JSON.stringify(item.accessories),
      site: item.site ?? null,
      note: item.note ?? null,
      createdAt: at,
      retiredAt: null,
    };
    await runDb(this.ds, () => this.items$().insert(row));
    return toItem(row);
  }

  async retireItem(id: string, at: Date): Promise<LendingItem> {
    return runDb(this.ds, async () => {
      await this.items$().update({ id }, { retiredAt: at });
      const row = await this.items$().findOneBy({ id });
      if (!row) throw new KotaeError('NOT_FOUND', `lending item ${id}`);
      return toItem(row);
    });
  }

  async items(): Promise<LendingItem[]> {
    const rows = await runDb(this.ds, () => this.items$().find({ order: { kind: 'ASC', name: 'ASC' } }));
    return rows.map(toItem);
  }

  async item(id: string): Promise<LendingItem | undefined> {
    if (!id || id.length > 36) return undefined;
    const row = await runDb(this.ds, () => this.items$().findOneBy({ id }));
    return row ? toItem(row) : undefined;
  }

  async book(input: NewBooking, by: string, at: Date): Promise<Booking> {
    const row: LendingBookingRow = {
      id: randomUUID(),
      ...input,
      status: 'requested',
      createdAt: at,
      createdBy: by,
      decidedAt: null,
      decidedBy: null,
      rejectReason: null,
      checkedOutAt: null,
      checkedOutBy: null,
      accessoriesOut: null,
      returnedAt: null,
      returnedBy: null,
      accessoriesReturned: null,
      returnNote: null,
    };
    await runDb(this.ds, () =>
      inTransaction(this.ds, async (em) => {
        await lockKeyForTransaction(em, `lending_item:${input.itemId}`);
        const item = await this.item(input.itemId);
        if (!item) throw new KotaeError('NOT_FOUND', `lending item ${input.itemId}`);
        if (item.retiredAt)
          throw new KotaeError('CONFLICT', `item ${item.id} retired`, { userMessage: REGISTER_ERRORS.itemRetired });
        const clash = await this.bookings$()
          .createQueryBuilder('b')
          .where('b.itemId = :itemId', { itemId: input.itemId })
          .andWhere('b.status IN (:...holding)', { holding: HOLDING_STATUSES })
          .andWhere('b.startsAt < :endsAt AND b.endsAt > :startsAt', { startsAt: input.startsAt, endsAt: input.endsAt })
          .orderBy('b.startsAt', 'ASC')
          .getOne();
        if (clash) {
          throw new KotaeError('CONFLICT', `booking overlaps ${clash.id}`, {
            userMessage: REGISTER_ERRORS.conflict(item.name, formatJstRange(clash.startsAt, clash.endsAt)),
          });
        }
        await this.bookings$().insert(row);
      }),
    );
    return toBooking(row);
  }

  async transition(id: string, from: readonly BookingStatus[], change: BookingChange): Promise<Booking> {
    return runDb(this.ds, async () => {
      const result = await this.bookings$().update({ id, status: In([...from]) }, changeRow(change));
      const row = await this.bookings$().findOneBy({ id });
      if (!row) throw new KotaeError('NOT_FOUND', `booking ${id}`);
      if (!result.affected) throw new KotaeError('CONFLICT', `booking ${id} is ${row.status}, not ${from.join('|')}`);
      return toBooking(row);
    });
  }

  async booking(id: string): Promise<Booking | undefined> {
    if (!id || id.length > 36) return undefined;
    const row = await runDb(this.ds, () => this.bookings$().findOneBy({ id }));
    return row ? toBooking(row) : undefined;
  }

  async bookings(filter: BookingFilter): Promise<Booking[]> {
    const rows = await runDb(this.ds, () => {
      const q = this.bookings$().createQueryBuilder('b');
      if (filter.itemId) q.andWhere('b.itemId = :itemId', { itemId: filter.itemId });
      if (filter.statuses) q.andWhere('b.status IN (:...statuses)', { statuses: [...filter.statuses, '-'] });
      if (filter.from && filter.to)
        q.andWhere('b.startsAt < :to AND b.endsAt > :from', { from: filter.from, to: filter.to });
      return q.orderBy('b.startsAt', 'ASC').addOrderBy('b.id').take(5000).getMany();
    });
    return rows.map(toBooking);
  }
}
