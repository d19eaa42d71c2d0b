/**
 * People named by the shape of an exported chat log, a meeting record or a mixed-script note (session 34, the fiftieth
 * blind batch):
 * - the speaker of a chat export's line: a time or a date and a time in square brackets opening the line, maybe one or
 *   two units, the name, then a colon ([2024-10-07 08:55] 情報政策課 新庄:, [11:02] nakano:) — Teams, Slack and LINE
 *   exports; a kanji name needs a unit before it or a listed family name, a Latin handle a listed family name in
 *   Latin letters (helpdesk-bot, it-desk are no one);
 * - a colleague between a unit and a health or school profession or post (看護部 Ortiz 看護師, 外来の山田看護師, 保健
 *   センター 高橋 保健師; a kanji name only when a listed family name or made of their kanji) — the posts of a hospital,
 *   a health centre and a school, which the office posts of the other rules (課長, 主事) do not hold;
 * - two capitalised Cyrillic words in a text otherwise not Russian (Сергей Иванов (ALT) can't …): a name kept in its
 *   script in a Japanese or English message;
 * - an English name after "name" as one field of a list of fields (DOB 3 Jan 1988, name Oyelaran Tunde, …);
 * - the people of a list in brackets after their count, when the list has as many full names as the count says
 *   (ボランティア 3名（佐久間 蓮、小山 凛、Tanaka Emi）, 出席 2人（…）) — minutes, rosters, requests for accounts;
 * - a full name typed in hiragana, unconverted, to sign a message (…かえれますか？かわぐちみのりです): a listed family
 *   name's reading and a given name run together before です closing the sentence;
 * - a display name in quotes after its label, also typed in hiragana (ひょうじめいが「kawaguchi」, 表示名「佐藤 健」);
 *   session 37 b: also the name opening a display name before its note — a bracket, an emoji or an @ (表示名「ヤブキ
 *   コズエ（ひばり交通）」, 「mika🌸保育課」, 표시 이름 '한도윤(통역)') — guests in Teams or Zoom, accounts in any directory.
 */
import type { PiiSpan } from '../types';
import { HIRAGANA_FAMILY_NAMES, KNOWN_FAMILY_NAMES, surnameLike } from '../family-names';
import { captured } from './captured';
import { fillsNameSlot } from './rare-names';
import { isListedRomajiFamily } from './romaji-name';
import { hasNotPersonWord } from './not-person-words';
import { NAME_LABEL_CELL } from './form-cells';
import { detectMarkedPeople } from './marked-people';
import { BRACKET_STAMP, UNIT } from './chat-stamps';

/** A chat export's speaker: the stamp, maybe units, a kanji name or a Latin handle, then a colon. */
const CHAT_SPEAKER = new RegExp(
  `^[ \\t]*${BRACKET_STAMP}[ \\t]*((?:${UNIT}[ \\t\\u3000]+){0,2})` +
    `([一-龥々ヶ]{1,4}(?:[ \\u3000][一-龥々ヶ]{1,3})?|[A-Za-z]{2,20}(?:[ ._][A-Za-z]{2,20})?)[ \\t]*[:：]`,
  'dgm',
);
/** Posts and professions of a hospital, a health centre and a school. */
const CARE_POST =
  '(?:看護師長|副師長|師長|主任看護師|看護師|准看護師|保健師|助産師|歯科医師|医師|薬剤師|管理栄養士|栄養士|歯科衛生士|理学療法士|作業療法士|養護教諭|教諭)';
/** A unit, maybe の, the name, then the post (看護部の三枝師長, 看護部 Ortiz 看護師); a post's own first word is no name
 * (地域保健課の管理栄養士). */
const NAME_BEFORE_CARE_POST = new RegExp(
  `${UNIT}(?:の|[ \\t\\u3000]+)(?!${CARE_POST})([一-龥々ヶ]{1,4}|[A-Z][a-z]+)[ \\t\\u3000]?(?=${CARE_POST})`,
  'dg',
);
const CYRILLIC_WORD = '[А-ЯЁ][а-яё]+';
const CYRILLIC_PAIR = new RegExp(`(?<![А-Яа-яЁё])(${CYRILLIC_WORD}[ \\t]${CYRILLIC_WORD})(?![А-Яа-яЁё])`, 'dg');
/** "name" as one field of a comma-separated list, then two or three capitalised words closing the field. */
const NAME_FIELD = /(?:^|[,;][ \t]*)name[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+){1,2})(?=[ \t]*(?:[,;]|\.(?:\s|$)|$))/dg;

/** A count of people, then a list in brackets (3名（…、…、…）). */
const COUNTED_LIST = /(\d{1,2})[ \t]?[名人][ \t]?[（(]([^（()）\n]{3,120})[）)]/g;
/** A full name as a list's item: a kanji family name and a given name, or two Latin or katakana words. */
const FULL_NAME_ITEM =
  /^(?:[一-龥々ヶ]{1,4}[ \u3000][一-龥々ヶぁ-ゖァ-ヶー]{1,4}|[A-Z][a-z]+ [A-Z][a-z]+|[ァ-ヶー]{2,8}[ ・][ァ-ヶー]{2,8})$/;

/** The items of counted lists whose full names are as many as their count. */
function countedLists(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of normalized.matchAll(COUNTED_LIST)) {
    const body = m[2]!;
    const from = m.index + m[0].indexOf(body, m[1]!.length);
    const items: PiiSpan[] = [];
    let at = 0;
    for (const raw of body.split(/[、,，]/)) {
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      if (FULL_NAME_ITEM.test(text))
        items.push({ type: 'person_name', start: from + at + lead, end: from + at + lead + text.length });
      at += raw.length + 1;
    }
    if (items.length === Number(m[1]) && items.length >= 2) spans.push(...items);
  }
  return spans;
}

/** A hiragana word before です closing a sentence, after a sentence's end or the text's start. */
const HIRAGANA_SIGNATURE = /(?:^|(?<=[。？?！!\s、]))([ぁ-ゖ]{5,9})です(?=[。！!\s]|$)/dgm;
/** Words after a family name that are no given name (an honorific, a particle). */
const NOT_GIVEN = /^(?:さん|さま|くん|ちゃん|せんせい|どの|から|まで|より|など|だけ|でし)/;
/** A display name in quotes after its label. */
const DISPLAY_NAME = /(?:表示名|ひょうじめい|[Dd]isplay name)[^「『"\n]{0,6}[「『"]([^」』"\n]{2,20})[」』"]/dg;
/** The name opening a display name before its note: a bracket, an emoji or an @ (「ヤブキ コズエ（ひばり交通）」). */
const DISPLAY_NAME_BEFORE_NOTE =
  /(?:表示名|ひょうじめい|[Dd]isplay name|표시 ?이름)[^「『"'\n]{0,6}[「『"']([ァ-ヶー]{2,8}[ ・\u3000][ァ-ヶー]{1,8}|[가-힣]{2,4}|[A-Za-z]{2,16}(?: [A-Za-z]{2,16})?|[一-龥々ヶ]{1,4}[ \u3000][一-龥々ヶぁ-ゖァ-ヶー]{1,4})[ \u3000]*(?=[（(@]|\p{Extended_Pictographic})[^」』"'\n]{1,24}[」』"']/dgu;

/** A family name's reading and a given name run together (かわぐちみのり): where the given name starts, or 0. */
function hiraganaFullName(word: string): number {
  for (let n = 5; n >= 3; n--) {
    const given = word.slice(n);
    if (HIRAGANA_FAMILY_NAMES.has(word.slice(0, n)) && given.length >= 2 && given.length <= 4 && !NOT_GIVEN.test(given))
      return n;
  }
  return 0;
}

/** A kanji family name where the place says a person: listed, made of family names' kanji, or one that fills a slot. */
const kanjiNameLike = (name: string): boolean => {
  const family = name.split(/[ \u3000]/)[0]!;
  return fillsNameSlot(family) || KNOWN_FAMILY_NAMES.has(family) || (family.length >= 2 && surnameLike(family));
};

/** Finds the names above. */
export function detectLogPeople(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of normalized.matchAll(CHAT_SPEAKER)) {
    const [, units = '', name = ''] = m;
    const latin = /^[A-Za-z]/.test(name);
    const sure = latin
      ? isListedRomajiFamily(name.split(/[ ._]/)[0]!)
      : (units.trim() !== '' || KNOWN_FAMILY_NAMES.has(name.split(/[ \u3000]/)[0]!)) && kanjiNameLike(name);
    const at = m.indices![2]!;
    if (sure) spans.push({ type: 'person_name', start: at[0], end: at[1] });
  }
  // Before a post a kanji word must be a listed family name or made of their kanji: the post's own words (病棟師長, 新任
  // 保健師, 地区担当保健師) fill the place as often as a name does.
  spans.push(
    ...captured(
      normalized,
      NAME_BEFORE_CARE_POST,
      (name) => /^[A-Z]/.test(name) || (fillsNameSlot(name) && (KNOWN_FAMILY_NAMES.has(name) || surnameLike(name))),
    ),
  );
  // Only where Russian is not the text's language: there any two capitalised words may open a sentence.
  const cyrillicWords = normalized.match(/[А-Яа-яЁё]+/g)?.length ?? 0;
  if (cyrillicWords > 0 && cyrillicWords <= 3) spans.push(...captured(normalized, CYRILLIC_PAIR));
  spans.push(...captured(normalized, NAME_FIELD), ...countedLists(normalized), ...detectMarkedPeople(normalized));
  spans.push(...captured(normalized, HIRAGANA_SIGNATURE, (word) => hiraganaFullName(word) > 0));
  spans.push(
    ...captured(
      normalized,
      DISPLAY_NAME,
      (name) =>
        isListedRomajiFamily(name.split(/[ ._]/)[0]!) ||
        /^[一-龥々ヶ]{1,4}[ \u3000][一-龥々ヶぁ-ゖァ-ヶー]{1,4}$/.test(name),
    ),
    // Not a format's placeholder made of the name's parts (表示名の規則：「姓 名（所属）」).
    ...captured(
      normalized,
      DISPLAY_NAME_BEFORE_NOTE,
      (name) => !hasNotPersonWord(name) && !name.split(/[ ・\u3000]/).some((w) => NAME_LABEL_CELL.test(w)),
    ),
  );
  return spans;
}
