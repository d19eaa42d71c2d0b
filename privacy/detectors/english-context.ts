/**
 * Personal data in English text (mail from foreign residents, forms filled in English): names introduced
 * or signed (my name is …, – Bishnu Prasad Adhikari, Dear Ms. Reyes), a display name before an e-mail
 * address (From: Tran Thi Mai <…>), names after an English label (Applicant: SUZUKI Mai), and Japanese
 * addresses written in Latin letters (5-3-12 Minami-cho, Kawaguchi-shi, Saitama).
 */
import type { PiiSpan } from '../types';
import { KNOWN_FAMILY_NAMES } from '../family-names';
import {
  FAMILY_FIRST_NAMES,
  isCommonGivenName,
  isCommonLatinName,
  JAPANESE_GIVEN_NAMES,
  WESTERN_GIVEN_NAMES,
} from './given-names';
import { hasNotPersonWord } from './not-person-words';
import { isLatinFamilyName } from './latin-family-names';
import { spelledInJapanese } from './romaji-name';
import { officeAddress } from './latin-cues';

/** A personal name in Latin letters: 1–4 words, each capitalised or in capitals, Vietnamese letters too. */
// O'Neill, O'BRIEN, D’Souza, McKenzie: a capital after the apostrophe or Mc.
// Double-barrelled names (Adebayo-Clarke, Matsuda-Brooks) whole.
const WORD =
  "[A-ZÀ-ỸĐ][a-zà-ỹđ'’]+(?:-[A-ZÀ-ỸĐ][a-zà-ỹđ'’]+)+|[A-ZÀ-ỸĐ]['’][A-ZÀ-ỸĐ](?:[a-zà-ỹđ]+|[A-ZÀ-ỸĐ]+)|Ma?c[A-Z][a-z]+|[A-ZÀ-ỸĐ][a-zà-ỹđ'’-]+|[A-ZÀ-ỸĐ]{2,}";
// FAMILY, GIVEN as passports and rosters write it (DELA CRUZ, MARIA SANTOS).
// Ma. (María) opening a Filipino name; a middle initial inside (Maricel D. Santos, Reyes, Jonathan C.); a particle only
// before the next word (not la of "…, lahir").
export const NAME = `(?:Ma\\. )?(?:${WORD})(?:,? (?:${WORD}|[A-Z]\\.(?= |$)|[A-Z]\\.$|(?:da|de|do|dos|das|del|la|van|von|bin|binti)(?= [A-ZÀ-ỸĐ]))){0,5}`;

// Also in the languages foreign residents write (Nama saya …, sou a …, si … po ito, Me llamo …, Je m'appelle …), and a
// relative written for (on behalf of my mother, Elena Petrova; for my wife, Nadia Rahman).
const INTRODUCED = new RegExp(
  `(?:(?:[Mm]y|[Hh]is|[Hh]er) name is|[Tt]his is|I am|I['’]m|[Ss]poke (?:with|to)|[Cc]alled back|[Nn]ama saya|\\b[Ss]ou(?: (?:a|o))?|\\b[Ss]i(?= [A-Z][a-z]+ [A-Z][a-z]+ po\\b)|[Mm]e llamo|[Mm]i nombre es|[Jj]e m'appelle|[Mm]eu nome [eé]|(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur) (?:wife|husband|mother|father|mom|dad|son|daughter|child|brother|sister|grandmother|grandfather|parents?),)\\s+(${NAME})`,
  'gu',
);
/** A given name alone, introduced with where the writer works: this is Ken from the Parks Division. */
const INTRODUCED_FROM = new RegExp(`\\b[Tt]his is\\s+(${WORD})\\s+(?:from|at|of)\\s+(?:the\\s+)?[A-Z]`, 'gu');
/**
 * The last line a signature: a dash (normalised to -), the name, then the end or a role after a comma
 * (— James Smith, ALT, Kita Junior High).
 */
const DASH_SIGNED = new RegExp(
  `(?:^|\\n)[ \\t]*-{1,2}[ \\t]*((?:${WORD})(?: (?:${WORD})){1,3})(?=(?:,[^\\n]*)?\\s*$)`,
  'gu',
);
/** A sign-off right before a closing name on its line (Thanks! – Tom). */
const SIGN_OFF_BEFORE = /(?:Thanks|Thank you|Thx|Regards|Cheers|Sincerely|Best)[!,.]?[ \t-]*$/i;
const ADDRESSED = new RegExp(
  `\\b(?:Dear|Hi|Hello)\\s+(?:(?:Mr|Ms|Mrs|Miss|Dr)\\.?\\s+)?(${NAME})(?=\\s*[,.!\\n])`,
  'gu',
);
const TITLED = new RegExp(`\\b(?:Mr|Ms|Mrs|Miss|Dr)\\.?\\s+(${NAME})`, 'gu');
/** A name closing a message: – Name, Thanks, Name, Regards, Name (at the end of a line or the text). */
const SIGNED = new RegExp(
  `(?:^|\\s)(?:[–—-]|Thanks[,!]|Thank you[,!]|Thx,|Cheers,|Regards,|Best regards,|Kind regards,|Sincerely,|Best,)\\s*(${NAME})\\s*(?:$|\\n)`,
  'gu',
);
/** A name on the line after a sign-off (Best regards\nAhmed Khan). */
const SIGNED_BELOW = new RegExp(
  `(?:Thanks|Thank you|Regards|Best regards|Kind regards|Sincerely|Yours sincerely|Best|Cheers)[,.!]?[ \\t]*\\n[ \\t]*(${NAME})[ \\t]*(?=\\n|$)`,
  'gu',
);

/** A ticket's or an incident's parties (Requester: …, Reported by: …), before a name in Latin letters or in kanji. */
const TICKET_PARTY =
  '[Cc]omment(?:ed)? by|[Nn]ame on (?:the )?form|[Tt]itular|[Rr]equester|[Rr]equested by|[Rr]eporter|[Rr]eported by|[Aa]ssignee|[Aa]ssigned(?: to)?|[Oo]wner|[Cc]aller|[Ss]ubmitted by|[Cc]reated by|[Aa]pproved by|[Uu]pdated by';
/** A kanji name after a ticket's party label: a full name, or a listed family name alone (Requester: 青柳 みどり (Library)). */
const TICKET_PARTY_JA = new RegExp(
  `\\b(?:${TICKET_PARTY})\\s*:\\s*([一-龥々ヶ]{1,4}(?:[ \u3000][一-龥々ヶぁ-んァ-ヶー]{1,5})?)(?=[ \\t]*(?:[(（,、/\\n]|$))`,
  'dgu',
);
/** English labels of a person on a form or a record. */
const LABELLED = new RegExp(
  `\\b(?:${TICKET_PARTY}|(?<!(?:[Ff]ile|[Uu]ser|[Hh]ost|[Cc]omputer|[Pp]roduct|[Ss]erver|[Ff]older|[Dd]evice|[Pp]rinter|[Gg]roup|[Tt]eam|[Dd]omain|[Ll]ogin|[Ss]heet|[Tt]able|[Cc]olumn|[Ff]ield|PC|[Ss]ite|[Ss]hare|[Nn]etwork|[Aa]pp|[Cc]ompany|[Ss]chool|[Bb]ank|[Bb]ranch|[Pp]roject|[Ee]vent|[Dd]isplay|[Ss]creen|[Aa]ccount|[Cc]ourse) )[Nn]ame|[Ff]ull name|[Aa]pplicant|[Tt]raveler|[Tt]raveller|[Ss]tudent|[Pp]atient|[Rr]esident|[Ss]ender|[Cc]ontact person|[Gg]uardian|[Pp]arent|NAME|APPLICANT|Surname(?: ?\\/ ?Given names?)?|Given names?|SURNAME|GIVEN NAMES?|[Hh]older|[Aa]ccount holder|[Ee]mergency contact|[Nn]ame as (?:in|on) (?:the )?passport)(?:\\s*\\([^)\\n]{1,20}\\))?\\s*(?:No\\.)?\\s*:\\s*(?:(?:Mr|Ms|Mrs|Miss|Dr)\\.?\\s+)?(${NAME}|[ァ-ヶー]{2,}(?:[ ・\\u3000][ァ-ヶー]{1,}){0,3})`,
  'gu',
);
/** A role in running text before a name of two or three capitalised words: for applicant Maria Santos. */
const ROLE_BEFORE =
  /\b(?:applicant|passenger|traveler|traveller|student|patient|resident|guardian|account holder|cardholder|holder)\s+((?:[A-Z][a-z'’-]+ |[A-Z]{2,} ){1,2}(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]{2,}))\b/gu;
/** A family name with the Japanese honorific in English text: Yoshida-san's account. */
const SAN = /(?<![A-Za-z'’.-])([A-Z][a-z]{2,})-(?:san|sama|kun|chan|ji|sensei|sense)\b/gu;
/** A display name before an e-mail address: From: "Fernanda Yukari Nakamura da Silva" <…>, 大西 拓也 <…>. */
const DISPLAY_NAME =
  /(?:^|[\s:：;,>])"?((?:[A-ZÀ-ỸĐ][\p{L}'’.-]*(?:,? [\p{L}'’.-]+){1,5})|(?:[一-龥々ヶ]{1,4}[ 　][一-龥々ヶぁ-んァ-ヶー]{1,5}))"?\s*<[^<>\s@]+@[^<>\s]+>/gu;
/** Words in a display name that make it a group's or a service's (Multicultural Support Desk, 共有). */
const NOT_PERSON_JA = /[課係室部局]|共有|代表|センター|窓口/;
export const notPerson = (name: string): boolean => hasNotPersonWord(name) || NOT_PERSON_JA.test(name);
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'Thank',
  'Thanks',
  'Please',
  'Hello',
  'Hi',
  'Dear',
  'The',
  'I',
  'My',
  'We',
  'Our',
  'It',
  'Best',
  'Kind',
  'Regards',
  'Sincerely',
  'Yours',
  'Cheers',
  'You',
  'Thank You',
  // Roles a letter is addressed to (Dear Principal, Dear Sir or Madam).
  'Principal',
  'Sir',
  'Madam',
  'Colleagues',
  'Customer',
  'Customers',
  'Residents',
  'Parents',
  'Everyone',
  'Mayor',
]);

/** Two or three capitalised words (or words in capitals) in a row: a name's candidates in English text. */
const CAPITALISED_RUN =
  /(?<![A-Za-z.@_-]|[A-Za-z]['’])([A-Z][a-z]+(?:['’][a-z]+)?(?:-[A-Za-z]+)?|[A-Z]{2,})((?: (?:[A-Z][a-z]+(?:['’][a-z]+)?(?:-[A-Za-z]+)?|[A-Z]{2,})){1,2})(?![A-Za-z@_])/g;
/** Capitalised words that follow a given name without being a family name (Kevin Will, Sophie From, Laura Street). */
export const NOT_FAMILY: ReadonlySet<string> = new Set(
  `The And Or For To From With At In On Of By As Is Was Will Has Have Had Can Could Should Would Please Thanks Team
  Account Password Server Street Avenue Road Park Hall Hotel Station Building Room Library City Town Ward Prefecture
  Status Resolved Open Closed Done Complete Meeting Project Report Version Day Week Month Year Monday Tuesday
  Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October
  November December AM PM JST UTC OK ID PC IT`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words before a family name that are no given name (Dear Wilson, Mr Harper, Team Garcia, Santa Cruz). */
const NOT_GIVEN =
  /^(?:Mr|Ms|Mrs|Miss|Dr|Prof|Sir|Madam|Dear|Hi|Hello|Hey|Attn|Team|Dept|Santa|San|Vera|Saint|St|Port|Fort|Mount|Lake|New|North|South|East|West|Upper|Lower)$/;

/** Given names that are everyday words too, a name's first word before a family name (Will Harper, May Johnson). */
const WORD_GIVEN = /^(?:Will|May|June|April)$/;

/**
 * A name whose last word is a frequent family name written last (Grant Wilson, Will Harper, Rina Wulandari, Bernadette
 * Cruz Villanueva), or a name in capitals opening with one (REYES ANGELICA MAE). The given name may be an everyday
 * word: the family name is the evidence.
 */
function byFamilyName(first: string, kept: readonly string[]): boolean {
  if (first.length < 3 || (NOT_FAMILY.has(first) && !WORD_GIVEN.test(first)) || NOT_NAMES.has(first)) return false;
  if (NOT_GIVEN.test(first)) return false;
  if (hasNotPersonWord(first) || PLACES.test(first)) return false;
  const caps = /^[A-Z]{3,}$/.test(first);
  if (caps && isLatinFamilyName(first) && kept.every((w) => /^[A-Z]{2,}$/.test(w))) return true;
  return kept.length <= 2 && isLatinFamilyName(kept[kept.length - 1]!) && caps === /^[A-Z]+$/.test(kept[0]!);
}

/**
 * A name in English text by its parts alone: a common given name before a family name (Mark Ellison, Sophie Lambert;
 * Yuko Hanamura, Yuki OHASHI — a Japanese given name before a word Hepburn spells), or a frequent family name written
 * first before a given name (Nguyen Van Hai, Lee Min-jun). The words after must be no team's, product's or calendar's,
 * nor the placeholder Doe (John Doe). The weakest evidence of all: the masker takes these spans last, so a longer name
 * another rule found (Fernanda Yukari Nakamura da Silva, SANTOS Carlos Eduardo) is kept whole.
 */
export function detectNameByParts(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if (!/[A-Za-z]{2}/.test(normalized)) return spans;
  const run = new RegExp(CAPITALISED_RUN);
  for (let m = run.exec(normalized); m; m = run.exec(normalized)) {
    const first = m[1] ?? '';
    const rest = (m[2] ?? '').trim().split(' ');
    // Not taken: the next word may open a name (Dear Team Sophie Lambert).
    run.lastIndex = m.index + first.length + 1;
    const kept: string[] = [];
    for (const word of rest) {
      if (NOT_FAMILY.has(word) || NOT_NAMES.has(word) || hasNotPersonWord(word)) break;
      if (word === 'Doe') {
        kept.length = 0;
        break;
      }
      kept.push(word);
    }
    if (kept.length === 0) continue;
    const title = first[0] + first.slice(1).toLowerCase();
    const western = WESTERN_GIVEN_NAMES.has(title) && kept.every((w) => !WESTERN_GIVEN_NAMES.has(w) && w.length >= 2);
    const japanese =
      JAPANESE_GIVEN_NAMES.has(first.toLowerCase()) && kept.length === 1 && spelledInJapanese(kept[0]!.toLowerCase());
    const familyFirst =
      (FAMILY_FIRST_NAMES.has(title) && kept.every((w) => w.length <= 8)) ||
      // A Japanese family name in capitals before a common given name (HIROSE Mai, cn=HIROSE Mai).
      (/^[A-Z]{3,}$/.test(first) &&
        spelledInJapanese(first.toLowerCase()) &&
        kept.length === 1 &&
        JAPANESE_GIVEN_NAMES.has(kept[0]!.toLowerCase()));
    if (!western && !japanese && !familyFirst && !byFamilyName(first, kept)) continue;
    const text = [first, ...kept].join(' ');
    spans.push({ type: 'person_name', start: m.index, end: m.index + text.length });
    run.lastIndex = m.index + text.length;
  }
  return spans;
}

/**
 * A Japanese address in Latin letters: a block number and a -shi / -ku / -cho / -machi part (or … City / Ward / Town), either
 * order.
 */
// Room 402, Sunny Court, 2-14-7 Kamiosaki, Shinagawa-ku, Tokyo; Kita 3-jo Nishi 6-chome 1-1-805, Chuo-ku, Sapporo.
const ROMAN_ADDRESS =
  /(?:(?:[A-Z][A-Za-z]+\s){0,2}(?:Room|Rm\.?|Unit|Apt\.?|#)\s*\d{1,4},?\s+(?:[A-Z][A-Za-z]+\s){0,3}?(?:[A-Z][A-Za-z]+,\s+)?|(?:[A-Z][A-Za-z]+\s){0,2}(?:Heights|Court|Mansion|Corpo|Maison|Residence|Palace|House|Haitsu|Heim|Apartments?|Tower|Villa|Plaza|Hills|Garden|Terrace|Manor|Building|Bldg\.?|Coop|Co-op)(?:\s[A-Z][A-Za-z]+){0,2}(?:\s\d{1,4})?,\s+)?(?:(?:Kita|Minami|Higashi|Nishi)\s\d{1,2}-jo\s(?:(?:Kita|Minami|Higashi|Nishi)\s)?\d{1,2}-chome\s)?\d{1,4}-\d{1,4}(?:-\d{1,4}){0,2},?\s+(?:[A-Z][a-z]+(?:-[A-Za-z]+)?,?\s+){0,4}?(?:[A-Z][a-z]+-(?:shi|ku|cho|machi|gun|mura|son)|[A-Z][a-z]+ (?:City|Ward|Town|Village))\b(?:,?\s+(?!(?:Room|Rm|Unit|Apt|Flat)\b)[A-Z][a-z]+(?:-(?:shi|ku|ken|to|fu))?)*(?:,\s+(?:(?:Heights|Court|Mansion|Corpo|Maison|Residence|Haitsu|Heim|Villa|Plaza|Kopo|Coop|Apartments?)\s[A-Z][a-z]+|[A-Z][a-z]+\s(?:Heights|Court|Mansion|Corpo|Maison|Residence|Haitsu|Heim|Villa|Kopo|Apartments?))(?:\s\d{1,4}F?)?)?(?:,?\s+(?:Room|Rm\.?|Unit|Apt\.?|Flat|#)\s*\d{1,4}[A-Z]?\b)?/g;
/** An address ending in a building's name (Corpo Shiba, Villa Kita, Sakae Heights), whose room number may follow. */
const BUILDING_ROOM =
  /(?:(?:Heights|Court|Mansion|Corpo|Maison|Residence|Haitsu|Heim|Villa|Plaza|Kopo|Coop|Apartments?|Tower|House|Palace|Hills|Garden|Terrace|Manor)\s[A-Z][a-z]+|[A-Z][a-z]+\s(?:Heights|Court|Mansion|Corpo|Maison|Residence|Haitsu|Heim|Villa|Kopo|Apartments?|Tower|House|Palace|Hills|Garden|Terrace|Manor))$/;
const ROMAN_ADDRESS_CITY_FIRST =
  /\b[A-Z][a-z]+-(?:to|fu|ken|shi|ku|gun)(?:,?\s+[A-Z][a-z]+(?:-[a-z]+)?){0,4},?\s+(?:\d{1,2}-jo\s+)?(?:\d{1,2}-chome\s+)?\d{1,4}(?:-\d{1,4}){0,2}\b(?:,?\s+(?:Room|Apt\.?|#)\s*\d{1,4}\b)?/g;

/**
 * A dwelling after a romanised address's block number: up to five words and a room number of one to four digits (not a
 * year), ending the clause — Sakura Mansion 305, Apto 202, ky tuc xa Hikari phong 12, Casa Verde 101.
 */
const DWELLING_AFTER_BLOCK =
  /^,\s+[A-Za-z][A-Za-z'.-]*(?:\s+[A-Za-z][A-Za-z'.-]*){0,4}?\s+(?!(?:19|20)\d\d\b)\d{1,4}[A-Z]?(?:号室|号|室|호)?(?=[\s.,;:)!?。、।]|$)/;

/** A field's label after a comma, which ends the name before it (Jack Taylor, Mobile: …). */
const FIELD_AFTER_COMMA =
  /,\s*(?:Mobile|Phone|Tel|TEL|Email|E-mail|Mail|Address|DOB|Birth|Born|Age|Nationality|Room|Ext|Fax|School|Dept|Department|Division|Section|ALT|CIR)\b.*$/;

export function cleanName(name: string): string | undefined {
  // After a comma, a desk or a team is where the person works, not a part of the name (Ms. Ishiguro, Helpdesk).
  const parts = name.replace(FIELD_AFTER_COMMA, '').split(',');
  const desk = parts.findIndex((p, i) => i > 0 && hasNotPersonWord(p.trim()));
  const words = (desk > 0 ? parts.slice(0, desk) : parts).join(',').trim().split(/\s+/);
  while (words.length > 0 && NOT_NAMES.has(words[0]!)) words.shift();
  return words.length > 0 ? words.join(' ') : undefined;
}

/** A given name introducing its writer (Hi, David here; Hey it's Ryan,). */
const HERE =
  /(?:^|[\n,.!]\s*)([A-Z][a-z]+) here\b|\b(?:[Ii]t's|[Ii]t is|[Tt]his is|I'm|I am|[Ii]m)\s+([A-Z][a-z]+)(?=[,.!]|\s*\(|\s+(?:from|at|of|here)\b)/g;
/** A chat line's speaker (Jake: VPN's down), a mention (@Ayumi, @kenta.m), a header field's lone name (Cc: Mark). */
const SPEAKER = /(?:^|\n)[ \t]*([A-Z][a-z]+):[ \t]/g;
const MENTION = /(?<![\w.])@([A-Z][a-z]+|[a-z]{3,}\.[a-z])(?![\w@])/g;
const HEADER_NAME = /(?:^|\n)[ \t]*(?:To|Cc|CC|Bcc|From):[ \t]*([A-Z][a-z]+)[ \t]*(?=\n|$|,)/g;
/** A list of people after its label, names apart with commas, maybe each with a role in brackets. */
const PEOPLE_LIST =
  /(?:\b(?:[Aa]ttendees?|[Aa]ttendee list|[Pp]articipants|[Mm]embers|Present|Absent)|出席者?|参加者?|欠席者?|メンバー|同席者?)[ \t]*[:：][ \t]*([^\n]+)/g;
const LISTED_PERSON =
  /^(?:(?:Mr|Ms|Mrs|Mx|Dr|Prof|Miss)\.? )?((?:[A-Z]\. ?)?[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2})(?:[ \t]*[(（][^)）]{1,30}[)）])?\.?$/;
/** A list's item that is an office or a team, counted in brackets (Legal Affairs (1), IT Division (3)). */
const ORGANISATION_WORD =
  /\b(?:Affairs|Division|Department|Section|Office|Team|Bureau|Unit|Committee|Council|Services?|Board|Group|Cent(?:er|re)|Administration)\b/;

/** A name in Latin letters (two to five words) right before its katakana reading (NGUYEN THI THANH HUYEN（グエン・…）). */
const BEFORE_READING =
  /(?<![A-Za-z'’-])((?:[A-Z][a-z'’-]+|[A-Z]{2,})(?:,? (?:[A-Z][a-z'’-]+|[A-Z]{2,})){1,4})[ \t]?[（(][ァ-ヶー]+(?:[・ ][ァ-ヶー]+){1,4}[）)]/g;
/** A passport's or a form's name fields (姓 / Surname KATO, Given name MIKI). */
const NAME_FIELD =
  /\b(?:[Ss]urname|[Gg]iven names?|[Ff]amily name|[Ff]irst name|[Ll]ast name)[ \t]*[:：]?[ \t]+([A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){0,2})/g;
/** A name in Latin letters after a section and a space (情報政策課　Kevin O'Brien（CIO補佐官）). */
const AFTER_SECTION_LATIN = /[課係室]\s?[ \t\u3000]([A-Z][a-z'’]+(?:[ -][A-Z][A-Za-z'’]+){1,2})(?=[（(、,\n]|$)/g;

/** A romanised family name in brackets after a desk's role or from (Helpdesk (Yamaguchi), helpdesk (K. Ishida), (from Ota)). */
const ROLE_BRACKETED =
  /(?:\b(?:[Hh]elp ?[Dd]esk|HD|[Vv]endor|[Ss]upport|[Oo]perator|[Aa]gent)[ \t]*\(|\(from[ \t]+)((?:[A-Z]\.[ \t]?)?[A-Z][a-z]{1,14})\)/g;
/** Places and offices a desk's role may stand with in brackets (Support (Tokyo), from Osaka). */
const PLACES =
  /^(?:Tokyo|Osaka|Kyoto|Nagoya|Yokohama|Sapporo|Sendai|Fukuoka|Kobe|Chiba|Saitama|Hiroshima|Japan|Honsha|Honcho|Kita|Minami|Higashi|Nishi|Chuo|Shisho)$/;

/** Lone given names by their introduction, a chat line or a header, and the names of a people list. */
function detectLoneNames(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const push = (start: number, name: string): void => {
    spans.push({ type: 'person_name', start, end: start + name.length });
  };
  for (const m of normalized.matchAll(HERE)) {
    const name = m[1] ?? m[2] ?? '';
    if (isCommonLatinName(name)) push(m.index + m[0].lastIndexOf(name), name);
  }
  for (const re of [SPEAKER, HEADER_NAME])
    for (const m of normalized.matchAll(re)) {
      const name = m[1] ?? '';
      if (isCommonGivenName(name)) push(m.index + m[0].indexOf(name), name);
    }
  for (const m of normalized.matchAll(MENTION)) {
    const name = m[1] ?? '';
    const given = name.includes('.') ? JAPANESE_GIVEN_NAMES.has(name.split('.')[0]!) : isCommonGivenName(name);
    if (given) push(m.index + 1, name);
  }
  for (const re of [BEFORE_READING, NAME_FIELD, AFTER_SECTION_LATIN])
    for (const m of normalized.matchAll(re)) {
      const name = m[1] ?? '';
      const first = name.split(/[ ,]/)[0]!;
      // Before a reading: a name in capitals as a passport writes it, or one opening with a common name (not Trend Micro).
      const named = re !== BEFORE_READING || /^[A-Z ,'’-]+$/.test(name) || isCommonLatinName(first);
      if (named && !notPerson(name) && !NOT_FAMILY.has(first)) push(m.index + m[0].indexOf(name), name);
    }
  for (const m of normalized.matchAll(ROLE_BRACKETED)) {
    const name = m[1] ?? '';
    const family = name.replace(/^[A-Z]\.[ \t]?/, '');
    if (spelledInJapanese(family.toLowerCase()) && family.length >= 3 && !PLACES.test(family))
      push(m.index + m[0].indexOf(name), name);
  }
  for (const m of normalized.matchAll(PEOPLE_LIST)) {
    // The list ends with its sentence (… Fernandez (vendor). Room: Hinoki.), not at a title's dot (Ms. Grace Liang).
    const list = (m[1] ?? '').split(/(?<!\b(?:Mr|Ms|Mrs|Mx|Dr|Prof|[A-Z]))\.\s|;|。/)[0]!;
    let at = m.index + m[0].length - (m[1] ?? '').length;
    for (const item of list.split(/[,、]/)) {
      const trimmed = item.trim();
      const person = LISTED_PERSON.exec(trimmed);
      const name = person?.[1] ?? '';
      if (person && !notPerson(name) && !NOT_FAMILY.has(name) && !NOT_NAMES.has(name) && !ORGANISATION_WORD.test(name))
        push(at + item.indexOf(name), name);
      at += item.length + 1;
    }
  }
  return spans;
}

/** Finds names and addresses in English text. */
export function detectEnglishContext(normalized: string): PiiSpan[] {
  if (!/[A-Za-z]{2}/.test(normalized)) return [];
  const spans: PiiSpan[] = [];
  const push = (type: PiiSpan['type'], start: number, text: string): void => {
    spans.push({ type, start, end: start + text.length });
  };
  for (const re of [INTRODUCED, INTRODUCED_FROM, ADDRESSED, TITLED, SIGNED, SIGNED_BELOW, DASH_SIGNED, LABELLED]) {
    for (const m of normalized.matchAll(re)) {
      const raw = m[1] ?? '';
      const name = cleanName(raw);
      // A single capitalised word after "this is" / "I am" is mostly no name (I am Japanese); two or more are —
      // and one closing the whole message after a sign-off or a dash (Thanks,\nEmily; Thanks! – Tom).
      const at = m.index + m[0].indexOf(raw);
      const closing =
        normalized.slice(m.index + m[0].length).trim() === '' &&
        (re === SIGNED_BELOW || (re === SIGNED && SIGN_OFF_BEFORE.test(normalized.slice(0, at))));
      if (
        !name ||
        ((re === INTRODUCED || re === SIGNED || re === SIGNED_BELOW) &&
          !name.includes(' ') &&
          !/^[A-Z]{2,}$/.test(name) &&
          !closing)
      )
        continue;
      // Regards, IT Service Desk: a team or a company signs too. A word before a colon is the next field's label — not
      // after a title, where it is a minute's speaker (・Ms. Tan（CIR）：…).
      if (notPerson(name)) continue;
      const after = m.index + m[0].indexOf(raw) + raw.indexOf(name) + name.length;
      if (
        re !== TITLED &&
        !name.includes(' ') &&
        /^[ \t]*(?:\([^)\n]{0,20}\))?[ \t]*:/.test(normalized.slice(after, after + 24))
      )
        continue;
      push('person_name', m.index + m[0].indexOf(raw) + raw.indexOf(name), name);
    }
  }
  for (const m of normalized.matchAll(TICKET_PARTY_JA)) {
    const at = m.indices?.[1];
    const name = m[1] ?? '';
    if (at && (/[ \u3000]/.test(name) || KNOWN_FAMILY_NAMES.has(name)))
      spans.push({ type: 'person_name', start: at[0], end: at[1] });
  }
  for (const re of [ROLE_BEFORE, SAN])
    for (const m of normalized.matchAll(re)) {
      const name = m[1] ?? '';
      if (!notPerson(name)) push('person_name', m.index + m[0].indexOf(name), name);
    }
  for (const m of normalized.matchAll(DISPLAY_NAME)) {
    const name = m[1] ?? '';
    if (notPerson(name)) continue;
    push('person_name', m.index + m[0].indexOf(name), name);
  }
  spans.push(...detectLoneNames(normalized));
  for (const re of [ROMAN_ADDRESS, ROMAN_ADDRESS_CITY_FIRST])
    for (const m of normalized.matchAll(re)) {
      if (officeAddress(normalized, m.index)) continue;
      let address = m[0].replace(/[,\s]+$/, '');
      // A room number after the building that ends it (…, Saitama, Corpo Shiba 201; Heights Sakae 3F).
      const room = BUILDING_ROOM.test(address)
        ? /^\s\d{1,4}F?(?![\w-])/.exec(normalized.slice(m.index + address.length))
        : null;
      if (room) address += room[0];
      // After a block number, a dwelling's name and its room (…, 1-4-7, Sakura Mansion 305 / Apto 202 / phong 12).
      const dwelling = /\d$/.test(address)
        ? DWELLING_AFTER_BLOCK.exec(normalized.slice(m.index + address.length))
        : null;
      if (dwelling) address += dwelling[0];
      push('address', m.index, address);
      // The postal code written after a romanised address (…, Tokyo 141-0021).
      const code = /^,?\s+(\d{3}-\d{4})(?![\d-])/.exec(normalized.slice(m.index + address.length));
      if (code?.[1]) push('postal_code', m.index + address.length + code[0].indexOf(code[1]), code[1]);
    }
  return spans;
}
