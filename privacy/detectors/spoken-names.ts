/**
 * Names said on the phone or into a voice recogniser, as its transcript writes them (session 32): pauses as commas and
 * fillers between the label and the name (名前は、あー、かねしろ、かねしろ まさこ です; なまえは、あー、いしみね とみこ です),
 * the name said in kana and then in kanji, as people spell their name out (あー、おのでらです、小野寺。; ふじさわです、藤沢),
 * a name said twice the second time in full (ペレイラ です、ペレイラ ジュリアナ), introducing oneself after one's section with
 * pauses (会計課の、ごとう、です), a kanji family name and a hiragana given name run together (名前は玉川さくらです).
 */
import type { PiiSpan } from '../types';
import { KNOWN_FAMILY_NAMES, surnameLike } from '../family-names';
import { fillsNameSlot } from './rare-names';

/** Words of hesitation a transcript keeps (えー, あのー, えっと), each maybe followed by a pause's comma. */
export const FILLER =
  '(?:え[ーぇ〜]*っ?と|え[ーぇ〜]+|あ[ーぁ〜]+|あの[ーぉ〜]*|その[ーぉ〜]*|う[ーぅ〜]*ん|ん[ーっ〜]+|まあ|はい|ええ|ですね)';
/** Pauses and fillers between a label and what it names (one letter or filler at a time: no two ways to read a run). */
export const PAUSES = `(?:[ \\t\\u3000、,…]|${FILLER})*`;
/** A name as said: hiragana (maybe two words), katakana (two words at most), kanji with a hiragana or kanji given name. */
const SAID_NAME =
  '([ぁ-ゖ]{2,6}(?:[ \\u3000][ぁ-ゖ]{1,6})?|[ァ-ヶー]{2,12}(?:[・ \\u3000][ァ-ヶー]{1,12})?|[一-龥々ヶ]{1,4}(?:[ぁ-ゖ]{2,4}|[ \\u3000][一-龥々ヶ]{1,3})?)';
/** Where a said name ends: です, an honorific after a pause (いまむら じゅんこ さまです), a pause, a sentence's end. */
const SAID_END =
  '(?=[ \\t\\u3000]*(?:です|でございます|と申します|、|,|。|$)|[ \\t\\u3000]+(?:さま|様|さん)(?:です|で|、|。|$))';
const LABELLED = new RegExp(`(?:お?名前|なまえ|氏名|しめい|名義|めいぎ)は${PAUSES}${SAID_NAME}${SAID_END}`, 'dg');
/** After one's section, with pauses (会計課の、ごとう、です). */
const AFTER_SECTION = new RegExp(
  `[課係室部局班]の[、,]?${PAUSES}([ぁ-ゖ]{2,6})[ \\t\\u3000]*[、,]?[ \\t\\u3000]*(?:です|でございます|と申します)`,
  'dg',
);
/** A name said in kana, then in kanji closing the sentence (おのでらです、小野寺。). */
const KANA_THEN_KANJI =
  /(?<=^|[、,\s])([ぁ-ゖ]{3,6}?)(?:です)?[ \t\u3000]*[、,][ \t\u3000]*([一-龥々ヶ]{2,4})(?=[。.、,!！]|\s|$)/dg;
/** Hiragana that is a verb's, an adjective's or an adverb's, not a name (わかりません, ちょっと, まだ). */
const NOT_SAID_NAME =
  /(?:ません|ない|ます|ました|した|して|って|れる|れた|たい|いる|ある|です|でした|だった|けど|から|ので|よね|かな)$|^(?:ちょっと|まだ|たしか|えっと|なし|ふめい|ひみつ|それ|これ|あれ|どれ|なに|なん)$/;

/**
 * Whether a said word can be a name: not a verb's ending, not a word of everyday hiragana; kanji run into hiragana only
 * as a family name of the lists' kanji and a given name (玉川さくら, not 出ます or 表示されます).
 */
function sayable(name: string): boolean {
  const first = name.split(/[ \u3000]/)[0] ?? '';
  // (Not the rule for a word before さん: a said name may open with お or ご — おおしろ, ごとう.)
  if (/^[ぁ-ゖ]/.test(first))
    return !NOT_SAID_NAME.test(first) && !/^(?:みな|みんな|だれ|どなた|あなた|わたし)$/.test(first);
  const joined = /^([一-龥々ヶ]+)([ぁ-ゖ]+)$/.exec(first);
  if (joined) return surnameLike(joined[1]!) && joined[1]!.length >= 2 && !NOT_SAID_NAME.test(joined[2]!);
  // Kanji alone: a family name of the lists or made of their kanji (名前は未入力です, 名前は必須です are no one).
  if (/^[一-龥々ヶ]+$/.test(first))
    return fillsNameSlot(first) && (KNOWN_FAMILY_NAMES.has(first) || surnameLike(first));
  // Katakana: not a word a form's value is described with (名前は、サンプル、です).
  return !/^(?:サンプル|テスト|ダミー|カタカナ|ヒラガナ|ローマジ|ブランク|フルネーム|ニックネーム)$/.test(first);
}

/** Finds names said in a transcript. */
export function detectSpokenNames(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const push = (start: number, end: number): void => {
    spans.push({ type: 'person_name', start, end });
  };
  for (const re of [LABELLED, AFTER_SECTION])
    for (const m of normalized.matchAll(re)) {
      const at = m.indices?.[1];
      const name = m[1] ?? '';
      if (!at || !sayable(name)) continue;
      push(at[0], at[1]);
      // Said again, the second time in full (かねしろ、かねしろ まさこ), or in kanji (ふじさわです、藤沢).
      const rest = normalized.slice(at[1], at[1] + 40);
      const again = new RegExp(
        `^[ \\t\\u3000]*(?:です)?[ \\t\\u3000]*[、,][ \\t\\u3000]*(${escape(name)}[ \\u3000][^\\s、。,]{1,8})`,
      ).exec(rest);
      if (again?.[1]) push(at[1] + again[0].length - again[1].length, at[1] + again[0].length);
    }
  for (const m of normalized.matchAll(KANA_THEN_KANJI)) {
    const [, kana = '', kanji = ''] = m;
    const kanaAt = m.indices?.[1];
    const kanjiAt = m.indices?.[2];
    // The kanji a listed family name or made of their kanji; the kana long enough to be its reading.
    const fits = KNOWN_FAMILY_NAMES.has(kanji) || surnameLike(kanji);
    if (!kanaAt || !kanjiAt || !fits || !sayable(kana) || kana.length < kanji.length) continue;
    push(kanaAt[0], kanaAt[1]);
    push(kanjiAt[0], kanjiAt[1]);
  }
  return spans;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
