/**
 * Tables of the registers (issue 16 point 2): IP addresses and computer names issued and withdrawn,
 * equipment lending and licence pools. Site and terminal are free text / optional ids without foreign
 * keys (the terminal tables are separate).
 * Part of ALL_TABLES (tables.ts); change a table only together with a new migration in db/migrations.
 */
import type { TableSpec } from './table-spec';
import { date, id, int, long, optDate, optLong, ref, short } from './columns';

/**
 * IP addresses and computer names issued and withdrawn (発行・削除の管理簿). `activeKey` is
 * `<kind>:<value>` while issued and the row's id after withdrawal, so one unique index refuses a
 * second issue of a value in use on every dialect (no partial index needed).
 */
export const registerEntry: TableSpec = {
  name: 'register_entry',
  columns: {
    id,
    kind: short(20),
    value: short(100),
    activeKey: short(140),
    status: short(16),
    department: short(200),
    requester: short(200),
    site: short(200, true),
    terminalRef: short(100, true),
    issuedAt: date,
    issuedBy: short(100),
    issueReason: short(1000),
    withdrawnAt: optDate,
    withdrawnBy: short(100, true),
    withdrawReason: short(1000, true),
  },
  indices: [
    { columns: ['activeKey'], unique: true },
    { columns: ['kind', 'value'] },
    { columns: ['issuedAt'] },
    { columns: ['withdrawnAt'] },
  ],
};

/** Equipment lent to departments (Web会議端末, 研修用端末, ペーパーレス会議端末) with their accessories. */
export const lendingItem: TableSpec = {
  name: 'lending_item',
  columns: {
    id,
    name: short(200),
    kind: short(20),
    accessories: long,
    site: short(200, true),
    note: short(1000, true),
    createdAt: date,
    retiredAt: optDate,
  },
};

/** Booking requests for an item: approval, check-out and return with the accessories lent. */
export const lendingBooking: TableSpec = {
  name: 'lending_booking',
  columns: {
    id,
    itemId: ref,
    requester: short(200),
    department: short(200),
    purpose: short(1000),
    startsAt: date,
    endsAt: date,
    status: short(16),
    createdAt: date,
    createdBy: short(100),
    decidedAt: optDate,
    decidedBy: short(100, true),
    rejectReason: short(1000, true),
    checkedOutAt: optDate,
    checkedOutBy: short(100, true),
    accessoriesOut: optLong,
    returnedAt: optDate,
    returnedBy: short(100, true),
    accessoriesReturned: optLong,
    returnNote: short(1000, true),
  },
  indices: [{ columns: ['itemId', 'startsAt'] }, { columns: ['startsAt'] }],
};

/** A pool of paid licences (e.g. a web-conference licence pool of N seats). */
export const licencePool: TableSpec = {
  name: 'licence_pool',
  columns: { id, name: short(200), seats: int, createdAt: date },
};

/** A licence of a pool granted for a booking's window. */
export const licenceGrant: TableSpec = {
  name: 'licence_grant',
  columns: {
    id,
    poolId: ref,
    bookingId: ref,
    startsAt: date,
    endsAt: date,
    grantedAt: date,
    grantedBy: short(100),
    releasedAt: optDate,
    releasedBy: short(100, true),
  },
  indices: [{ columns: ['poolId', 'startsAt'] }, { columns: ['bookingId'] }],
};
