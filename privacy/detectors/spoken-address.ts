/**
 * An address said into a voice recogniser that wrote it in hiragana (session 32): after じゅうしょ / 住所 and the pauses of
 * speech, the words of the place, then the block said in kana or written in digits — じゅうしょは、えー、ひばりし わかくさだい
 * ごちょうめ じゅうはちのさん です; じゅうしょ ぐんまけん たかさきし いわはなまち 12-5 — maybe a building and its room after it
 * (ハイツほんまち ひゃくごごうしつ); the place's words may be parted by a pause's comma (ことのはし、みどりちょう、…). Each number said must read as one (kanaNumber): a word that is no number ends nothing.
 * Also (session 33) an address written in half-width katakana with its block in digits (ｱｻｷﾞﾘｼ ﾎﾝﾁｮｳ 3-3-1).
 */
import type { PiiSpan } from '../types';
import { kanaNumber } from '../dictation-words';
import { PAUSES } from './spoken-names';

/**
 * The block: digits, or a chōme said in kana and maybe its lot (ごちょうめ じゅうはちのさん; a pause after の: さんの じゅうご),
 * or three numbers said in kana joined by の (にのじゅうごのさん, 2-15-3; also with pauses: ご の じゅうに の さん).
 */
const BLOCK =
  '(?:\\d{1,4}(?:-\\d{1,4}){1,3}|([ぁ-ゖ]{1,8}?)[ \\u3000]?の[ \\u3000]?([ぁ-ゖ]{1,10}?)[ \\u3000]?の[ \\u3000]?([ぁ-ゖ]{1,10}?)|([ぁ-ゖ]{1,8}?)ちょうめ(?:[ \\u3000]+([ぁ-ゖ]{1,10}?)(?:の|ばんちの|ばんち|ばん)[ \\u3000]?([ぁ-ゖ]{1,10}?)(?:ごう)?)?)';
/** A building in katakana and its room said in kana (ハイツほんまち ひゃくごごうしつ). */
const BUILDING = '(?:[ \\u3000]+[ァ-ヶー]{2,10}[ぁ-ゖ]{0,6}(?:[ \\u3000]+([ぁ-ゖ]{2,10}?)ごうしつ)?)?';
const SAID_ADDRESS = new RegExp(
  `(?:住所|じゅうしょ)(?:は|が)?${PAUSES}((?:[ぁ-ゖ]{2,12}(?:[ \\u3000]+|、[ \\u3000]*)){1,4}${BLOCK}${BUILDING})(?=[ \\t\\u3000]*(?:です|、|,|。|$))`,
  'dg',
);

/**
 * An address written in half-width katakana, as a residence card's reading or an old terminal gives it: the city, ward or
 * prefecture's word (…ｼ, …ｸ, …ｹﾝ, …ﾁｮｳ, …ﾏﾁ, …ﾑﾗ), more words, then the block in digits (ｱｻｷﾞﾘｼ ﾎﾝﾁｮｳ 3-3-1).
 */
const HALF_WIDTH_ADDRESS =
  /(?<![ｦ-ﾟ])([ｦ-ﾟ]{2,12}(?:ｼ|ｸ|ｹﾝ|ﾁｮｳ|ﾏﾁ|ﾑﾗ)(?:[ \t]+[ｦ-ﾟ]{2,14}){1,3}[ \t]*\d{1,4}(?:-\d{1,4}){1,3})(?![\d\-])/dg;

/** Finds addresses said in hiragana after their label, and addresses in half-width katakana. */
export function detectSpokenAddress(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of normalized.matchAll(HALF_WIDTH_ADDRESS))
    spans.push({ type: 'address', start: m.indices![1]![0], end: m.indices![1]![1] });
  if (!/じゅうしょ|住所/.test(normalized)) return spans;
  for (const m of normalized.matchAll(SAID_ADDRESS)) {
    const at = m.indices?.[1];
    const numbers = m.slice(2).filter((g): g is string => g !== undefined);
    if (at && numbers.every((n) => kanaNumber(n) !== undefined))
      spans.push({ type: 'address', start: at[0], end: at[1] });
  }
  return spans;
}
