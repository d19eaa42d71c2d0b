/**
 * The other people of a list of people: where items of a list on one line (split at 、 ， , ／ /) were found to be names,
 * the items of a name's shape beside them are names too — an attendee of a rare family name between two found ones
 * (出席者：門脇、鶴見、ウィルソン（CIR）), a duty roster's days (当番：月 宮坂／火 ベイカー／水 那須野), an English attendee
 * list (Attendees: Ogawa / Smith (ALT) / Ri Sumin / 新垣). Two found items make a list of people; one is enough under a
 * label that lists people (出席, 班員, Attendees …), on the line or closing the line before, where a listed family name
 * counts as found; a kanji full name beside one found item needs no more (桐ヶ谷 俊介、Kim Minseo). An item may carry its section before it, a post after it and a note in brackets (情報政策課 神谷課長,
 * Smith (ALT), Ito（欠）); offices, roles and words that are no one (未定, 全員) are never names.
 */
import type { PiiSpan } from './types';
import { KNOWN_FAMILY_NAMES } from './family-names';
import { fillsNameSlot, hasNotPersonWord } from './detectors';
import { speakerColumnSpans } from './speaker-column';

/** Labels of a list of people. */
const LIST_LABEL =
  /(?:出席|参加|欠席|出欠|不在|メンバー|班員|委員|当番|担当|作業|立会|Attendees|Participants|Members|Present|Absent)(?:者|一覧)?/i;
/** A label and a colon opening the line's list (出席者：, ・参加: , Attendees:). */
const LABEL_OPENING = /^[ \t]*(?:[・•*-][ \t]*)?[^\n:：]{1,24}[:：][ \t]*/;
/** A line closed by a list's label, maybe with an emoji or a colon after it (Teams会議の出席者 📋). */
const LABEL_CLOSING = new RegExp(
  `${LIST_LABEL.source}[ \\t]*(?:[:：]|\\p{Extended_Pictographic}\\uFE0F?)?[ \\t]*$`,
  'iu',
);
/** Where the list stops: a dash or a sentence's end after it (… / 新垣 — the ALT Wi-Fi issue …). */
const LIST_END = /[ \t][-–—―][ \t]|。|\.[ \t]|[ \t]{2,}/;
const POST =
  '(?:課長補佐|課長|係長|部長|次長|室長|所長|局長|主査|主任|主事|主幹|参事|補佐|班長|会長|技師|先生|さん|様|氏)';
/** An item: maybe its section or its day, the name, maybe a post and a note in brackets. */
const ITEM = new RegExp(
  `^(?:[一-龥ァ-ヶー]{1,12}[課係室部局班所][ \\t\\u3000]+|[月火水木金土日][ \\t\\u3000]+|\\d{1,2}/\\d{1,2}(?:[（(][月火水木金土日][）)])?[ \\t\\u3000]*|(?:[（(]株[）)]|株式会社)[^\\s、,]{1,16}[ \\t\\u3000]+)?` +
    `([一-龥々ヶ]{1,4}[ \u3000][一-龥々ヶ]{1,3}|[一-龥々ヶ]{2,4}?|[ァ-ヶー]{2,12}(?:[・ ][ァ-ヶー]{1,12}){0,3}|[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){0,2})` +
    `[ \\t\\u3000]*${POST}?(?:[ \\t]*[（(][^）)\\n]{1,12}[）)])?$`,
  'd',
);
/**
 * A household's member named after the relation (世帯主 三浦 大樹、妻 彩花、長男 蒼): the relation says a person, so a
 * name of one kanji is one too.
 */
const KIN_ITEM =
  /^(?:世帯主|妻|夫|長男|長女|次男|次女|三男|三女|父|母|祖父|祖母|子|孫|兄|姉|弟|妹)[ \t\u3000]+([一-龥々ヶ]{1,4}(?:[ \u3000][一-龥々ヶ]{1,3})?|[ぁ-ゖ]{2,6}|[ァ-ヶー]{2,12})$/d;
/** Katakana words of a list that are a role, a team or a thing, not a person. */
const NOT_PERSON_KATAKANA =
  /^(?:ヘルプデスク|ベンダー|メーカー|システム|サポート|ゲスト|スタッフ|チーム|グループ|センター|オブザーバー|事務局|リーダー|メンバー)$/;

/** What parts a list's items: 、 ， ／ / (not a date's: 6/14), and a comma with a space after it as English writes (not a CSV row's). */
const SEPARATOR = /[、，／]|(?<!\d)\/|\/(?!\d)|,(?= )/;

interface Item {
  start: number;
  end: number;
  name: string;
}

/** The spans of the unfound items of lists of people. */
export function nameListSpans(normalized: string, spans: readonly PiiSpan[]): PiiSpan[] {
  // … and the other speakers of minutes where one was found (session 37 b).
  const speakers = speakerColumnSpans(normalized, spans);
  return speakers.length > 0 ? [...listedSpans(normalized, spans), ...speakers] : listedSpans(normalized, spans);
}

function listedSpans(normalized: string, spans: readonly PiiSpan[]): PiiSpan[] {
  if (!/[、，,／/]/.test(normalized)) return [];
  const covered = new Uint8Array(normalized.length + 1);
  for (const s of spans) if (s.type === 'person_name') covered.fill(1, s.start, s.end);
  const taken = new Uint8Array(normalized.length + 1);
  for (const s of spans) taken.fill(1, s.start, s.end);
  const out: PiiSpan[] = [];
  let offset = 0;
  let previous = '';
  for (const line of normalized.split('\n')) {
    const opening = LABEL_OPENING.exec(line)?.[0] ?? '';
    const labelled = LIST_LABEL.test(opening) || LABEL_CLOSING.test(previous);
    const body = line.slice(opening.length);
    const end = LIST_END.exec(body)?.index ?? body.length;
    const list = body.slice(0, end);
    const items = itemsOf(list, offset + opening.length, covered);
    previous = line;
    offset += line.length + 1;
    // A list's items are mostly names; a row of a table (1,小島 直樹,…,OK) is the roster rules'.
    if (items.length < 2 || items.length * 2 < list.split(SEPARATOR).length || line.includes('\t')) continue;
    const found = (i: Item): boolean => covered.subarray(i.start, i.end).every((c) => c === 1);
    const count = items.filter((i) => found(i) || (labelled && KNOWN_FAMILY_NAMES.has(i.name))).length;
    if (count === 0) continue;
    // A kanji full name (桐ヶ谷 俊介) beside one found name is a name by its own shape too.
    const full = (i: Item): boolean => /^[一-龥々ヶ]{1,4}[ \u3000][一-龥々ヶ]{1,3}$/.test(i.name);
    for (const i of items)
      if ((count >= 2 || labelled || full(i)) && !taken.subarray(i.start, i.end).includes(1))
        out.push({ type: 'person_name', start: i.start, end: i.end });
  }
  return out;
}

/** The items of a name's shape in a list's text, and those another rule found a name (岡部 ends like an office). */
function itemsOf(list: string, offset: number, covered: Uint8Array): Item[] {
  const items: Item[] = [];
  let at = 0;
  for (const raw of list.split(SEPARATOR)) {
    const lead = raw.length - raw.trimStart().length;
    const m = KIN_ITEM.exec(raw.trim()) ?? ITEM.exec(raw.trim());
    const core = m?.indices?.[1];
    const name = m?.[1] ?? '';
    const first = name.split(/[ \u3000]/)[0]!;
    const shaped = KIN_ITEM.test(raw.trim())
      ? !/[課係長]$/.test(name) && (!/^[一-龥]/.test(name) || first.length === 1 || fillsNameSlot(first))
      : /^[一-龥]/.test(name)
        ? name
            .split(/[ \u3000]/)
            .every((part, k) => (k === 0 ? fillsNameSlot(part) || part.length === 1 : !/[課係長]$/.test(part)))
        : /^[ァ-ヶ]/.test(name)
          ? !NOT_PERSON_KATAKANA.test(name)
          : !hasNotPersonWord(name);
    const found =
      core && covered.subarray(offset + at + lead + core[0], offset + at + lead + core[1]).every((c) => c === 1);
    if (core && (shaped || found))
      items.push({ start: offset + at + lead + core[0], end: offset + at + lead + core[1], name });
    at += raw.length + 1;
  }
  return items;
}
