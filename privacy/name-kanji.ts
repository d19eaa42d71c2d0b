/**
 * Family names as registers and old documents spell them: the old forms of kanji (旧字体: 齋藤, 上條, 渡邊, 澤田) and the
 * katakana ノ, ツ and ケ between kanji (一ノ瀬, 宮ノ下, 池ノ内, 三ツ井, 六ツ川, 一ケ谷) — general knowledge of Japanese writing, not a
 * list of anyone's names. Read as the common forms (斎藤, 上条, 渡辺, 沢田, 一之瀬, 三津井, 一ヶ谷), one letter for one, so
 * offsets hold: the listed family names,
 * the name patterns' kanji classes and the morphological analyzer all know those.
 */

/** Old kanji forms in family names and the forms in use today (the Jōyō table's 旧字体 → 新字体 pairs found in names). */
const OLD_FORMS: Readonly<Record<string, string>> = {
  齋: '斎',
  齊: '斉',
  邊: '辺',
  邉: '辺',
  澤: '沢',
  濱: '浜',
  濵: '浜',
  廣: '広',
  條: '条',
  嶋: '島',
  櫻: '桜',
  瀨: '瀬',
  﨑: '崎',
  髙: '高',
  栁: '柳',
  德: '徳',
  國: '国',
  黑: '黒',
  眞: '真',
  實: '実',
  惠: '恵',
  壽: '寿',
  藏: '蔵',
  榮: '栄',
  淺: '浅',
  寳: '宝',
  曾: '曽',
  冨: '富',
  槇: '槙',
  鐵: '鉄',
  關: '関',
  繪: '絵',
  龜: '亀',
};
const OLD_FORM = new RegExp(`[${Object.keys(OLD_FORMS).join('')}]`, 'gu');
/** ノ inside a kanji name (一ノ瀬), not ノ of a katakana word (ノート, 研修ノ) nor between a word and a number. */
const NO_IN_NAME = /(?<=[一-龥々])ノ(?=[一-龥])/g;
/** ツ and ケ inside a kanji name (三ツ井, 一ケ谷): read as 津 and ヶ, as names also write them. */
const TSU_IN_NAME = /(?<=[一-龥々])ツ(?=[一-龥])/g;
const KE_IN_NAME = /(?<=[一-龥々])ケ(?=[一-龥])/g;

/** The text with old kanji forms read as today's and ノ / ツ / ケ inside a kanji word as 之 / 津 / ヶ; the same length. */
export function unifyNameKanji(text: string): string {
  return text
    .replace(OLD_FORM, (c) => OLD_FORMS[c] ?? c)
    .replace(NO_IN_NAME, '之')
    .replace(TSU_IN_NAME, '津')
    .replace(KE_IN_NAME, 'ヶ');
}
