/**
 * The other half of a full name when only one half was found: a kanji family name found alone (after a post, a label)
 * with a given name after a space and nothing more of the sentence (主事 楢崎 颯太⏎), and a given name found before an
 * honorific with a kanji family name before it after a space (本人 曽我部 ハツ 様). Rare family names are on no list and
 * the tagger often reads them as two words; where a full name's shape is this plain, its two halves are one name.
 * And (session 36) a hiragana given name found before an honorific with a hiragana word set apart before it, itself after a
 * kanji word or a mark (利用者 すぎうら まさと さん): a name typed without converting it, as residents and staff do.
 * Session 36 (b): a hiragana given name read as a listed one after a kanji family name found, up to a mark or the line's
 * end (深沢 拓海／深沢 ゆい), and a family name found with the space after it (元夫 小宮山 |達也) joined to its given name.
 */
import type { PiiSpan } from './types';
import { readsAsGivenName } from './detectors';

const KANJI = '[一-龥々ヶ]';
/** A given name: one or two kanji, two to four katakana or hiragana. */
const GIVEN = '(?:[一-龥々]{1,2}|[ァ-ヶー]{2,4}|[ぁ-ん]{2,4})';
/**
 * Where a given name after a family name ends (a hiragana word there is as often です or から): an honorific, a mark, a
 * line's end, or です set apart by a space as the name is (世帯主は 菅野 元 です: session 35).
 */
const GIVEN_AFTER = new RegExp(
  `^[ \\u3000]([一-龥々]{1,2}|[ァ-ヶー]{2,4})(?=[ \\u3000]*(?:様|さん|氏|殿)|[ \\u3000]+(?:です|でした)|[、。，,（(）)」\\n]|$)`,
);
/**
 * A hiragana given name after a kanji family name, up to a mark or the line's end (保護者：深沢 拓海／深沢 ゆい⏎): a name
 * typed without converting it; it must read as a listed given name.
 */
const KANA_GIVEN_AFTER = /^[ \u3000]([ぁ-ゖ]{2,4})(?=[、。，,（(）)」／/\n]|$)/;
/** A kanji family name before a given name, at a word's start. */
const FAMILY_BEFORE = new RegExp(`(?:^|[\\s:：、,（(「])(${KANJI}{2,3})[ \\u3000]$`);
/** A hiragana family name before a hiragana given name: after a kanji word, a mark or a line's start, set apart. */
// (not a particle's run: 担当のかた ゆうき さん).
const HIRAGANA_FAMILY_BEFORE =
  /(?:^|[一-龥々ヶ\s:：、,（(「])[ \u3000]*((?![のはがをにともへでや])[ぁ-ゖ]{2,5})[ \u3000]$/;
/** Words that are a state, a step, a place, a role or a post, never half a name (不在, 済, 総務課, 利用者, 主査). */
const NOT_HALF =
  /(?:済|中|不在|確認|対応|予定|完了|依頼|連絡|申請|登録|変更|手続|課|係|室|市|町|村|区|県|都|府|社|店|局|所|会|長|銀行|支店|様|殿|宛|者|員|主査|主事|主任|参事|技師|先生|小姐|女士|本人|家族)$/;

/** Spans covering both halves of a name where a detector found one half. */
export function nameHalfSpans(normalized: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const more: PiiSpan[] = [];
  // Where a name was found both halves apart, each is already masked: nothing to join.
  const covered = new Uint8Array(normalized.length + 1);
  for (const o of spans) covered.fill(1, o.start, o.end);
  const found = (start: number, end: number): boolean => covered.subarray(start, end).includes(1);
  for (const s of spans) {
    if (s.type !== 'person_name') continue;
    const name = normalized.slice(s.start, s.end).trimEnd();
    if (new RegExp(`^${KANJI}{2,3}$`).test(name)) {
      // (from the name's last letter: a span may hold the space after it, 元夫 小宮山 |達也).
      const end = s.start + name.length;
      const rest = normalized.slice(end, end + 8);
      const kana = KANA_GIVEN_AFTER.exec(rest)?.[1];
      const given = GIVEN_AFTER.exec(rest)?.[1] ?? (kana && readsAsGivenName(kana) ? kana : undefined);
      // (an honorific set apart is no given name: お客様 宇佐美 様宅).
      if (
        given !== undefined &&
        !NOT_HALF.test(given) &&
        !/^[様殿氏宛]/.test(given) &&
        !found(end + 1, end + 1 + given.length)
      )
        more.push({ type: 'person_name', start: s.start, end: end + 1 + given.length });
    } else if (
      new RegExp(`^${GIVEN}$`).test(name) &&
      /^[ \u3000]*(?:様|さん|氏|殿)/.test(normalized.slice(s.start + name.length))
    ) {
      const kana = /^[ぁ-ゖ]+$/.test(name) && readsAsGivenName(name);
      // (a window cut inside a word is no word's start: x before it).
      const before = kana
        ? (s.start > 8 ? 'x' : '') + normalized.slice(Math.max(0, s.start - 8), s.start)
        : normalized.slice(Math.max(0, s.start - 5), s.start);
      const family = (kana ? HIRAGANA_FAMILY_BEFORE : FAMILY_BEFORE).exec(before)?.[1];
      if (family !== undefined && !NOT_HALF.test(family) && !found(s.start - 1 - family.length, s.start - 1))
        more.push({ type: 'person_name', start: s.start - 1 - family.length, end: s.end });
    }
  }
  return more;
}
