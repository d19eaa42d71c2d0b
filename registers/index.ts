/**
 * Registers (issue 16 point 2): the IP-address and computer-name registers (発行・削除の管理簿),
 * equipment lending with approval, a booking calendar and check-out/return, paid licences for
 * booked windows, and their report sections. Domain logic only; db/ implements the ports.
 */
export * from './types';
export type * from './ports';
export { REGISTER_LABELS, EQUIPMENT_LABELS, BOOKING_STATUS_LABELS, REGISTER_ERRORS } from './messages';
export { DEFAULT_COMPUTER_NAME_RULE, normalizeIpv4, normalizeComputerName, type ComputerNameRule } from './validate';
export { RegisterService, type IssueInput, type RegisterServiceDeps } from './register-service';
export { LendingService, missingAccessories, type BookingInput, type LendingServiceDeps } from './lending-service';
export { registerCsv, type CsvEncoding } from './csv-export';
export { RegisterReportSections } from './report-sections';
export {
  bookingCalendar,
  calendarRange,
  type BookingCalendar,
  type CalendarDay,
  type CalendarView,
} from './booking-calendar';
