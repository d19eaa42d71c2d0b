/**
 * Edit distances between hiragana keys for the query normaliser's typo correction: one plain edit
 * ({@link withinOneEdit}) and a weighted one where voicing-mark, small-kana and long-vowel slips cost a
 * quarter ({@link slipCost}), with the cheap filters that keep the search over the vocabulary small.
 */

/** Cost of a voicing-mark, small-kana or long-vowel-mark slip (ト/ド, ハ/パ, フア/ファ, サーバ/サバ). */
const CHEAP = 0.25;
const SMALL_KANA: Readonly<Record<string, string>> = {
  ぁ: 'あ',
  ぃ: 'い',
  ぅ: 'う',
  ぇ: 'え',
  ぉ: 'お',
  っ: 'つ',
  ゃ: 'や',
  ゅ: 'ゆ',
  ょ: 'よ',
  ゎ: 'わ',
};

/** A hiragana key with small kana written full-size (ろっく and ろつく fold alike). */
export function foldSmallKana(key: string): string {
  return key.replace(/[ぁぃぅぇぉっゃゅょゎ]/g, (c) => SMALL_KANA[c] ?? c);
}

const PLAIN_KANA = new Map<string, string>();

/** How often each letter (voicing and size aside, no ー) occurs in a key. */
export function letterCounts(key: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of key) if (c !== 'ー') counts.set(plainKana(c), (counts.get(plainKana(c)) ?? 0) + 1);
  return counts;
}

/** Whether at most one letter of a word is not in the counts and at most one of the counts not in the word. */
export function oneLetterApart(counts: ReadonlyMap<string, number>, word: string): boolean {
  const left = new Map(counts);
  let extra = 0;
  let matched = 0;
  for (const c of word) {
    if (c === 'ー') continue;
    const n = left.get(plainKana(c)) ?? 0;
    if (n > 0) {
      left.set(plainKana(c), n - 1);
      matched++;
    } else if (++extra > 1) return false;
  }
  let total = 0;
  for (const n of counts.values()) total += n;
  return total - matched <= 1;
}

/** A kana letter without its voicing mark, full-size (ど → と, ぱ → は, ぁ → あ). */
function plainKana(c: string): string {
  let plain = PLAIN_KANA.get(c);
  if (plain === undefined) {
    const base = c.normalize('NFD')[0];
    plain = SMALL_KANA[base] ?? base;
    PLAIN_KANA.set(c, plain);
  }
  return plain;
}

/**
 * The edit distance of two hiragana keys (insertion, deletion, substitution, adjacent swap) where a
 * voicing mark (と/ど, は/ば/ぱ), small versus full-size kana (ふぁ/ふあ) or a long-vowel mark costs
 * {@link CHEAP} instead of 1. Gives up (Infinity) once every path costs more than `limit`.
 */
export function slipCost(a: string, b: string, limit = Infinity): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => indelCost(b.slice(0, j)));
  for (let i = 1; i <= a.length; i++) {
    const row = [prev[0] + indel(a[i - 1])];
    let rowMin = row[0];
    for (let j = 1; j <= b.length; j++) {
      let cost = Math.min(
        prev[j - 1] + substitution(a[i - 1], b[j - 1]),
        prev[j] + indel(a[i - 1]),
        row[j - 1] + indel(b[j - 1]),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, prev2[j - 2] + 1);
      row.push(cost);
      rowMin = Math.min(rowMin, cost);
    }
    if (rowMin > limit) return Infinity;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

function indel(c: string): number {
  return c === 'ー' ? CHEAP : 1;
}

function indelCost(s: string): number {
  return [...s].reduce((n, c) => n + indel(c), 0);
}

function substitution(x: string, y: string): number {
  if (x === y) return 0;
  return plainKana(x) === plainKana(y) ? CHEAP : 1;
}

/** A word's letters without long-vowel marks (a part of a compound may keep its ー: シルバーセンタ). */
export function letters(word: string): string {
  return word.replace(/ー/g, '');
}

/** Whether two strings are at most one insertion, deletion, substitution or adjacent swap apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
