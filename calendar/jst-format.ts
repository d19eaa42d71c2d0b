/** Dates as Japanese staff read them in messages, in JST whatever the server's time zone. */
import { KotaeError } from '../core';
import { jstParts } from './jst-time';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** 「12月3日（木）8時30分」 (minutes omitted on the hour: 「12月3日（木）9時」). */
export function formatJstDayTime(instant: Date): string {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new KotaeError('INPUT_INVALID', 'instant is not a valid date');
  const p = jstParts(instant);
  return `${p.month}月${p.day}日（${WEEKDAYS[p.weekday]}）${p.hour}時${p.minute === 0 ? '' : `${p.minute}分`}`;
}
