import type { KotaeConfig } from './config';

/** Formats desk hours for staff, e.g. 「平日 8:30〜17:15（土日祝・年末年始を除く）」. */
export function deskHoursText(config: KotaeConfig): string {
  const trim = (t: string) => t.replace(/^0/, '');
  const yearEnd = config.desk.yearEndClosed ? '・年末年始' : '';
  return `平日 ${trim(config.desk.open)}〜${trim(config.desk.close)}（土日祝${yearEnd}を除く）`;
}
