/**
 * Character-level normalisation shared by indexing and querying: NFKC (width folding), lower case,
 * dash-like marks inside katakana read as the long-vowel mark, and the trailing long vowel of
 * longer katakana words dropped (JIS Z 8301 style: プリンター → プリンタ, サーバー → サーバ).
 */

const KATAKANA_DASH = /([ァ-ヶ])[-‐‑–—―−ｰ~〜～](?=[ァ-ヶ])/g;
// A katakana run of 3+ letters followed by ー that ends the run.
const TRAILING_LONG_VOWEL = /([ァ-ヶー]{2,}[ァ-ヶ])ー(?![ァ-ヶー])/g;

/** Normalises text before tokenisation; idempotent. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(KATAKANA_DASH, '$1ー').replace(TRAILING_LONG_VOWEL, '$1');
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
