/** Row shapes of the register and lending tables (issue 16 point 2), as their repositories read and write them. */

export interface RegisterEntryRow {
  id: string;
  kind: string;
  value: string;
  activeKey: string;
  status: string;
  department: string;
  requester: string;
  site: string | null;
  terminalRef: string | null;
  issuedAt: Date;
  issuedBy: string;
  issueReason: string;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  withdrawReason: string | null;
}

export interface LendingItemRow {
  id: string;
  name: string;
  kind: string;
  accessories: string;
  site: string | null;
  note: string | null;
  createdAt: Date;
  retiredAt: Date | null;
}

export interface LendingBookingRow {
  id: string;
  itemId: string;
  requester: string;
  department: string;
  purpose: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  createdAt: Date;
  createdBy: string;
  decidedAt: Date | null;
  decidedBy: string | null;
  rejectReason: string | null;
  checkedOutAt: Date | null;
  checkedOutBy: string | null;
  accessoriesOut: string | null;
  returnedAt: Date | null;
  returnedBy: string | null;
  accessoriesReturned: string | null;
  returnNote: string | null;
}

export interface LicencePoolRow {
  id: string;
  name: string;
  seats: number;
  createdAt: Date;
}

export interface LicenceGrantRow {
  id: string;
  poolId: string;
  bookingId: string;
  startsAt: Date;
  endsAt: Date;
  grantedAt: Date;
  grantedBy: string;
  releasedAt: Date | null;
  releasedBy: string | null;
}
