/**
 * In-memory RegisterStore, LendingStore and LicenceStore: the same refusals as the SQL stores
 * (duplicates, overlapping bookings, exhausted pools), passing the same contract suite.
 */
import { randomUUID } from 'node:crypto';
import { formatJstRange } from '../../calendar';
import { KotaeError } from '../../core/errors';
import {
  HOLDING_STATUSES,
  overlaps,
  peakUse,
  REGISTER_ERRORS,
  type Booking,
  type BookingChange,
  type BookingFilter,
  type BookingStatus,
  type LendingItem,
  type LendingStore,
  type LicenceGrant,
  type LicencePool,
  type LicenceStore,
  type NewBooking,
  type NewRegisterEntry,
  type RegisterEntry,
  type RegisterFilter,
  type RegisterStore,
} from '../../registers';

const copy = <T>(x: T): T => structuredClone(x);
const inRange = (at: Date | undefined, from: Date, to: Date) =>
  at !== undefined && at.getTime() >= from.getTime() && at.getTime() < to.getTime();

/** In-memory RegisterStore. */
export class InMemoryRegisterStore implements RegisterStore {
  private readonly rows: RegisterEntry[] = [];

  async issue(entry: NewRegisterEntry, by: string, at: Date): Promise<RegisterEntry> {
    if (this.rows.some((r) => r.status === 'issued' && r.kind === entry.kind && r.value === entry.value))
      throw new KotaeError('CONFLICT', 'duplicate', {
        userMessage: REGISTER_ERRORS.duplicate(entry.kind, entry.value),
      });
    const { reason, ...rest } = entry;
    const row: RegisterEntry = {
      id: randomUUID(),
      ...rest,
      status: 'issued',
      issuedAt: at,
      issuedBy: by,
      issueReason: reason,
    };
    this.rows.push(row);
    return copy(row);
  }

  async withdraw(id: string, by: string, at: Date, reason: string): Promise<RegisterEntry> {
    const row = this.rows.find((r) => r.id === id);
    if (!row) throw new KotaeError('NOT_FOUND', `register entry ${id}`);
    if (row.status !== 'issued')
      throw new KotaeError('CONFLICT', 'withdrawn already', { userMessage: REGISTER_ERRORS.alreadyWithdrawn });
    Object.assign(row, { status: 'withdrawn', withdrawnAt: at, withdrawnBy: by, withdrawReason: reason });
    return copy(row);
  }

  async get(id: string): Promise<RegisterEntry | undefined> {
    const row = this.rows.find((r) => r.id === id);
    return row && copy(row);
  }

  async list(f: RegisterFilter): Promise<RegisterEntry[]> {
    return this.rows
      .filter((r) => (!f.kind || r.kind === f.kind) && (!f.status || r.status === f.status))
      .filter((r) => !f.text || [r.value, r.department, r.requester].some((v) => v.includes(f.text ?? '')))
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime() || a.id.localeCompare(b.id))
      .map(copy);
  }

  async changedIn(from: Date, to: Date): Promise<RegisterEntry[]> {
    return this.rows
      .filter((r) => inRange(r.issuedAt, from, to) || inRange(r.withdrawnAt, from, to))
      .sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime() || a.id.localeCompare(b.id))
      .map(copy);
  }
}

/** In-memory LendingStore. */
export class InMemoryLendingStore implements LendingStore {
  private readonly itemRows: LendingItem[] = [];
  private readonly bookingRows: Booking[] = [];

  async addItem(item: Omit<LendingItem, 'id' | 'createdAt' | 'retiredAt'>, at: Date): Promise<LendingItem> {
    const row: LendingItem = { id: randomUUID(), ...copy(item), createdAt: at };
    this.itemRows.push(row);
    return copy(row);
  }

  async retireItem(id: string, at: Date): Promise<LendingItem> {
    const row = this.itemRows.find((i) => i.id === id);
    if (!row) throw new KotaeError('NOT_FOUND', `lending item ${id}`);
    row.retiredAt = at;
    return copy(row);
  }

  async items(): Promise<LendingItem[]> {
    return [...this.itemRows].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name)).map(copy);
  }

  async item(id: string): Promise<LendingItem | undefined> {
    const row = this.itemRows.find((i) => i.id === id);
    return row && copy(row);
  }

  async book(input: NewBooking, by: string, at: Date): Promise<Booking> {
    const item = this.itemRows.find((i) => i.id === input.itemId);
    if (!item) throw new KotaeError('NOT_FOUND', `lending item ${input.itemId}`);
    if (item.retiredAt) throw new KotaeError('CONFLICT', 'retired', { userMessage: REGISTER_ERRORS.itemRetired });
    const clash = this.bookingRows
      .filter((b) => b.itemId === input.itemId && HOLDING_STATUSES.includes(b.status))
      .filter((b) => overlaps(b.startsAt, b.endsAt, input.startsAt, input.endsAt))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
    if (clash)
      throw new KotaeError('CONFLICT', 'overlap', {
        userMessage: REGISTER_ERRORS.conflict(item.name, formatJstRange(clash.startsAt, clash.endsAt)),
      });
    const row: Booking = { id: randomUUID(), ...copy(input), status: 'requested', createdAt: at, createdBy: by };
    this.bookingRows.push(row);
    return copy(row);
  }

  async transition(id: string, from: readonly BookingStatus[], change: BookingChange): Promise<Booking> {
    const row = this.bookingRows.find((b) => b.id === id);
    if (!row) throw new KotaeError('NOT_FOUND', `booking ${id}`);
    if (!from.includes(row.status)) throw new KotaeError('CONFLICT', `booking ${id} is ${row.status}`);
    Object.assign(row, copy(change));
    return copy(row);
  }

  async booking(id: string): Promise<Booking | undefined> {
    const row = this.bookingRows.find((b) => b.id === id);
    return row && copy(row);
  }

  async bookings(f: BookingFilter): Promise<Booking[]> {
    return this.bookingRows
      .filter((b) => (!f.itemId || b.itemId === f.itemId) && (!f.statuses || f.statuses.includes(b.status)))
      .filter((b) => !f.from || !f.to || overlaps(b.startsAt, b.endsAt, f.from, f.to))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id))
      .map(copy);
  }
}

/** In-memory LicenceStore. */
export class InMemoryLicenceStore implements LicenceStore {
  private readonly poolRows: LicencePool[] = [];
  private readonly grantRows: LicenceGrant[] = [];

  async addPool(name: string, seats: number, at: Date): Promise<LicencePool> {
    const row = { id: randomUUID(), name, seats, createdAt: at };
    this.poolRows.push(row);
    return copy(row);
  }

  async pools(): Promise<LicencePool[]> {
    return [...this.poolRows].sort((a, b) => a.name.localeCompare(b.name)).map(copy);
  }

  async pool(id: string): Promise<LicencePool | undefined> {
    const row = this.poolRows.find((p) => p.id === id);
    return row && copy(row);
  }

  async grant(poolId: string, booking: Booking, by: string, at: Date): Promise<LicenceGrant> {
    const pool = this.poolRows.find((p) => p.id === poolId);
    if (!pool) throw new KotaeError('NOT_FOUND', `licence pool ${poolId}`);
    const active = this.grantRows.filter(
      (g) => g.poolId === poolId && !g.releasedAt && overlaps(g.startsAt, g.endsAt, booking.startsAt, booking.endsAt),
    );
    if (active.some((g) => g.bookingId === booking.id))
      throw new KotaeError('CONFLICT', 'granted', { userMessage: REGISTER_ERRORS.licenceAlreadyGranted });
    if (peakUse(active, booking.startsAt, booking.endsAt) >= pool.seats)
      throw new KotaeError('CONFLICT', 'exhausted', {
        userMessage: REGISTER_ERRORS.licenceExhausted(pool.name, formatJstRange(booking.startsAt, booking.endsAt)),
      });
    const row: LicenceGrant = {
      id: randomUUID(),
      poolId,
      bookingId: booking.id,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      grantedAt: at,
      grantedBy: by,
    };
    this.grantRows.push(row);
    return copy(row);
  }

  async release(id: string, by: string, at: Date): Promise<LicenceGrant> {
    const row = this.grantRows.find((g) => g.id === id);
    if (!row) throw new KotaeError('NOT_FOUND', `licence grant ${id}`);
    if (row.releasedAt) throw new KotaeError('CONFLICT', 'released', { userMessage: REGISTER_ERRORS.licenceReleased });
    Object.assign(row, { releasedAt: at, releasedBy: by });
    return copy(row);
  }

  async grants(f: { poolId?: string; bookingId?: string }): Promise<LicenceGrant[]> {
    return this.grantRows
      .filter(
        (g) => !g.releasedAt && (!f.poolId || g.poolId === f.poolId) && (!f.bookingId || g.bookingId === f.bookingId),
      )
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map(copy);
  }
}
