/**
 * Child process of the TZ tests: builds the May and FY2026 reports under the process's own TZ and
 * prints which assertions failed (none expected) as JSON.
 */
import { buildReport } from '../../../reports';
import { assertHalfYearReport, assertMayReport } from './expected';
import { NOW_AFTER_HALF, NOW_AFTER_MAY } from './fixture';
import { memoryData, options } from './helpers';

async function main(): Promise<void> {
  const failures: string[] = [];
  try {
    assertMayReport(await buildReport('monthly', '2026-05', memoryData(), options(NOW_AFTER_MAY)));
  } catch (err) {
    failures.push(`monthly: ${String(err)}`);
  }
  try {
    assertHalfYearReport(await buildReport('halfyear', '2026', memoryData(), options(NOW_AFTER_HALF)));
  } catch (err) {
    failures.push(`halfyear: ${String(err)}`);
  }
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  process.stdout.write(JSON.stringify({ tz, offset: new Date('2026-05-01T00:00:00Z').getTimezoneOffset(), failures }));
}

void main();
