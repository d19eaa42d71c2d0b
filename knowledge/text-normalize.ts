/**
 * Character-level normalisation shared by indexing and querying: NFKC (width folding), lower case,
 * dash-like marks inside katakana (and a bar ― ending a katakana word) read as the long-vowel mark, and the trailing long vowel of
 * longer katakana words dropped (JIS Z 8301 style: プリンター → プリンタ, サーバー → サーバ).
 */

const KATAKANA_DASH = /([ァ-ヶ])[-‐‑–—―−ｰ~〜～](?=[ァ-ヶ])/g;
// A bar typed for the long-vowel mark at the end of a katakana word (プリンタ―; not a doubled dash ――).
const KATAKANA_BAR = /([ァ-ヶ])[―─━](?![ァ-ヶ―─━])/g;
// A katakana run of 3+ letters followed by ー that ends the run.
const TRAILING_LONG_VOWEL = /([ァ-ヶー]{2,}[ァ-ヶ])ー(?![ァ-ヶー])/g;

/** Normalises text before tokenisation; idempotent. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(KATAKANA_DASH, '$1ー')
    .replace(KATAKANA_BAR, '$1ー')
    .replace(TRAILING_LONG_VOWEL, '$1');
}

/** Folds katakana to hiragana so that ゴミ and ごみ become one term. */
export function katakanaToHiragana(term: string): string {
  let out = '';
  for (const ch of term) {
    const code = ch.charCodeAt(0);
    out += code >= 0x30a1 && code <= 0x30f6 ? String.fromCharCode(code - 0x60) : ch;
  }
  return out;
}

/** The other way: hiragana to katakana (まとらぼ → マトラボ), for words typed without switching the input mode. */
export function hiraganaToKatakana(term: string): string {
  return term.replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

const KANJI = /[\u4e00-\u9fff\u3005]/g;
const KANJI_AND_HIRAGANA = /^[\u4e00-\u9fff\u3005][\u3041-\u3096\u4e00-\u9fff\u3005]*$/;
// Kana between two kanji (申し込, 引っ越) and kana after the last kanji.
const INNER_KANA = /(?<=[\u4e00-\u9fff\u3005])[\u3041-\u3096]{1,2}(?=[\u4e00-\u9fff\u3005])/g;
const LONG_INNER_KANA = /(?<=[\u4e00-\u9fff\u3005])[\u3041-\u3096]{3,}(?=[\u4e00-\u9fff\u3005])/;
const TRAILING_KANA = /[\u3041-\u3096]+$/;

/**
 * Okurigana folding (送り仮名の揺れ): a word of two or more kanji written with okurigana between or
 * after them loses the kana, so 申し込み, 申込み, 申し込む and 申込 are one term (likewise 引っ越し /
 * 引越し, 取り扱い / 取扱, 手続き / 手続, 問い合わせ / 問合せ, 受け付け / 受付). Official and everyday writing
 * differ exactly there (公用文 omits okurigana in compounds). What looks like a word rather than
 * okurigana is kept: kana runs of 3+ between kanji, and 2+ kana after the kanji of a word with no
 * kana inside (粗大ごみ stays). Words of one kanji (食べる, 大きい), words starting with kana (お知らせ) and
 * words with katakana or Latin letters are left alone.
 */
export function foldOkurigana(term: string): string {
  const first = term.charCodeAt(0);
  if (first < 0x4e00 || first > 0x9fff || term.length < 3) return term;
  if (!KANJI_AND_HIRAGANA.test(term) || (term.match(KANJI)?.length ?? 0) < 2 || LONG_INNER_KANA.test(term)) return term;
  const inner = term.replace(INNER_KANA, '');
  const trailing = TRAILING_KANA.exec(inner)?.[0].length ?? 0;
  if (inner === term && trailing > 1) return term;
  return trailing > 3 ? term : inner.replace(TRAILING_KANA, '');
}
