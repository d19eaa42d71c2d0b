/**
 * Names in Latin letters known by a cue of the sentence (session 33, the forty-sixth blind batch):
 * - the honorifics of residents' languages before a capitalised name: Portuguese and Spanish Senhor / Senhora / Sr. /
 *   Sra. / Dona / Señor / Señora, Tagalog Kuya / Tita / Tito / Manong / Manang / Lolo / Lola (Senhor Marcos Hideki
 *   Tanaka, Kuya Jomar);
 * - a relative named after the relation and before 's or a sentence's mark (her husband Liam's tax certificate);
 * - a lower-case name introducing its writer before "here" at a message's start or after a greeting (hi, yamaguchi
 *   kaede here from …) when a word of it is a common given or family name;
 * - a name broken across a line after an account holder's label (Holder: OKAFOR⏎CHIDI), in capitals too;
 * - a display name quoted whole, two words romaji spells, one a listed Japanese given name or the quote said to be how
 *   someone is shown (「Nagase Rika🌸」って表示の人), maybe with an emoji after it;
 * - a Windows or Unix profile folder named after its user (C:\Users\kawashima.r\, /home/sato_k/);
 * - (session 34) who an action item is given to (Action: Ogura to send …) and a lower-case name closing the message
 *   after the writer's section (保育課 mika), when a common given or family name.
 */
import type { PiiSpan } from '../types';
import { captured } from './captured';
import { isCommonGivenName, JAPANESE_GIVEN_NAMES } from './given-names';
import { isLatinFamilyName } from './latin-family-names';
import { hasNotPersonWord } from './not-person-words';
import { isListedRomajiFamily, spelledInJapanese } from './romaji-name';

const WORD = "[A-ZÀ-Ý][a-zà-ÿ'’-]+";
const RESIDENT_HONORIFIC = new RegExp(
  `\\b(?:Senhora?|Sra?\\.|Dona|Señora?|Kuya|Tit[ao]|Manong|Manang|Lol[ao])[ \\t]+(${WORD}(?: (?:${WORD}|da|de|do|dos|das|del)){0,4})`,
  'dgu',
);
const RELATIVE = new RegExp(
  `\\b(?:[Hh]er|[Hh]is|[Mm]y|[Oo]ur|[Tt]heir) (?:husband|wife|son|daughter|mother|father|mom|dad|brother|sister|grandmother|grandfather|partner|child)[ \\t]+(${WORD})(?=['’]s\\b|[,.!?)]|[ \\t]+(?:is|was|has|had|who|and)\\b)`,
  'dgu',
);
const LOWER_HERE = /(?:^|\b(?:hi|hello|hey|hiya)[,!]?[ \t]+)([a-z]{2,15}(?: [a-z]{2,15})?) here\b/dgi;
const HOLDER_BROKEN =
  /\b(?:[Aa]ccount )?[Hh]older[ \t]*:[ \t]*((?:[A-Z][a-z'’-]+|[A-Z]{2,})[ \t]*\n[ \t]*(?:[A-Z][a-z'’-]+|[A-Z]{2,})(?: (?:[A-Z][a-z'’-]+|[A-Z]{2,})){0,2})[ \t]*(?=\n|$)/dg;
const QUOTED_DISPLAY =
  /[「『"“]([A-Z][a-z]{1,11} [A-Z][a-z]{1,11})(?:[ \t]?[\p{Extended_Pictographic}\u2600-\u27BF]\uFE0F?)*[」』"”]/dgu;
/** What says the quote is how someone is shown or called (…」って表示の人, …」という名前で). */
const SHOWN_AS = /^[^」』"”\n]{0,4}[」』"”][ \t]*(?:って|と|という)[ \t]*(?:表示|名前|名乗|出て)/;
/**
 * Who an action item or a minute's task is given to: a name at an item's start before "to" or "will" and a verb
 * (Action: Ogura to send …, (1) Kurosawa to renew …).
 */
const ACTION_OWNER =
  /(?:^|(?<=(?:[:;,]|\(\d{1,2}\)|\b\d{1,2}[.)]|[–•*])[ \t]*))([A-Z][a-z]{2,14})(?= (?:to|will) [a-z]{2,}\b)/dgm;
/** A name in lower case closing the message after the writer's section (…なんとかして 保育課 mika). */
const LOWER_AFTER_SECTION = /[課係室班所][ \t\u3000]+([a-z]{2,12})[ \t。.]*$/dg;
const PROFILE_FOLDER = /(?:\b[A-Za-z]:)?[\\/](?:Users|home)[\\/]([A-Za-z]{2,15}[._][A-Za-z]{1,15})(?=[\\/])/dg;

/**
 * A public office named before an address in Latin letters on its line and in its sentence (Minamisato City Hall, 1-1
 * Chuo, …; Ship to: Asagiri City Hall, IT Division, 1-1 Chuo, …): the office's address, published, no one's — as
 * 本庁舎（中央区本町1-1-1） is in Japanese.
 */
const OFFICE_BEFORE =
  /(?:\b(?:City|Town|Village|Ward|Prefectural) (?:Hall|Office)|市役所|区役所|庁舎|役場)(?:[^\n.。]|\.(?!\s))*$/;

/** Whether the Latin address starting at `start` follows a public office's name in its sentence. */
export function officeAddress(normalized: string, start: number): boolean {
  return OFFICE_BEFORE.test(normalized.slice(Math.max(0, start - 60), start));
}

const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1).toLowerCase();
const nameWord = (w: string): boolean =>
  isCommonGivenName(cap(w)) || isLatinFamilyName(cap(w)) || isListedRomajiFamily(w);

/** Finds the names above. */
export function detectLatinCues(normalized: string): PiiSpan[] {
  if (!/[A-Za-z]{2}/.test(normalized)) return [];
  return [
    ...captured(normalized, RESIDENT_HONORIFIC, (name) => !hasNotPersonWord(name)),
    ...captured(normalized, RELATIVE, (name) => !hasNotPersonWord(name) && name.length >= 3),
    ...captured(normalized, LOWER_HERE, (name) => name === name.toLowerCase() && name.split(' ').some(nameWord)),
    ...captured(normalized, HOLDER_BROKEN, (name) => !hasNotPersonWord(name)),
    ...captured(normalized, QUOTED_DISPLAY, (name, at) => {
      const [a = '', b = ''] = name.split(' ');
      const given = (w: string): boolean => JAPANESE_GIVEN_NAMES.has(w.toLowerCase());
      const shown = SHOWN_AS.test(normalized.slice(at[1], at[1] + 16));
      return spelledInJapanese(a) && spelledInJapanese(b) && (shown || given(a) || given(b));
    }),
    ...captured(normalized, ACTION_OWNER, (name) => nameWord(name) && !hasNotPersonWord(name)),
    ...captured(normalized, LOWER_AFTER_SECTION, nameWord),
    ...captured(normalized, PROFILE_FOLDER, (name) =>
      name.split(/[._]/).some((part) => part.length >= 4 && spelledInJapanese(part) && !hasNotPersonWord(part)),
    ),
  ];
}
