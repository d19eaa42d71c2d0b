/**
 * The hiragana readings of the knowledge base's nouns written in kanji (さいせってい → 再設定,
 * かそうぶらうざ → 仮想ブラウザ), counted per text so that chunks can be added and removed, and the
 * places in a typed hiragana run where such a reading stands as a word of its own.
 */
import type { NounReader } from './noun-readings';
import { normalizeText } from './text-normalize';

/** Shortest reading looked for (two-kana readings hide in ordinary words: きた, かな). */
const MIN_READING = 3;
/** Longest reading looked for (bounds the query-time lookups). */
const MAX_READING = 12;
/** Readings with more surfaces than this (こうしょう: 交渉, 公称, 高尚, 考証) are left alone. */
const MAX_SURFACES = 3;
const HAS_KANJI = /[\u3005\u4e00-\u9fff]/;
const ONLY_HIRAGANA = /^[ぁ-ゖー]+$/;
/** Particles after which, in a hiragana run, a new word starts. */
const PARTICLES = new Set([...'をがはにのでともへやか']);
/** First letters of する's forms (して, しよう, すれば): right after a word they are its verb, not a noun. */
const SURU = new Set([...'しす']);
/** Letters that may follow a noun in a hiragana run: a particle, or する / だ after it. */
const AFTER_NOUN = new Set([...PARTICLES, ...'しすさせだじ']);

/** Reading → kanji surface → occurrences, and hiragana nouns' occurrences. */
export class KanjiReadings {
  private readonly surfaces = new Map<string, Map<string, number>>();
  private readonly kana = new Map<string, number>();
  private readonly keys = new Map<string, readonly string[]>();

  constructor(private readonly reader: NounReader) {}

  /** Adds (sign 1) or removes (sign -1) the nouns of some texts; call {@link derive} after. */
  count(text: string, sign: 1 | -1): void {
    for (const { reading, surface } of this.reader(text)) {
      if (reading.length < MIN_READING || reading.length > MAX_READING) continue;
      const word = normalizeText(surface);
      if (ONLY_HIRAGANA.test(word)) add(this.kana, word, sign);
      else if (HAS_KANJI.test(word)) {
        const bySurface = this.surfaces.get(reading) ?? new Map<string, number>();
        add(bySurface, word, sign);
        if (bySurface.size > 0) this.surfaces.set(reading, bySurface);
        else this.surfaces.delete(reading);
      }
    }
  }

  /**
   * The lookup table: each reading to its surfaces, most frequent first. Left out: readings of too
   * many surfaces, and readings the knowledge base itself writes in hiragana as often as in kanji
   * (ところ, もの): typed in hiragana they are the ordinary word.
   */
  derive(): void {
    this.keys.clear();
    for (const [reading, bySurface] of this.surfaces) {
      if (bySurface.size > MAX_SURFACES) continue;
      const ranked = [...bySurface].sort((a, b) => b[1] - a[1]);
      if ((this.kana.get(reading) ?? 0) >= ranked[0][1]) continue;
      this.keys.set(
        reading,
        ranked.map(([surface]) => surface),
      );
    }
  }

  /** Number of readings known. */
  get size(): number {
    return this.keys.size;
  }

  /** Whether some reading starts at position `i` of a run. */
  startsAt(run: string, i: number): boolean {
    for (let len = MIN_READING; len <= Math.min(MAX_READING, run.length - i); len++)
      if (this.keys.has(run.slice(i, i + len))) return true;
    return false;
  }

  /**
   * The longest reading at position `i` of a hiragana run that stands as a word: it starts the run
   * (`opens`: the run follows nothing or a space, or a word was just read) or follows a particle, and
   * ends the run or comes before a particle, する / だ, or another reading. `continues` tells whether
   * another word (e.g. a katakana one) starts at a position.
   */
  matchAt(
    run: string,
    i: number,
    opens: boolean,
    continues: (end: number) => boolean,
  ): { length: number; surfaces: readonly string[] } | undefined {
    if (opens ? i > 0 && SURU.has(run[i]) : !afterParticle(run, i)) return undefined;
    for (let len = Math.min(MAX_READING, run.length - i); len >= MIN_READING; len--) {
      const surfaces = this.keys.get(run.slice(i, i + len));
      if (!surfaces) continue;
      const end = i + len;
      if (end === run.length || AFTER_NOUN.has(run[end]) || continues(end)) return { length: len, surfaces };
    }
    return undefined;
  }
}

/** Whether the letter before position `i` is a particle (で before き is できる: できない, できます). */
function afterParticle(run: string, i: number): boolean {
  return PARTICLES.has(run[i - 1]) && !(run[i - 1] === 'で' && run[i] === 'き');
}

function add(map: Map<string, number>, word: string, sign: 1 | -1): void {
  const n = (map.get(word) ?? 0) + sign;
  if (n > 0) map.set(word, n);
  else map.delete(word);
}
