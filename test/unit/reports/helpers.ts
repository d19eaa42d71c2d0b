/** Shared set-up of the report tests: options, in-memory data from the fixture. */
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../calendar';
import { InMemoryReportData, type BuildReportOptions } from '../../../reports';
import { fixture } from './fixture';

/** The organisation printed on test reports (fictional). */
export const ORGANIZATION = 'ことのは市 情報政策課';

/** Build options at `now`. */
export function options(now: Date): BuildReportOptions {
  return { calendar: new BusinessCalendar(), slaPolicy: DEFAULT_SLA_POLICY, organization: ORGANIZATION, now };
}

/** InMemoryReportData holding the whole fixture. */
export function memoryData(): InMemoryReportData {
  const data = new InMemoryReportData();
  const f = fixture();
  data.questionLog.push(...f.questions);
  data.feedbackLog.push(...f.feedback);
  data.tickets.push(...f.tickets);
  data.workLog.push(...f.workLog);
  data.jobLog.push(...f.jobRuns);
  return data;
}
