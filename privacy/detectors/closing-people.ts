/**
 * Who signs a message where it ends (session 35, the fifty-first blind batch): the writer's name closing the message
 * or the reply above a quoted original, in shapes the older signature rule (message-structure.ts: a listed family name
 * alone on the last line, maybe after a dash or a section ending in 課 / 係 …) did not hold:
 * - the reply's own last line before a quoted original (-----Original Message-----, 元のメッセージ, > From:, On … wrote:)
 *   — any mail or ticket reply that quotes what it answers;
 * - a dash signature run on after the last sentence (…やる。—カトウ), or a katakana family name after a dash on its line;
 * - the office said by its work's word alone (税務 小松, 情シス 岡田): staff sign with their section's short name;
 * - a Latin full name in lower case closing an English message after its last sentence (… can someone check? tom
 *   baker), when the first word is a common given name and the second a family name;
 * and a kana given or family name after a post or a section and の (選管書記のヒロミ、, 窓口のケンジが): the katakana read in
 * Hepburn must be a listed given name or a listed family name's reading.
 * Session 36: where the shape alone says a signature — after a dash closing the text (…行きます。 —嶋津), alone on the last
 * line after a blank line (…済んでいます。⏎⏎羽賀), or a post and a full name on a line of the block under a rule line
 * (――――⏎ひばり野市 選挙管理委員会事務局⏎書記 牧之瀬 航平) — a family name made of the listed names' kanji is taken too.
 * Session 36 (b): set apart after the last sentence's end (…急ぎじゃないです　設楽, …どうすればいい？　みやざわ): chat and
 * form messages signed on the same line; a hiragana family name must be a listed one's reading.
 */
import type { PiiSpan } from '../types';
import { HIRAGANA_FAMILY_NAMES, KNOWN_FAMILY_NAMES, PLACE_FAMILY_NAMES } from '../family-names';
import { KATAKANA_FAMILY_NAMES } from './everyday-people';
import { isCommonGivenName, readsAsGivenName } from './given-names';
import { isLatinFamilyName } from './latin-family-names';
import { isListedRomajiFamily } from './romaji-name';
import { captured } from './captured';
import { fillsNameSlot } from './rare-names';
import { surnameLike } from '../family-names';
import { detectRoleSigned } from './role-signed';

/** A line opening a quoted original under a reply. */
const QUOTE_HEAD =
  /^[ \t]*(?:-{3,}[ \t]*(?:Original Message|Original|元のメッセージ|転送されたメッセージ|Forwarded message)[ \t]*-*|>?[ \t]*(?:From|差出人)[ \t]*[:：].*|On [^\n]{4,80} wrote:|[^\n]{4,60}(?:wrote|のメッセージ)[ \t]*[:：])[ \t]*$/m;
/** A dash, then the writer: a family name in kanji or in katakana, closing the text. */
const DASH_SIGNED = /(?:^|\n|[。！？!?])[ \t]*[―—–-]+[ \t]*([一-龥々ヶ]{1,3}|[ァ-ヶー]{2,6})[ \t]*$/d;
/** The last line: a word of the writer's office (2–6 letters), a space, the family name. */
const OFFICE_WORD_SIGNED = /\n[ \t]*[一-龥ァ-ヶー]{2,6}[ \t\u3000]+([一-龥々ヶ]{1,3})[ \t]*$/d;
/** A word naming where to (出張先, 所在地, 行き先) before a place-like family name: the place (出張先 長野). */
const DESTINATION = /(?:先|地|元|行き|方面)[ \t\u3000]+$/;
/** The last line alone: the family name. */
const NAME_LINE = /\n[ \t]*([一-龥々ヶ]{1,3})[ \t]*$/d;
/** After the last sentence of an English message: one or two lower-case words. */
const CLOSING_LOWER = /[.!?][ \t]+([a-z]{2,14} [a-z]{2,14})[ \t]*$/d;
/** A kana name after a post or a section and の, before a particle or a mark. */
const KANA_AFTER_POST =
  /(?:課|係|室|班|担当|書記|主事|主査|主任|係長|職員|支所)の([ァ-ヶー]{2,5})(?=[、,。がはにともへ]|から|より)/dg;

const cap = (word: string): string => word[0]!.toUpperCase() + word.slice(1);
const listed = (name: string): boolean => KNOWN_FAMILY_NAMES.has(name) || KATAKANA_FAMILY_NAMES.has(name);
/** Listed, or made of the listed names' kanji and filling a name's place: where the shape alone says a signature. */
const familyLike = (name: string): boolean => listed(name) || (fillsNameSlot(name) && surnameLike(name));
/** A name alone on the text's last line after a blank line. */
const PARAGRAPH_SIGNED = /\n[ \t]*\n[ \t]*([一-龥々ヶ]{2,3})[ \t]*$/d;
/** A family name in kanji or hiragana set apart after the last sentence's end, closing the text (…ないです　設楽). */
const SENTENCE_SIGNED = /(?:[。！？!?]|です|ます|ません|ください)[ \t]+([一-龥々ヶ]{2,3}|[ぁ-ゖ]{3,5})[ \t]*$/d;
/**
 * A name in kana closing the text after "by" or after a section set apart (…どこ？　byさとみ, …交換できますか　こども未来課
 * はるか; session 37): a chat or form message signed by the given name — read as a listed given or family name.
 */
const KANA_SIGNED =
  /(?:(?<![A-Za-z])by[ \t\u3000]*|[一-龥ァ-ヶー]{1,10}(?:課|係|室|班|センター)[ \t\u3000]+)([ぁ-ゖ]{2,5}|[ァ-ヶー]{2,5})[ \t]*$/d;
/** A post and a full name on a line of a signature block: under a rule line, within its next four lines. */
const BLOCK_POST_NAME =
  /(?:^|\n)[ \t]*(?:[―—─━=＝_-][ \t]*){4,}\n(?:[^\n]*\n){0,3}?[ \t]*[一-龥]{1,6}[ \t\u3000]+([一-龥々ヶ]{2,4}[ \t\u3000][一-龥々]{1,3})[ \t]*(?=\n|$)/dg;

/** Where the reply ends: the start of the line opening a quoted original, or undefined when none is quoted. */
function replyEnd(normalized: string): number | undefined {
  const head = QUOTE_HEAD.exec(normalized);
  if (!head || head.index === 0) return undefined;
  const body = normalized.slice(0, head.index).replace(/\s+$/, '');
  return body.length > 0 ? body.length : undefined;
}

function signedAt(text: string, re: RegExp, keep: (name: string) => boolean): PiiSpan[] {
  const m = re.exec(text);
  const at = m?.indices?.[1];
  return m && at && keep(m[1]!) ? [{ type: 'person_name', start: at[0], end: at[1] }] : [];
}

/** Finds the closing names above. */
export function detectClosingPeople(normalized: string): PiiSpan[] {
  const end = replyEnd(normalized);
  const reply = end === undefined ? undefined : normalized.slice(0, end);
  const spans = [
    // … and the role before the name closing the text (session 37 b: 運転士 尾形).
    ...detectRoleSigned(normalized),
    ...signedAt(normalized, DASH_SIGNED, familyLike),
    ...signedAt(normalized, PARAGRAPH_SIGNED, familyLike),
    ...signedAt(normalized, SENTENCE_SIGNED, (name) =>
      /^[ぁ-ゖ]/.test(name)
        ? HIRAGANA_FAMILY_NAMES.has(name)
        : fillsNameSlot(name) && !/[課係室局部所長会]$/.test(name),
    ),
    ...captured(normalized, BLOCK_POST_NAME, (name) => {
      const [family = '', given = ''] = name.split(/[ \t\u3000]/);
      return familyLike(family) && !/[課係室局部所長]$/.test(given);
    }),
    ...signedAt(normalized, OFFICE_WORD_SIGNED, (name) => KNOWN_FAMILY_NAMES.has(name)).filter(
      (s) =>
        !(PLACE_FAMILY_NAMES.has(normalized.slice(s.start, s.end)) && DESTINATION.test(normalized.slice(0, s.start))),
    ),
    ...signedAt(
      normalized,
      KANA_SIGNED,
      (name) => readsAsGivenName(name) || HIRAGANA_FAMILY_NAMES.has(name) || KATAKANA_FAMILY_NAMES.has(name),
    ),
    ...signedAt(normalized, CLOSING_LOWER, (name) => {
      const [given, family] = name.split(' ') as [string, string];
      return isCommonGivenName(cap(given)) && (isLatinFamilyName(cap(family)) || isListedRomajiFamily(family));
    }),
  ];
  if (reply !== undefined)
    for (const re of [DASH_SIGNED, OFFICE_WORD_SIGNED, NAME_LINE])
      spans.push(...signedAt(reply, re, (name) => KNOWN_FAMILY_NAMES.has(name) || KATAKANA_FAMILY_NAMES.has(name)));
  spans.push(
    ...captured(normalized, KANA_AFTER_POST, (name) => {
      return KATAKANA_FAMILY_NAMES.has(name) || readsAsGivenName(name);
    }),
  );
  return spans;
}
