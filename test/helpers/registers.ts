/** Register and lending services on a test database, with a fake clock and a test audit log. */
import type { DataSource } from 'typeorm';
import { FakeClock } from '../../core/clock';
import { SqlLendingStore } from '../../db/repositories/sql-lending-store';
import { SqlLicenceStore } from '../../db/repositories/sql-licence-store';
import { SqlRegisterStore } from '../../db/repositories/sql-register-store';
import { DEFAULT_COMPUTER_NAME_RULE, LendingService, RegisterService } from '../../registers';
import { testAuditLog } from './audit';

/** 2026-07-01 09:00 JST. */
export const REGISTER_T0 = new Date('2026-07-01T00:00:00.000Z');

/** The services of one data source. */
export function registerServices(ds: DataSource, clock = new FakeClock(REGISTER_T0)) {
  const audit = testAuditLog(ds, () => clock.now());
  const store = new SqlRegisterStore(ds);
  const lendingStore = new SqlLendingStore(ds);
  const licences = new SqlLicenceStore(ds);
  return {
    clock,
    audit,
    store,
    lendingStore,
    licences,
    registers: new RegisterService({ store, audit, clock, nameRule: DEFAULT_COMPUTER_NAME_RULE }),
    lending: new LendingService({ store: lendingStore, licences, audit, clock, maxBookingDays: 31 }),
  };
}

/** The instant `hours` after REGISTER_T0. */
export const hoursAfter = (hours: number) => new Date(REGISTER_T0.getTime() + hours * 3_600_000);
