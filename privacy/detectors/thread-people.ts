/**
 * People named by the shape of a ticket thread, a work report or a mail (session 34, the forty-ninth blind batch):
 * - the writer of a quoted or threaded entry: a date and a time, maybe the sections, the name, then "wrote:" or a colon
 *   (> 2025/06/10 16:42 市民課 山辺 千秋 wrote:, 2025/06/12 09:10 税務課 福士:), and a mail header's writer after the
 *   office, the desk or a branch (> From: ヘルプデスク 石動, From: 北浜支所 菅沼 — the rule of session 32 knew only
 *   sections ending in 課 / 係 …);
 * - the name closing a party label after its sections, also in brackets (（作業者：ヘルプデスク 石動）, 立会：北浜支所
 *   総務係 朝比奈 — two section words);
 * - a display name before an e-mail address in round brackets (旧：浅見 (asami.t@…)), as before one in angle brackets;
 * - the person themself named in brackets after 本人 (本人(みやざき), 本人（堀 ゆかり）);
 * - the name a section's member is called by before an honorific, even a place's name (観光課の宇都宮さん);
 * - a maiden name quoted after 旧姓 (旧姓併記の欄に「ヤマモト」);
 * - a kanji name signing the message after "by" (…引き継ぎます。by 北条).
 */
import type { PiiSpan } from '../types';
import { KNOWN_FAMILY_NAMES, surnameLike } from '../family-names';
import { captured } from './captured';
import { fillsNameSlot } from './rare-names';

/** A section, a branch, a desk or a company as a word before a colleague's name. */
const UNIT =
  '(?:[一-龥ァ-ヶー]{1,12}(?:課|係|室|班|局|部|所|センター|ヘルプデスク|デスク|窓口)|ヘルプデスク|窓口|(?:[（(]株[）)]|株式会社)[^\\s、,()（）]{1,16})';
/** A kanji family name, maybe with the given name after a space. */
const KANJI_NAME = '([一-龥々ヶ]{1,4}(?:[ \\u3000][一-龥々ヶ]{1,3})?)';
/** A date and a time opening an entry of a thread, maybe quoted (> 2025/06/10 16:42). */
const STAMP = '\\d{4}[/.-]\\d{1,2}[/.-]\\d{1,2}(?:[（(][月火水木金土日][）)])?[ \\t]+\\d{1,2}:\\d{2}(?::\\d{2})?';
/** A thread entry's head: the stamp, maybe the units, the name, then wrote: or a colon closing the line. */
const ENTRY_HEAD = new RegExp(
  `^[ \\t>]*${STAMP}[ \\t]+((?:${UNIT}[ \\t\\u3000]+){0,2})${KANJI_NAME}[ \\t]*(wrote:|[:：][ \\t]*$)`,
  'dgm',
);
/** A mail header's writer after one or two units (> From: ヘルプデスク 石動). */
const HEADER_AFTER_UNIT = new RegExp(
  `^[ \\t>]*(?:From|差出人|送信者)[ \\t]*[:：][ \\t]*(?:${UNIT}[ \\t\\u3000]+){1,2}${KANJI_NAME}[ \\t]*(?=$|<|[（(])`,
  'dgm',
);
/** A party label, the units, maybe a post, then the name before a bracket's end, a comma or the line's end. */
const PARTY = new RegExp(
  `(?:担当者?|作業者|立会い?|立ち会い|対応者|報告者|記録者|確認者|起票者)[ \\t]*[:：][ \\t]*(?:${UNIT}[ \\t\\u3000]+){1,2}` +
    `(?:(?:課長|係長|主査|主任|主事|主幹|所長|室長)[ \\t\\u3000]+)?${KANJI_NAME}[ \\t]*(?=[)）、,。]|\\n|$)`,
  'dg',
);
/** A display name, then an e-mail address in round brackets (浅見 (asami.t@…)). */
const BEFORE_MAIL_IN_BRACKETS = new RegExp(
  `(?:^|(?<=[\\s:：、,]))${KANJI_NAME}[ \\t]*[（(][ \\t]*[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}[ \\t]*[）)]`,
  'dg',
);
/** The person themself named in brackets after 本人. */
const SELF_IN_BRACKETS =
  /本人[（(]([ぁ-ゖ]{2,6}|[ァ-ヶー]{2,8}|[一-龥々ヶ]{2,4}(?:[ \u3000][一-龥々ヶぁ-ゖ]{1,4})?)(?:さん|様)?[）)]/dg;
/** A section's member before an honorific: the section, の, the name (not before a post: 公室の秘書係長). */
const MEMBER_OF_SECTION = /[一-龥ァ-ヶー]{1,10}[課係室班]の([一-龥々ヶ]{2,4})(?=さん|様|氏)/dg;
/** A kanji name signing the message after "by" (この件引き継ぎます。by 北条), as a Latin one already was. */
const SIGNED_BY = /\bby[ \t]+([一-龥々ヶ]{2,4})[ \t。.]*$/dg;
/** A maiden name quoted after 旧姓 in the same clause. */
const MAIDEN_NAME =
  /旧姓[^「『\n。]{0,16}[「『]([一-龥々ヶ]{1,4}|[ァ-ヶー]{2,8}|[ぁ-ゖ]{2,6}|[A-Z][A-Za-z]{1,15})[」』]/dg;

/** A post by itself (主査, 課長補佐, 係長代理). */
const POST_ALONE = /^(?:課長|係長|部長|次長|室長|所長|局長|主査|主任|主事|主幹|参事|班長|技師|補佐)(?:補佐|代理)?$/;

/**
 * A family name where the place says a person: a word no one is called (全員, 未定), a listed family name, or one made of
 * their kanji even when it ends like an office (日下部).
 */
const nameLike = (name: string): boolean => {
  const family = name.split(/[ \u3000]/)[0]!;
  // A post standing where the name would (対応者：情報政策課 主査、…) is no one's name.
  if (POST_ALONE.test(family)) return false;
  return (
    fillsNameSlot(family) ||
    KNOWN_FAMILY_NAMES.has(family) ||
    (family.length === 3 && surnameLike(family)) ||
    (family.length === 1 && name.length > 2)
  );
};

/** Finds the names above. */
export function detectThreadPeople(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of normalized.matchAll(ENTRY_HEAD)) {
    const [, units = '', name = '', end = ''] = m;
    // After a colon the name needs a unit before it or a listed family name (a time's label is no one: 09:10 更新:).
    const sure = end === 'wrote:' || units.trim() !== '' || KNOWN_FAMILY_NAMES.has(name);
    const at = m.indices![2]!;
    if (sure && nameLike(name)) spans.push({ type: 'person_name', start: at[0], end: at[1] });
  }
  spans.push(
    ...captured(normalized, HEADER_AFTER_UNIT, nameLike),
    ...captured(normalized, PARTY, nameLike),
    ...captured(normalized, BEFORE_MAIL_IN_BRACKETS, nameLike),
    ...captured(normalized, SELF_IN_BRACKETS, (name) => !/^[一-龥]/.test(name) || nameLike(name)),
    ...captured(normalized, MEMBER_OF_SECTION, nameLike),
    ...captured(normalized, MAIDEN_NAME),
    ...captured(normalized, SIGNED_BY, nameLike),
  );
  return spans;
}
