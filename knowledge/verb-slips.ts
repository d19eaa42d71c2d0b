/**
 * Verbs and adjectives typed with another kanji of the same reading than the knowledge base writes them with: the input
 * method's slip (治らない for 直らない, 推せない for 押せない) or a variant kanji (替えたい for 変えたい, 換える). A typed
 * verb the knowledge base does not write, nor any synonym of it, is read as the knowledge base's verb of the same
 * reading and the same okurigana when there is exactly one; a verb typed in hiragana alone, as the knowledge base's only
 * verb read so (わすれた → 忘れる). General Japanese (the dictionary's readings); nothing listed.
 */
import type { Bm25Field } from './bm25-field';

/** A verb or adjective in its dictionary form written with kanji and okurigana (直る, 押す, 重い). */
const KANJI_VERB = /^[\u3005\u4e00-\u9fff]+([ぁ-ゖ]+)$/u;

/**
 * A verb or adjective typed in hiragana alone, of three kana or more (わすれる, かりる, おそい; two-kana ones such as
 * みる, とる have too many kanji spellings to pick one).
 */
const KANA_VERB = /^[ぁ-ゖ]{3,}$/u;

/** The knowledge base's verbs by reading, built at the first lookup. */
export class VerbSlips {
  private byReading?: Map<string, string[]>;

  /** `field`: the content field (its terms are the knowledge base's words); `readings`: the dictionary's readings. */
  constructor(
    private readonly field: Bm25Field,
    private readonly readings: (surface: string) => readonly string[],
  ) {}

  /**
   * The knowledge base's verb for a typed one it does not write (`known(term)` false for the verb and its synonyms):
   * same reading, same okurigana, the only one (typed in hiragana: the only one of that reading); undefined otherwise.
   */
  knownFor(verb: string, knownAlternative: (verb: string) => boolean): string | undefined {
    const shape = KANJI_VERB.exec(verb);
    const kana = KANA_VERB.test(verb);
    if ((!shape && !kana) || knownAlternative(verb)) return undefined;
    if (!shape) {
      // Typed in hiragana: the knowledge base's only verb of that reading (わすれる → 忘れる).
      const same = this.table().get(verb) ?? [];
      return same.length === 1 ? same[0] : undefined;
    }
    const found = new Set<string>();
    for (const reading of this.readings(verb))
      for (const word of this.table().get(reading) ?? []) if (word !== verb && word.endsWith(shape[1])) found.add(word);
    return found.size === 1 ? [...found][0] : undefined;
  }

  private table(): Map<string, string[]> {
    if (this.byReading) return this.byReading;
    const table = new Map<string, string[]>();
    this.field.data.terms.forEach((term, id) => {
      if (!KANJI_VERB.test(term) || this.field.df(id) <= 0) return;
      for (const reading of this.readings(term)) {
        const list = table.get(reading) ?? [];
        list.push(term);
        table.set(reading, list);
      }
    });
    this.byReading = table;
    return table;
  }
}
