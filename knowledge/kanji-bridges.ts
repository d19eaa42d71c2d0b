/**
 * A verb written with one kanji and okurigana (変える, 送る, 延ばす, 遅い) and the knowledge base's two-kanji words that
 * hold the same kanji (変更, 送信, 延長, 遅延): staff type the native verb, FAQs write the Sino-Japanese word. General
 * Japanese word formation, read off the knowledge base's own vocabulary; nothing listed. A kanji found in more than
 * {@link MAX_COMPOUNDS} of the knowledge base's words (入: 入力, 導入, 購入 …) says too little to bridge.
 */
import type { Bm25Field } from './bm25-field';

/** A verb or adjective in its dictionary form: one kanji and okurigana. */
const ONE_KANJI_VERB = /^([\u4e00-\u9fff])[ぁ-ゖ]+$/u;
/** A word of two kanji. */
const TWO_KANJI = /^[\u4e00-\u9fff]{2}$/u;
const MAX_COMPOUNDS = 3;

/** The knowledge base's two-kanji words by kanji, built at the first lookup. */
export class KanjiBridges {
  private byKanji?: Map<string, string[]>;

  constructor(private readonly field: Bm25Field) {}

  /** The knowledge base's two-kanji words holding the kanji of a one-kanji verb; none for another word. */
  compoundsFor(verb: string): readonly string[] {
    const shape = ONE_KANJI_VERB.exec(verb);
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
