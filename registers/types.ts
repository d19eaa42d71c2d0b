/** Records of the registers (IP addresses, computer names), equipment lending and paid licences (issue 16 point 2). */

/** The two registers of issued values (発行・削除の管理簿). */
export type RegisterKind = 'ip' | 'computer_name';
/** Every register kind. */
export const REGISTER_KINDS: readonly RegisterKind[] = ['ip', 'computer_name'];

/** A value issued from a register, withdrawn or not. */
export interface RegisterEntry {
  id: string;
  kind: RegisterKind;
  value: string;
  status: 'issued' | 'withdrawn';
  department: string;
  requester: string;
  /** Free text (the site table belongs to the terminal register). */
  site?: string;
  /** The terminal concerned, as free text or an id (no foreign key). */
  terminalRef?: string;
  issuedAt: Date;
  issuedBy: string;
  issueReason: string;
  withdrawnAt?: Date;
  withdrawnBy?: string;
  withdrawReason?: string;
}

/** What issuing a value needs (validated). */
export interface NewRegisterEntry {
  kind: RegisterKind;
  value: string;
  department: string;
  requester: string;
  site?: string;
  terminalRef?: string;
  reason: string;
}

/** Kinds of equipment lent. */
export type EquipmentKind = 'web_conference' | 'training' | 'paperless';
/** Every equipment kind. */
export const EQUIPMENT_KINDS: readonly EquipmentKind[] = ['web_conference', 'training', 'paperless'];

/** An equipment item with the accessories lent with it. */
export interface LendingItem {
  id: string;
  name: string;
  kind: EquipmentKind;
  accessories: string[];
  site?: string;
  note?: string;
  createdAt: Date;
  retiredAt?: Date;
}

/** A booking's state: requested → approved | rejected; approved → checked_out → returned; cancelled. */
export type BookingStatus = 'requested' | 'approved' | 'rejected' | 'cancelled' | 'checked_out' | 'returned';
/** States that hold the item's window (a new overlapping booking is refused). */
export const HOLDING_STATUSES: readonly BookingStatus[] = ['requested', 'approved', 'checked_out'];

/** A booking of an item for a window [startsAt, endsAt). */
export interface Booking {
  id: string;
  itemId: string;
  requester: string;
  department: string;
  purpose: string;
  startsAt: Date;
  endsAt: Date;
  status: BookingStatus;
  createdAt: Date;
  createdBy: string;
  decidedAt?: Date;
  decidedBy?: string;
  rejectReason?: string;
  checkedOutAt?: Date;
  checkedOutBy?: string;
  accessoriesOut?: string[];
  returnedAt?: Date;
  returnedBy?: string;
  accessoriesReturned?: string[];
  returnNote?: string;
}

/** What a booking request needs (validated). */
export interface NewBooking {
  itemId: string;
  requester: string;
  department: string;
  purpose: string;
  startsAt: Date;
  endsAt: Date;
}

/** A pool of paid licences (e.g. a web-conference licence pool of N seats). */
export interface LicencePool {
  id: string;
  name: string;
  seats: number;
  createdAt: Date;
}

/** A licence of a pool granted for a booking's window. */
export interface LicenceGrant {
  id: string;
  poolId: string;
  bookingId: string;
  startsAt: Date;
  endsAt: Date;
  grantedAt: Date;
  grantedBy: string;
  releasedAt?: Date;
  releasedBy?: string;
}

/** True when the half-open windows [a0, a1) and [b0, b1) overlap. */
export function overlaps(a0: Date, a1: Date, b0: Date, b1: Date): boolean {
  return a0.getTime() < b1.getTime() && b0.getTime() < a1.getTime();
}

/** Whether a booking is overdue at `now`: checked out and its window has ended. */
export function isOverdue(b: Booking, now: Date): boolean {
  return b.status === 'checked_out' && b.endsAt.getTime() <= now.getTime();
}

/** The most licences of `grants` in use at one instant inside [from, to) (a sweep over the window). */
export function peakUse(grants: readonly Pick<LicenceGrant, 'startsAt' | 'endsAt'>[], from: Date, to: Date): number {
  const edges: [number, number][] = [];
  for (const g of grants) {
    if (!overlaps(g.startsAt, g.endsAt, from, to)) continue;
    edges.push([Math.max(g.startsAt.getTime(), from.getTime()), 1], [g.endsAt.getTime(), -1]);
  }
  // Ends sort before starts at the same instant: back-to-back windows share a seat.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let peak = 0;
  for (const [, delta] of edges) {
    current += delta;
    peak = Math.max(peak, current);
  }
  return peak;
}
