/** Dates as Japanese staff read them in messages, in JST whatever the server's time zone. */
import { KotaeError } from '../core';
import { JST_OFFSET_MS } from './jst-time';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** 「12月3日（木）8時30分」 (minutes omitted on the hour: 「12月3日（木）9時」). */
export function formatJstDayTime(instant: Date): string {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new KotaeError('INPUT_INVALID', 'instant is not a valid date');
  const jst = new Date(t + JST_OFFSET_MS);
  const minutes = jst.getUTCMinutes();
  return (
    `${jst.getUTCMonth() + 1}月${jst.getUTCDate()}日（${WEEKDAYS[jst.getUTCDay()]}）` +
    `${jst.getUTCHours()}時${minutes === 0 ? '' : `${minutes}分`}`
  );
}
