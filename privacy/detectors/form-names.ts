/**
 * Names that a form's label or a register's cell gives away (session 32, the forty-second blind batch): a label in 【】
 * as web forms print them (【氏名】 宇良 ハンナ), a post's line holding a katakana name of parts joined by ・ (副班長：ソン・
 * ミンジュ), an account holder's katakana name after 名義 in a sentence mixing English (名義 is マフムード タリク — a foreign
 * name's reading has long marks), a register's cell right before the section the person belongs to (… ⇥HALIMA YUSUF⇥
 * 国際交流課, …,ロペス マリア,国際交流課,…), and a Latin name on the line above a postal address (Rafael Costa⏎3-12-8
 * Wakakusadai,).
 */
import type { PiiSpan } from '../types';
import { rowsOf } from '../table-rows';
import { captured } from './captured';
import { hasNotPersonWord } from './not-person-words';
import { spelledInJapanese } from './romaji-name';

const KATAKANA_NAME = '[ァ-ヶー]{2,12}(?:[・ \\u3000][ァ-ヶー]{1,12}){1,3}';
const LATIN_NAME = "(?:[A-Z][a-z'’-]+|[A-Z]{2,})(?: (?:[A-Z][a-z'’-]+|[A-Z]{2,})){1,2}";
/** A person's label in 【】 and the name after it: kanji, kanji with katakana, katakana or Latin. */
const BRACKETED_LABEL = new RegExp(
  `【(?:氏名|お名前|名前|申請者|申込者|届出人|依頼者|相談者|代表者|保護者|契約者)】[ \\t\\u3000]*` +
    `([一-龥々ヶ]{1,4}[ \\u3000](?:[一-龥々ヶ]{1,3}|[ァ-ヶー]{2,8}|[ぁ-ゖ]{2,4})|${KATAKANA_NAME}|${LATIN_NAME})(?=[ \\t\\u3000]*(?:$|\\n))`,
  'dg',
);
/** A post's line (班長：, 副班長：, 係長：, リーダー：) holding a katakana name of parts joined by ・. */
const POST_LINE =
  /(?:^|\n)[ \t]*(?:副|主任)?[一-龥]{0,4}(?:長|リーダー|担当|補佐)[ \t]*[:：][ \t\u3000]*([ァ-ヶー]{2,8}(?:・[ァ-ヶー]{1,8}){1,3})(?![ァ-ヶー・])/dg;
/** An account holder's katakana name right after 名義 and is, a colon or は (long marks allowed). */
const HOLDER = new RegExp(`名義人?[ \\t]*(?:is|[:：=]|は)[ \\t\\u3000]*(${KATAKANA_NAME})(?![ァ-ヶー])`, 'dg');
/** A line of a Latin name, then a line opening a postal address (a block number, a postal code, a prefecture). */
const ABOVE_ADDRESS = new RegExp(
  `(?:^|\\n)[ \\t]*(${LATIN_NAME})[ \\t]*\\n[ \\t]*(?:\\d{1,4}-\\d{1,4}(?:-\\d{1,4})?[ ,]|〒|\\d{3}-\\d{4}|[一-龥]{2,4}[都道府県])`,
  'dg',
);
/** A register's cell naming the section or the office a person belongs to. */
const SECTION_CELL = /^[一-龥ァ-ヶー]{1,12}(?:課|係|室|局|部|センター|事務所)$/;
/** A register's cell of a person's name: a Latin name, or a katakana one of two or three parts. */
const PERSON_CELL = new RegExp(`^(?:${LATIN_NAME}|[ァ-ヶー]{2,12}(?:[・ ][ァ-ヶー]{1,12}){1,2})$`);
/** Two romaji words in any case (watanabe KOJI, Ohno sayaka), as a register typed by hand holds a Japanese name. */
const romajiPair = (text: string): boolean =>
  /^[A-Za-z]{2,15} [A-Za-z]{2,15}$/.test(text) && text.split(' ').every((w) => spelledInJapanese(w.toLowerCase()));
const NAME_SECTION_LINE =
  /(?:^|\n)[ \t]*([A-Za-z][A-Za-z'’-]{1,15}(?: [A-Za-z][A-Za-z'’-]{1,15}){1,2})[ \t]*,[ \t]*[一-龥ァ-ヶー]{1,12}(?:課|係|室|局|部|センター|事務所)[ \t]*(?=\n|$)/dg;
/** Katakana that is a thing a register lists (ノート パソコン, ポケット Wi-Fi), not a person: a long mark on every part. */
const THING = /^[ァ-ヶ]*ー[ァ-ヶー]*(?:[・ ][ァ-ヶ]*ー[ァ-ヶー]*)+$/;

/** Finds names by a form's label or a register's cell. */
export function detectFormNames(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [
    ...captured(normalized, BRACKETED_LABEL, (name) => !hasNotPersonWord(name)),
    ...captured(normalized, POST_LINE),
    // A company holds an account too (名義は カブシキガイシャ サクラ): its bank katakana names its kind.
    ...captured(normalized, HOLDER, (name) => !/カイシャ|ガイシャ|シャダン|ザイダン|ホウジン|クミアイ/.test(name)),
    ...captured(normalized, ABOVE_ADDRESS, (name) => !hasNotPersonWord(name)),
  ];
  // Two-cell rows (name,section) a line each, two or more of them: too few commas for rowsOf.
  const pairs = captured(normalized, NAME_SECTION_LINE, (name) => PERSON_CELL.test(name) || romajiPair(name));
  if (pairs.length >= 2) spans.push(...pairs);
  if (!/[\t,]/.test(normalized)) return spans;
  for (const row of rowsOf(normalized)) {
    if (!row || row.separator === '  ') continue;
    for (const [k, cell] of row.cells.entries()) {
      const next = row.cells[k + 1];
      if (!next || !SECTION_CELL.test(next.text) || !(PERSON_CELL.test(cell.text) || romajiPair(cell.text))) continue;
      if (hasNotPersonWord(cell.text) || THING.test(cell.text)) continue;
      spans.push({ type: 'person_name', start: cell.start, end: cell.end });
    }
  }
  return spans;
}
