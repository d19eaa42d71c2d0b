/** Register and lending services over SQL or in-memory stores, with a fake clock and an audit trail. */
import type { DataSource } from 'typeorm';
import type { AuditEntry, AuditTrail } from '../../core/audit';
import { FakeClock } from '../../core/clock';
import { SqlLendingStore } from '../../db/repositories/sql-lending-store';
import { SqlLicenceStore } from '../../db/repositories/sql-licence-store';
import { SqlRegisterStore } from '../../db/repositories/sql-register-store';
import {
  DEFAULT_COMPUTER_NAME_RULE,
  LendingService,
  RegisterService,
  type LendingStore,
  type LicenceStore,
  type RegisterStore,
} from '../../registers';
import { InMemoryLendingStore, InMemoryLicenceStore, InMemoryRegisterStore } from '../fakes/in-memory-registers';
import { testAuditLog } from './audit';

/** 2026-07-01 09:00 JST. */
export const REGISTER_T0 = new Date('2026-07-01T00:00:00.000Z');

/** The instant `hours` after REGISTER_T0. */
export const hoursAfter = (hours: number) => new Date(REGISTER_T0.getTime() + hours * 3_600_000);

/** Services on a set of stores, and the audited actions (oldest first). */
export interface RegisterHarness {
  clock: FakeClock;
  store: RegisterStore;
  lendingStore: LendingStore;
  registers: RegisterService;
  lending: LendingService;
  auditActions(): Promise<string[]>;
}

function harness(
  stores: { store: RegisterStore; lendingStore: LendingStore; licences: LicenceStore },
  audit: AuditTrail,
  clock: FakeClock,
  auditActions: () => Promise<string[]>,
): RegisterHarness {
  return {
    clock,
    ...stores,
    auditActions,
    registers: new RegisterService({ store: stores.store, audit, clock, nameRule: DEFAULT_COMPUTER_NAME_RULE }),
    lending: new LendingService({
      store: stores.lendingStore,
      licences: stores.licences,
      audit,
      clock,
      maxBookingDays: 31,
    }),
  };
}

/** The services on the SQL stores of one data source, audited in its audit log. */
export function registerServices(ds: DataSource, clock = new FakeClock(REGISTER_T0)): RegisterHarness {
  const audit = testAuditLog(ds, () => clock.now());
  const stores = {
    store: new SqlRegisterStore(ds),
    lendingStore: new SqlLendingStore(ds),
    licences: new SqlLicenceStore(ds),
  };
  return harness(stores, audit, clock, async () => (await audit.recent(1000)).map((r) => r.action).reverse());
}

/** The services on the in-memory fakes, with an audit trail that keeps its entries. */
export function inMemoryRegisterServices(clock = new FakeClock(REGISTER_T0)): RegisterHarness {
  const entries: AuditEntry[] = [];
  const audit: AuditTrail = {
    record: async (e) => void entries.push(e),
    atomically: async (change, entry) => {
      const result = await change();
      const e = entry(result);
      if (e) entries.push(e);
      return result;
    },
  };
  const stores = {
    store: new InMemoryRegisterStore(),
    lendingStore: new InMemoryLendingStore(),
    licences: new InMemoryLicenceStore(),
  };
  return harness(stores, audit, clock, async () => entries.map((e) => e.action));
}
