/** The ports of the registers and lending; db/ implements them on SQL (SqlRegisterStore, SqlLendingStore). */
import type {
  Booking,
  BookingStatus,
  LendingItem,
  LicenceGrant,
  LicencePool,
  NewBooking,
  NewRegisterEntry,
  RegisterEntry,
  RegisterKind,
} from './types';

/** Filter of a register listing. */
export interface RegisterFilter {
  kind?: RegisterKind;
  status?: RegisterEntry['status'];
  /** Part of the value, department or requester. */
  text?: string;
}

/** The IP-address and computer-name registers. */
export interface RegisterStore {
  /**
   * Issues a value (already normalised). A value currently issued in the same register is refused
   * with CONFLICT, also when two issues race (a unique key on the active value decides).
   */
  issue(entry: NewRegisterEntry, by: string, at: Date): Promise<RegisterEntry>;
  /** Withdraws an issued value; NOT_FOUND when unknown, CONFLICT when already withdrawn. */
  withdraw(id: string, by: string, at: Date, reason: string): Promise<RegisterEntry>;
  get(id: string): Promise<RegisterEntry | undefined>;
  /** Entries newest first. */
  list(filter: RegisterFilter): Promise<RegisterEntry[]>;
  /** Entries issued or withdrawn in [from, to). */
  changedIn(from: Date, to: Date): Promise<RegisterEntry[]>;
}

/** Filter of a booking listing: bookings overlapping [from, to) when both are given. */
export interface BookingFilter {
  itemId?: string;
  from?: Date;
  to?: Date;
  statuses?: readonly BookingStatus[];
}

/** Fields a booking transition sets. */
export type BookingChange = Partial<Omit<Booking, 'id' | 'itemId' | 'createdAt' | 'createdBy'>> & {
  status: BookingStatus;
};

/** Equipment items and their bookings. */
export interface LendingStore {
  addItem(item: Omit<LendingItem, 'id' | 'createdAt' | 'retiredAt'>, at: Date): Promise<LendingItem>;
  retireItem(id: string, at: Date): Promise<LendingItem>;
  items(): Promise<LendingItem[]>;
  item(id: string): Promise<LendingItem | undefined>;
  /**
   * Books an item for a window. Refused with CONFLICT (and nothing written) when another requested,
   * approved or checked-out booking of the item overlaps it, also when two requests race.
   */
  book(input: NewBooking, by: string, at: Date): Promise<Booking>;
  /** Moves a booking from one of `from` to `change.status`; CONFLICT when it is in another state. */
  transition(id: string, from: readonly BookingStatus[], change: BookingChange): Promise<Booking>;
  booking(id: string): Promise<Booking | undefined>;
  /** Bookings ordered by start. */
  bookings(filter: BookingFilter): Promise<Booking[]>;
}

/** Paid licence pools and their grants for booked windows. */
export interface LicenceStore {
  addPool(name: string, seats: number, at: Date): Promise<LicencePool>;
  pools(): Promise<LicencePool[]>;
  pool(id: string): Promise<LicencePool | undefined>;
  /**
   * Grants a licence of the pool for the booking's window when one is free throughout it; CONFLICT
   * (nothing written) when the pool is exhausted, also when two grants race.
   */
  grant(poolId: string, booking: Booking, by: string, at: Date): Promise<LicenceGrant>;
  /** Releases a grant; CONFLICT when already released. */
  release(id: string, by: string, at: Date): Promise<LicenceGrant>;
  /** Active (unreleased) grants, of a pool and/or a booking. */
  grants(filter: { poolId?: string; bookingId?: string }): Promise<LicenceGrant[]>;
}
