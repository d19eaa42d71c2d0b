/** The db/schema folder's public entry. */
export type * from './rows';
export { type Dialect, dialectOfDriver } from './column-types';
export { ALL_TABLES } from './tables';
export { toEntitySchema } from './table-spec';
export {
  type CampaignRow,
  type CampaignTargetRow,
  type SiteRow,
  type StagedImportRow,
  type TerminalChangeRow,
  type TerminalRow,
  type TicketTerminalRow,
} from './operations-rows';
export {
  type LendingBookingRow,
  type LendingItemRow,
  type LicenceGrantRow,
  type LicencePoolRow,
  type RegisterEntryRow,
} from './register-rows';
