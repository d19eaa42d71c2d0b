/**
 * Names that a message's shape gives away: the speaker of a chat transcript line (「[10:02] 田中: …」,
 * 「10:05 佐藤：…」), and a signature's name on the line right above its e-mail address (Marta Lopez⏎
 * marta.lopez@…), a hiragana name introduced after one's section (税務課のかわしまです). Roles and systems that
 * speak or sign (ヘルプデスク, システム, Bot) are no one.
 */
import type { PiiSpan } from '../types';
import { hasNotPersonWord } from './not-person-words';

/** A transcript line: a time (in brackets or not), a speaker of 1–4 kanji / 2–8 kana or 2–3 Latin words, a colon. */
const SPEAKER =
  /^[ \t]*[[(（]?\d{1,2}:\d{2}(?::\d{2})?[\])）]?[ \t]+([一-龥々ヶ]{1,4}(?:[ \t][一-龥々ヶ]{1,4})?|[ァ-ヶー]{2,8}|[ぁ-ゖ]{2,6}|[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})[ \t]*[:：]/dgm;
/** Speakers that are a role, a section or a system, not a person. */
const NOT_SPEAKER =
  /[課係室部局班]$|ヘルプデスク|デスク|サポート|システム|センター|窓口|担当|自動|ボット|管理者|オペレーター|受付/;

/** A line of two or three capitalised Latin words, then on the next line an e-mail address. */
const SIGNED_ABOVE_MAIL =
  /^[ \t]*((?:[A-Z][a-z'’-]+|[A-Z]{2,})(?: (?:[A-Z][a-z'’-]+|[A-Z]{2,})){1,2})[ \t]*\n[ \t]*[\w.%+-]+@/dgm;

/** Introducing oneself after one's section in hiragana, as a voice memo transcribes it (税務課のかわしまです). */
const KANA_SELF_INTRO = /[課係室部局班]の([ぁ-ゖ]{3,6})(?:です|でございます|と申します)/dg;
const NOT_KANA_NAME = /^(?:もの|ほう|かた|みなさん?|みんな|ひと|だれ|どなた|たんとう|かかり|ものども)$|さん$/;

/** Finds transcript speakers, signature names above an address and hiragana self-introductions. */
export function detectMessageNames(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of normalized.matchAll(SPEAKER)) {
    const at = m.indices?.[1];
    const name = m[1] ?? '';
    if (!at || NOT_SPEAKER.test(name) || hasNotPersonWord(name)) continue;
    spans.push({ type: 'person_name', start: at[0], end: at[1] });
  }
  for (const m of normalized.matchAll(KANA_SELF_INTRO)) {
    const at = m.indices?.[1];
    if (at && !NOT_KANA_NAME.test(m[1] ?? '')) spans.push({ type: 'person_name', start: at[0], end: at[1] });
  }
  for (const m of normalized.matchAll(SIGNED_ABOVE_MAIL)) {
    const at = m.indices?.[1];
    if (at && !hasNotPersonWord(m[1] ?? '')) spans.push({ type: 'person_name', start: at[0], end: at[1] });
  }
  return spans;
}
