/** Wiring of the registers and lending (issue 16 point 2): stores, services, console pages. */
import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../core';
import type { Clock } from '../core';
import type { Logger } from '../core';
import { SqlLendingStore } from '../db';
import { SqlLicenceStore } from '../db';
import { SqlRegisterStore } from '../db';
import { LendingService, RegisterService } from '../registers';
import { createConsoleRegistersRouter } from '../adapters/web';
import type { AuthService, RequestKeys } from '../adapters/web';
import type { RegistersConfig } from './config-registers';

/** Builds the register and lending services (their report sections: app/report-parts.ts). */
export function wireRegisters(d: { ds: DataSource; audit: AuditTrail; clock: Clock; config: RegistersConfig }) {
  const store = new SqlRegisterStore(d.ds);
  const lendingStore = new SqlLendingStore(d.ds);
  const registers = new RegisterService({ store, audit: d.audit, clock: d.clock, nameRule: d.config.computerName });
  const lending = new LendingService({
    store: lendingStore,
    licences: new SqlLicenceStore(d.ds),
    audit: d.audit,
    clock: d.clock,
    maxBookingDays: d.config.lendingMaxDays,
  });
  return {
    registers,
    lending,
    /** The console pages, mounted at `/console/registers`. */
    router: (auth: AuthService, logger: Logger, requestKeys?: RequestKeys) =>
      createConsoleRegistersRouter({ registers, lending, clock: d.clock, auth, logger, requestKeys }),
  };
}
