/**
 * Names on English and foreign-language forms and in short English messages (session 30): a relative's or a payee's
 * label (Father: Ram Bahadur Gurung, Beneficiary: …, Cliente: …), a form's field in capitals with its value after two
 * spaces (APPLICANT  Luong Thi Kim Anh), Vietnamese names by their middle name (Le Thi Thu Trang), a Japanese name
 * written family first in Latin letters before a common given name (Ohashi Mika), a listed family name as a mention,
 * a chat line's speaker in square brackets or a maiden name (@Watanabe, [Sakamoto], née Fujita), a given name
 * introducing its writer in lower case (it's jake, this is maria), and a given name that is also an English word where
 * only a person can stand (Will here from …; Cheers,⏎Will (ALT coordinator)).
 */
import type { PiiSpan } from '../types';
import { cleanName, NAME, NOT_FAMILY, NOT_NAMES, notPerson } from './english-context';
import { isCommonGivenName, JAPANESE_GIVEN_NAMES } from './given-names';
import { NOT_PERSON_WORDS } from './not-person-words';
import { isListedRomajiFamily, spelledInJapanese } from './romaji-name';

/** People a form names besides its applicant, in English and in the languages foreign residents write. */
const RELATION_LABEL =
  '[Cc]lient|[Ff]ather|[Mm]other|[Hh]usband|[Ww]ife|[Ss]pouse|[Ss]on|[Dd]aughter|[Cc]hild|[Bb]eneficiary|[Pp]ayee|[Rr]ecipient|[Aa]ddressee|[Tt]enant|[Ii]nsured(?: person)?|[Ii]nterpreter|[Dd]elegate|[Ss]ponsor|[Cc]liente|[Nn]ome|[Nn]ombre|[Nn]ama|[Pp]angalan|[Tt]itular|[Bb]enefici[aá]rio';
const RELATION_LABELLED = new RegExp(
  `\\b(?:${RELATION_LABEL})(?:\\s*\\([^)\\n]{1,20}\\))?\\s*:\\s*(?:(?:Mr|Ms|Mrs|Miss|Dr|Sr|Sra)\\.?\\s+)?(${NAME})`,
  'gu',
);
/** A form's field in capitals at the start of a line and its value after two spaces or a tab, up to the line's end. */
const CAPS_FIELD = new RegExp(
  `(?:^|\\n)[ \\t]*(?:NAME|FULL NAME|APPLICANT|HOLDER|GUARDIAN|FATHER|MOTHER|SPOUSE|SURNAME|GIVEN NAMES?|RESIDENT|STUDENT|PATIENT)(?: \\([^)\\n]{1,20}\\))?(?: {2,}|\\t)(${NAME})[ \\t]*(?=\\n|$)`,
  'gu',
);
/**
 * A Vietnamese name: a frequent family name, a middle name (Thi, Van …) and one or two given names, or any family
 * name before Thi or Van (Le Thi Thu Trang, Luong Thi Kim Anh, Nguyen Duc Thang).
 */
const VIETNAMESE_FAMILY =
  'Nguyen|Tran|Le|Pham|Hoang|Huynh|Phan|Vu|Vo|Dang|Bui|Do|Ho|Ngo|Duong|Ly|Luong|Dinh|Truong|Lam|Trinh|Cao|Ta|Ha|Thai|Mai|Doan|Kieu|Quach|Tang|Chau|Luu|Ton|Phung|Trieu|Vuong|La|Lai';
const VIETNAMESE_MIDDLE = 'Thi|Van|Duc|Huu|Ngoc|Quoc|Xuan|Minh|Thanh|Kim|Thu|Hong|Gia|Cong|Dinh|Quang|Bao|Tuan';
const VIETNAMESE = new RegExp(
  `(?<![A-Za-z'’-])(?:(?:${VIETNAMESE_FAMILY}) (?:${VIETNAMESE_MIDDLE})|[A-Z][a-z]{1,6} (?:Thi|Van))(?: [A-Z][a-z]{1,6}){1,2}(?![A-Za-z'’-])`,
  'g',
);
/** Two capitalised words (or two in capitals): a family name of Hepburn syllables before a common given name. */
// Not a part of a longer name (Chen Mei Ling) nor a building's (Kopo Sakura 102).
const FAMILY_FIRST_PAIR =
  /(?<![A-Za-z'’.@_-] ?)([A-Z][a-z]{3,11}|[A-Z]{4,12}) ([A-Z][a-z]{1,9}|[A-Z]{2,10})(?![A-Za-z'’@_-]| [A-Z]| ?\d)/g;
/** Words of a building's name in Latin letters (Kopo Sakura, Haitsu Midori). */
const BUILDING_WORDS = /^(?:kopo|haitsu|haimu|mezon|koopo|manshon|sakura|ryo)$/i;
/** What follows a place's name, not a person's (Hikari-cho, Sakura Station, Minato City). */
const PLACE_AFTER = /^(?:-|,? (?:Station|City|Ward|Town|Village|Park|Hall|Line|Center|Centre|Building|Bldg|Hotel)\b)/;
/** A listed family name as a mention, a chat line's speaker in square brackets, a maiden name or after 担当. */
const MENTION_OR_SPEAKER =
  /(?<![\w.])@([A-Z][a-z]{2,11})(?![\w@])|\[([A-Z][a-z]{2,14})\]|\bn[ée]e ([A-Z][a-z]{2,14})\b|担当(?:者)?[ \t]*[:：]?[ \t]*([A-Z][a-z]{2,14})(?![A-Za-z])/g;
/** A given name introducing its writer in lower case, as typed on a phone (it's jake, this is maria from …). */
const LOWER_INTRODUCED = /\b(?:it'?s|this is|i'?m)\s+([a-z]{3,12})(?=[ \t]*[,.!(]|\s+(?:from|at|of|here)\b)/g;
/** Given names that are English words too (they are not in the given-name lists). */
const WORD_NAMES =
  'Will|May|Bill|Grant|Grace|Rose|Hope|Joy|Frank|Jack|Art|Summer|April|June|Dawn|Faith|Sky|Rob|Pat|Gene';
/** Such a name introducing its writer (Hi, Will here from the ALT office) or alone on the line after a sign-off. */
const WORD_NAME_HERE = new RegExp(
  `(?:^|[\\n,.!][ \\t]*)(${WORD_NAMES}) here(?=[ \\t]*(?:from|at|of|with|in|\\(|,|-|\\.|!))`,
  'g',
);
/** A single name on the last line after a sign-off, maybe with a role in brackets (Cheers,⏎Will (ALT coordinator)). */
const SIGNED_LAST_LINE =
  /(?:Thanks|Thank you|Regards|Best regards|Kind regards|Sincerely|Best|Cheers)[,.!]?[ \t]*\n[ \t]*([A-Z][a-z]{1,14})[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*$/g;

/** A relative named right after the word, or in brackets after it (his wife Anita, her husband (Rodel Bautista)). */
const RELATIVE_NAMED =
  /\b(?:[Hh]is|[Hh]er|[Mm]y|[Oo]ur|[Tt]heir|'s) (?:wife|husband|son|daughter|mother|father|mom|dad|child|brother|sister|partner|spouse)(?: \(| )([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2})(?=\)| (?:also|is|was|will|has|had|called|came|said|can|cannot|speaks|works|lives)\b|[,.])/g;
/** The same in Portuguese and Spanish (minha filha Beatriz Kato nasceu …, mi hijo Mateo Ruiz tiene …). */
const RELATIVE_NAMED_IBERIAN =
  /\b(?:[Mm]inha|[Mm]eu|[Mm]i|[Nn]uestr[oa]) (?:filh[oa]|espos[oa]|marido|mulher|mae|pai|irm[ao]|hij[oa]|madre|padre|herman[oa])(?: \(| )([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,3})(?=\)| [a-z]|[,.])/g;
/** A sign-off's name before the writer's e-mail address or phone (Regards, Juliana Ferreira, juliana@…). */
const SIGNED_BEFORE_CONTACT =
  /\b(?:Regards|Best regards|Kind regards|Thanks|Thank you|Sincerely|Cheers|Best),\s+([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}),\s*(?=[\w.+-]+@|\+?\d)/g;
/** A full name right before its birth date (Beatriz Costa, born 2016-10-02). */
const NAME_BEFORE_BIRTH = /\b([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}),? (?=born\b|b\. ?\d|DOB\b)/g;
/** A lower-case name signing a message after a dash at its end (- maria santos). */
const LOWER_DASH_SIGNED = /(?:^|\s)[-–—][ \t]*([a-z]{3,12} [a-z]{3,14})[ \t]*$/g;

/**
 * A single name closing a message after a dash, behind a sentence's end (The form is fine now. — Kiran), or on its own
 * line under a Japanese sentence or an emoji (資産 NB-21-0077 です🙆⏎— Hayashi).
 */
const DASH_AFTER_SENTENCE =
  /(?:[.!?。！？)][ \t]*|(?:[ぁ-ん]|\p{Extended_Pictographic})\uFE0F?[ \t]*\n[ \t]*)[—–-]{1,2}[ \t]*([A-Z][a-z]{2,14})\s*$/gu;
/** A name and the relation in brackets (Lorna Dizon, sister), or after a relation without a possessive (father Hari Bahadur Rai,). */
const NAME_WITH_RELATION =
  /\(([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,3}), (?:sister|brother|wife|husband|mother|father|son|daughter|cousin|friend|uncle|aunt|spouse|guardian)\)|\b(?:father|mother|husband|wife|son|daughter|sister|brother|spouse|guardian) ([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,3})(?=,|\.| \(|$)/g;
/** Introductions in Indonesian and Portuguese forms (saya Agus Salim Wibowo; a.n. Siti Rahmawati; Nome completo: …). */
const FOREIGN_INTRODUCED =
  /\b(?:saya|a\.n\.|atas nama|ako si|nome é|nome e|[Nn]ome(?: completo)?:)\s+([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,3})/g;
/**
 * Names in Chinese text after what introduces or holds them (我叫赵敏, 我的名字是陈思远, 孩子叫…, 持有人 刘洋, 姓名：王丽华), also a
 * person named by a relation to another (我是张伟的妻子李娜: both).
 */
const CHINESE_NAME =
  /(?:我叫|我是|我的名字是|名字叫|(?:孩子|儿子|女儿|他|她)叫|持有人|申请人|姓名)[:：]?[ \t]?([一-龥]{2,4})(?=[ \t(（,，。、]|$)|(?:我叫|我是)([一-龥]{2,3})(?=的(?:妻子|丈夫|太太|先生|儿子|女儿|孩子|母亲|父亲|妈妈|爸爸))|的(?:妻子|丈夫|太太|儿子|女儿|母亲|父亲)([一-龥]{2,3})(?=[ \t(（,，。、]|$)/g;
/** A name in Hangul before its romanisation in brackets or a slash, or before 님 / 씨 (김민지 (Kim Minji), 박서준 / Park). */
const HANGUL_NAME = /(?<![가-힣])([가-힣]{2,4})(?=[ \t]?(?:님|씨)|[ \t]?[(（][A-Z][a-z]+|[ \t]?\/[ \t]?[A-Z][a-z]+)/g;
/** A katakana name introducing its writer (グエン・ティ・トゥイと申します). */
const KATAKANA_INTRODUCED =
  /(?<![ァ-ヶー・])([ァ-ヶー]{2,}(?:・[ァ-ヶー]{1,}){1,4})(?=と申します|といいます|と言います)/g;
/** A listed family name after by / escort / tell in English text, in either case (escort by Nakagawa, update by ishikawa). */
const AFTER_BY =
  /\b(?:by|tell|told|ask|asked|call|called|with|cc)[ \t]+([A-Za-z][a-z]{3,14})(?=[ \t]*(?:[.,:;!?)]|$|\n|and\b))/g;
/** A name after "name" in capitals on a bank form (name EVANS SOPHIE). */
const CAPS_AFTER_NAME = /\bname[ \t]+([A-Z]{2,}(?: [A-Z]{2,}){1,3})(?![A-Za-z])/g;
/** A Western given name, a middle initial and a family name (Michael J. Harrington). */
const WITH_INITIAL = /(?<![A-Za-z.])([A-Z][a-z]{2,14}) [A-Z]\. ([A-Z][a-z'’-]{2,20})(?![A-Za-z])/g;

/** Finds names on English forms and in short English messages. */
export function detectEnglishForms(normalized: string): PiiSpan[] {
  if (!/[A-Za-z]{2}/.test(normalized)) return [];
  const spans: PiiSpan[] = [];
  const push = (start: number, name: string): void => {
    spans.push({ type: 'person_name', start, end: start + name.length });
  };
  for (const re of [RELATION_LABELLED, CAPS_FIELD])
    for (const m of normalized.matchAll(re)) {
      const raw = m[1] ?? '';
      const name = cleanName(raw);
      if (!name || notPerson(name) || NOT_FAMILY.has(name)) continue;
      // One word only when it is a common given name (Wife: Maria), not a word (Father: Unknown).
      if (!name.includes(' ') && !isCommonGivenName(name)) continue;
      push(m.index + m[0].indexOf(raw) + raw.indexOf(name), name);
    }
  for (const m of normalized.matchAll(VIETNAMESE)) {
    const words = m[0].split(' ');
    if (words.some((w) => NOT_FAMILY.has(w) || NOT_NAMES.has(w)) || notPerson(m[0])) continue;
    push(m.index, m[0]);
  }
  for (const m of normalized.matchAll(FAMILY_FIRST_PAIR)) {
    const [whole, family = '', given = ''] = m;
    if (/^[A-Z]+$/.test(family) !== /^[A-Z]+$/.test(given)) continue;
    if (!JAPANESE_GIVEN_NAMES.has(given.toLowerCase()) || JAPANESE_GIVEN_NAMES.has(family.toLowerCase())) continue;
    if (!spelledInJapanese(family.toLowerCase()) || NOT_PERSON_WORDS.has(family.toLowerCase())) continue;
    if (BUILDING_WORDS.test(family)) continue;
    if (PLACE_AFTER.test(normalized.slice(m.index + whole.length, m.index + whole.length + 10))) continue;
    push(m.index, whole);
  }
  for (const m of normalized.matchAll(MENTION_OR_SPEAKER)) {
    const name = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    if (!isListedRomajiFamily(name) && !(m[3] !== undefined && spelledInJapanese(name.toLowerCase()))) continue;
    // A mention's given name after it (@Suzuki Ken) is the name's.
    const given = m[1] ? / ([A-Z][a-z]{1,11})(?![A-Za-z])/y : undefined;
    if (given) given.lastIndex = m.index + m[0].length;
    const next = given?.exec(normalized)?.[1];
    const named = next !== undefined && (isCommonGivenName(next) || spelledInJapanese(next.toLowerCase()));
    push(m.index + m[0].indexOf(name), named ? `${name} ${next}` : name);
  }
  for (const m of normalized.matchAll(LOWER_INTRODUCED)) {
    const name = m[1] ?? '';
    if (isCommonGivenName(name[0]!.toUpperCase() + name.slice(1))) push(m.index + m[0].lastIndexOf(name), name);
  }
  for (const m of normalized.matchAll(WORD_NAME_HERE)) push(m.index + m[0].lastIndexOf(m[1]!), m[1]!);
  for (const m of normalized.matchAll(SIGNED_LAST_LINE)) {
    const name = m[1] ?? '';
    // Will, May: on a signature's own line a word is a name.
    if (!NOT_NAMES.has(name) && !notPerson(name)) push(m.index + m[0].lastIndexOf(name), name);
  }
  for (const re of [RELATIVE_NAMED, RELATIVE_NAMED_IBERIAN, SIGNED_BEFORE_CONTACT, NAME_BEFORE_BIRTH]) {
    for (const m of normalized.matchAll(re)) {
      const name = m[1] ?? '';
      const words = name.split(' ');
      if (words.some((w) => NOT_NAMES.has(w) || NOT_FAMILY.has(w)) || notPerson(name)) continue;
      push(m.index + m[0].indexOf(name), name);
    }
  }
  for (const re of [DASH_AFTER_SENTENCE, NAME_WITH_RELATION, FOREIGN_INTRODUCED, CAPS_AFTER_NAME])
    for (const m of normalized.matchAll(re)) {
      const name = m[1] ?? m[2] ?? '';
      if (name.split(' ').some((w) => NOT_NAMES.has(w) || (re !== DASH_AFTER_SENTENCE && NOT_FAMILY.has(w)))) continue;
      if (notPerson(name)) continue;
      push(m.index + m[0].indexOf(name), name);
    }
  for (const m of normalized.matchAll(AFTER_BY)) {
    const name = m[1] ?? '';
    if (isListedRomajiFamily(name)) push(m.index + m[0].lastIndexOf(name), name);
  }
  for (const m of normalized.matchAll(WITH_INITIAL)) {
    if (!isCommonGivenName(m[1]!) || NOT_FAMILY.has(m[2]!) || notPerson(m[0])) continue;
    push(m.index, m[0]);
  }
  for (const m of normalized.matchAll(LOWER_DASH_SIGNED)) {
    const name = m[1] ?? '';
    const first = name.split(' ')[0]!;
    if (isCommonGivenName(first[0]!.toUpperCase() + first.slice(1))) push(m.index + m[0].indexOf(name), name);
  }
  return spans;
}

/** Names in Chinese, Hangul or katakana by what introduces them (我叫赵敏, 김민지 (Kim Minji), グエン・ティ・トゥイと申します). */
export function detectForeignScriptNames(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const re of [CHINESE_NAME, HANGUL_NAME, KATAKANA_INTRODUCED])
    for (const m of normalized.matchAll(re)) {
      const name = m[1] ?? m[2] ?? m[3] ?? '';
      const start = m.index + m[0].indexOf(name);
      spans.push({ type: 'person_name', start, end: start + name.length });
    }
  return spans;
}
