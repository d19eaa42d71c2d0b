/**
 * Equipment lending: items, booking requests, approval by ICT推進課 (admins; the route checks the
 * role), check-out and return with the accessories, and paid licences for booked windows. Audited.
 */
import { KotaeError } from '../core';
import type { AuditTrail } from '../core';
import type { Clock } from '../core';
import { BOOKING_STATUS_LABELS, REGISTER_ERRORS as E } from './messages';
import type { BookingChange, BookingFilter, LendingStore, LicenceStore } from './ports';
import type { Booking, BookingStatus, LendingItem, LicenceGrant, LicencePool } from './types';
import { accessoryList, checkWindow, equipmentKindOf, optionalText, requiredText } from './validate';

/** What the service needs. */
export interface LendingServiceDeps {
  store: LendingStore;
  licences: LicenceStore;
  audit: AuditTrail;
  clock: Clock;
  /** Longest booking window in days. */
  maxBookingDays: number;
}

/** Raw form input of a booking request. */
export interface BookingInput {
  itemId?: unknown;
  requester?: unknown;
  department?: unknown;
  purpose?: unknown;
  startsAt: Date;
  endsAt: Date;
}

const notFound = (what: string) => new KotaeError('NOT_FOUND', what);

/** The lending use cases. */
export class LendingService {
  constructor(private readonly deps: LendingServiceDeps) {}

  private get now(): Date {
    return this.deps.clock.now();
  }

  /** Adds an equipment item (admins). */
  addItem(
    input: { name: unknown; kind: unknown; accessories: unknown; site?: unknown; note?: unknown },
    actor: string,
  ) {
    const item = {
      name: requiredText(input.name, '機器名', 200),
      kind: equipmentKindOf(input.kind),
      accessories: accessoryList(input.accessories),
      site: optionalText(input.site, '設置場所', 200),
      note: optionalText(input.note, '備考', 1000),
    };
    const at = this.now;
    return this.deps.audit.atomically(
      () => this.deps.store.addItem(item, at),
      (i) => ({ actor, action: 'lending.item_add', target: i.id, detail: { name: i.name, kind: i.kind } }),
    );
  }

  /** Ends lending of an item (its bookings stay). */
  retireItem(id: string, actor: string): Promise<LendingItem> {
    const at = this.now;
    return this.deps.audit.atomically(
      () => this.deps.store.retireItem(id, at),
      (i) => ({ actor, action: 'lending.item_retire', target: i.id, detail: { name: i.name } }),
    );
  }

  items(): Promise<LendingItem[]> {
    return this.deps.store.items();
  }

  async item(id: string): Promise<LendingItem> {
    const item = await this.deps.store.item(id);
    if (!item) throw notFound(`lending item ${id}`);
    return item;
  }

  /** Requests a booking; an overlapping booking of the item is refused (CONFLICT, nothing written). */
  request(input: BookingInput, actor: string): Promise<Booking> {
    checkWindow(input.startsAt, input.endsAt, this.deps.maxBookingDays);
    const booking = {
      itemId: requiredText(input.itemId, '機器', 36),
      requester: requiredText(input.requester, '依頼者', 200),
      department: requiredText(input.department, '所属', 200),
      purpose: requiredText(input.purpose, '利用目的', 1000),
      startsAt: input.startsAt,
      endsAt: input.endsAt,
    };
    const at = this.now;
    return this.deps.audit.atomically(
      () => this.deps.store.book(booking, actor, at),
      (b) => ({
        actor,
        action: 'lending.request',
        target: b.id,
        detail: { itemId: b.itemId, startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() },
      }),
    );
  }

  /** ICT推進課 approves a requested booking. */
  approve(id: string, actor: string): Promise<Booking> {
    return this.move(id, ['requested'], { status: 'approved', decidedAt: this.now, decidedBy: actor }, actor, '承認');
  }

  /** ICT推進課 rejects a requested booking with a reason. */
  reject(id: string, reason: unknown, actor: string): Promise<Booking> {
    const why = optionalText(reason, '却下の理由', 1000);
    if (!why) throw new KotaeError('INPUT_INVALID', 'reject reason missing', { userMessage: E.rejectReasonRequired });
    const change = { status: 'rejected', decidedAt: this.now, decidedBy: actor, rejectReason: why } as const;
    return this.move(id, ['requested'], change, actor, '却下');
  }

  /** Cancels a booking that has not been checked out; its licences are released. */
  async cancel(id: string, actor: string): Promise<Booking> {
    return this.deps.audit.atomically(
      async () => {
        const b = await this.transition(id, ['requested', 'approved'], { status: 'cancelled' }, '取消');
        for (const g of await this.deps.licences.grants({ bookingId: id }))
          await this.deps.licences.release(g.id, actor, this.now);
        return b;
      },
      (b) => ({ actor, action: 'lending.cancel', target: b.id }),
    );
  }

  /** Hands an approved booking's item out with the accessories lent (each one of the item's). */
  async checkOut(id: string, accessories: unknown, actor: string): Promise<Booking> {
    const booking = await this.booking(id);
    const item = await this.item(booking.itemId);
    const lent = accessoryList(accessories);
    for (const a of lent) if (!item.accessories.includes(a)) throw invalidAccessory(a);
    const change = {
      status: 'checked_out',
      checkedOutAt: this.now,
      checkedOutBy: actor,
      accessoriesOut: lent,
    } as const;
    return this.move(id, ['approved'], change, actor, '貸出');
  }

  /** Takes the item back; accessories lent but not returned are noted as missing. */
  async return(id: string, input: { accessories: unknown; note?: unknown }, actor: string): Promise<Booking> {
    const booking = await this.booking(id);
    const back = accessoryList(input.accessories);
    for (const a of back) if (!(booking.accessoriesOut ?? []).includes(a)) throw invalidAccessory(a);
    const change: BookingChange = {
      status: 'returned',
      returnedAt: this.now,
      returnedBy: actor,
      accessoriesReturned: back,
      returnNote: optionalText(input.note, '返却時の備考', 1000),
    };
    return this.deps.audit.atomically(
      async () => {
        const b = await this.transition(id, ['checked_out'], change, '返却');
        // The window's licences end with the return.
        for (const g of await this.deps.licences.grants({ bookingId: id }))
          await this.deps.licences.release(g.id, actor, this.now);
        return b;
      },
      (b) => ({ actor, action: 'lending.return', target: b.id, detail: { missing: missingAccessories(b) } }),
    );
  }

  async booking(id: string): Promise<Booking> {
    const b = await this.deps.store.booking(id);
    if (!b) throw notFound(`booking ${id}`);
    return b;
  }

  bookings(filter: BookingFilter): Promise<Booking[]> {
    return this.deps.store.bookings(filter);
  }

  /** Adds a licence pool of `seats` licences (admins). */
  addPool(name: unknown, seats: unknown, actor: string): Promise<LicencePool> {
    const n = requiredText(name, 'ライセンス名', 200);
    const count = Number(seats);
    if (!Number.isInteger(count) || count < 1 || count > 10_000)
      throw new KotaeError('INPUT_INVALID', 'bad seats', { userMessage: E.seatsInvalid });
    const at = this.now;
    return this.deps.audit.atomically(
      () => this.deps.licences.addPool(n, count, at),
      (p) => ({ actor, action: 'licence.pool_add', target: p.id, detail: { name: p.name, seats: p.seats } }),
    );
  }

  pools(): Promise<LicencePool[]> {
    return this.deps.licences.pools();
  }

  grants(filter: { poolId?: string; bookingId?: string }): Promise<LicenceGrant[]> {
    return this.deps.licences.grants(filter);
  }

  /** Grants a licence of a pool for an approved or checked-out booking's window, when one is free. */
  async grantLicence(bookingId: string, poolId: string, actor: string): Promise<LicenceGrant> {
    const booking = await this.booking(bookingId);
    if (booking.status !== 'approved' && booking.status !== 'checked_out')
      throw new KotaeError('CONFLICT', `booking ${bookingId} is ${booking.status}`, {
        userMessage: E.licenceNeedsBooking,
      });
    const at = this.now;
    return this.deps.audit.atomically(
      () => this.deps.licences.grant(poolId, booking, actor, at),
      (g) => ({ actor, action: 'licence.grant', target: g.id, detail: { poolId, bookingId } }),
    );
  }

  /** Releases a licence grant. */
  releaseLicence(grantId: string, actor: string): Promise<LicenceGrant> {
    const at = this.now;
    return this.deps.audit.atomically(
      () => this.deps.licences.release(grantId, actor, at),
      (g) => ({ actor, action: 'licence.release', target: g.id, detail: { bookingId: g.bookingId } }),
    );
  }

  private move(id: string, from: BookingStatus[], change: BookingChange, actor: string, verb: string) {
    return this.deps.audit.atomically(
      () => this.transition(id, from, change, verb),
      (b) => ({ actor, action: `lending.${b.status}`, target: b.id, detail: { itemId: b.itemId } }),
    );
  }

  private async transition(id: string, from: BookingStatus[], change: BookingChange, verb: string) {
    try {
      return await this.deps.store.transition(id, from, change);
    } catch (err) {
      if (!(err instanceof KotaeError) || err.code !== 'CONFLICT') throw err;
      const current = await this.deps.store.booking(id);
      const label = current ? BOOKING_STATUS_LABELS[current.status] : '';
      throw new KotaeError('CONFLICT', err.message, { userMessage: E.transition(label, verb) });
    }
  }
}

function invalidAccessory(name: string): KotaeError {
  return new KotaeError('INPUT_INVALID', `unknown accessory ${name}`, { userMessage: E.accessoryUnknown(name) });
}

/** Accessories lent with a booking and not returned. */
export function missingAccessories(b: Booking): string[] {
  if (b.status !== 'returned') return [];
  return (b.accessoriesOut ?? []).filter((a) => !(b.accessoriesReturned ?? []).includes(a));
}
