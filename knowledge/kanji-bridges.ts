/**
 * A verb written with one kanji and okurigana (変える, 送る, 延ばす, 遅い) or a noun of one kanji (紙, 音, 字) and the
 * knowledge base's two-kanji words that hold the same kanji (変更, 送信, 延長, 遅延; 用紙, 音声, 文字): staff type the
 * native word, FAQs write the Sino-Japanese one. General Japanese word formation, read off the knowledge base's own
 * vocabulary; nothing listed. A kanji found in more than {@link MAX_COMPOUNDS} of the knowledge base's words (入: 入力,
 * 導入, 購入 …) says too little to bridge.
 */
import type { Bm25Field } from './bm25-field';

/** A verb or adjective in its dictionary form, one kanji and okurigana, or a word of one kanji. */
const ONE_KANJI_WORD = /^([\u4e00-\u9fff])[ぁ-ゖ]*$/u;
/** A word of two kanji. */
const TWO_KANJI = /^[\u4e00-\u9fff]{2}$/u;
const MAX_COMPOUNDS = 3;

/** The knowledge base's two-kanji words by kanji, built at the first lookup. */
export class KanjiBridges {
  private byKanji?: Map<string, string[]>;

  constructor(private readonly field: Bm25Field) {}

  /** The knowledge base's two-kanji words holding the kanji of a one-kanji verb or noun; none for another word. */
  compoundsFor(word: string): readonly string[] {
    const shape = ONE_KANJI_WORD.exec(word);
    if (!shape) return [];
    const found = this.table().get(shape[1]) ?? [];
    return found.length <= MAX_COMPOUNDS ? found : [];
  }

  private table(): Map<string, string[]> {
    if (this.byKanji) return this.byKanji;
    const table = new Map<string, string[]>();
    this.field.data.terms.forEach((term, id) => {
      if (!TWO_KANJI.test(term) || this.field.df(id) <= 0) return;
      for (const kanji of new Set(term)) {
        const list = table.get(kanji) ?? [];
        list.push(term);
        table.set(kanji, list);
      }
    });
    this.byKanji = table;
    return table;
  }
}
