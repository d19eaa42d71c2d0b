/**
 * The hiragana readings of the knowledge base's nouns written in kanji (さいせってい → 再設定,
 * かそうぶらうざ → 仮想ブラウザ), counted per text so that chunks can be added and removed, and the
 * places in a typed hiragana run where such a reading stands as a word of its own.
 */
import { chunkTexts } from './chunk-text';
import type { NounReader, NounReading } from './noun-readings';
import type { Chunk } from './types';
import { normalizeText } from './text-normalize';

/** Shortest reading looked for (two-kana readings hide in ordinary words: きた, かな). */
const MIN_READING = 3;
/** Shortest reading of a kanji slip corrected by its sound (きかん: 期間, 機関, 基幹 are all words). */
const MIN_HOMOPHONE = 4;
/** Longest reading looked for (bounds the query-time lookups). */
const MAX_READING = 12;
/** Readings with more surfaces than this (こうしょう: 交渉, 公称, 高尚, 考証) are left alone. */
const MAX_SURFACES = 3;
const HAS_KANJI = /[\u3005\u4e00-\u9fff]/;
const HIRAGANA_RUN = /[ぁ-ゖー]{3,}/g;
/**
 * Stretches of kanji and katakana, where the nouns are: only these are read (each distinct one
 * once per update; a number of one or two digits before kanji too: 3層分離), which keeps the reading of a large knowledge base to a fraction of its analysis.
 * Nouns with okurigana (問い合わせ, 申し込み, 貸し出し, 真っ暗) are read whole: one or two kana that are no particle
 * between kanji, and after the last one.
 */
const OKURIGANA = '(?:(?![がをにはのでとへもや])[ぁ-ゖ])';
const KANJI_LETTERS = '[\\u3005\\u4e00-\\u9fff]';
const NOUN_STRETCH = new RegExp(
  `(?:(?<!\\d)\\d{1,2}(?=${KANJI_LETTERS}))?(?:[\\u3005\\u4e00-\\u9fffァ-ヶー]*${KANJI_LETTERS}(?:${OKURIGANA}{1,2}${KANJI_LETTERS}+)+${OKURIGANA}{0,2}|[\\u3005\\u4e00-\\u9fffァ-ヶー]+)`,
  'g',
);
/**
 * Case particles after which, in a hiragana run, a new word starts. で, と, も, へ and や also end
 * grammar (でしょうか, ときって, してもいいん), so a word is looked for after them only in a run where a
 * word was already read (すまほでにんしょう: the run is typed words, not grammar).
 */
const PARTICLES = new Set([...'をがはにの']);
const MORE_PARTICLES = new Set([...PARTICLES, ...'でともへや']);
/** First letters of する's forms (して, しよう, すれば): right after a word they are its verb, not a noun. */
const SURU = new Set([...'しす']);
/** Letters that may follow a noun in a hiragana run: a particle, or する / だ / です after it. */
const AFTER_NOUN = new Set([...PARTICLES, ...'でともへやしすさせだじ']);
/** The colloquial topic って ending the run or asking about the word (〜って何, 〜ってなに, 〜ってどう…). */
const TOPIC_TTE = /^って(?:$|なに|なん|どう)/;

/** A kanji word typed otherwise than the knowledge base writes it: as typed, and as the knowledge base writes it. */
export interface Slip {
  typed: string;
  known: string;
}

/**
 * What {@link KanjiReadings} counted, as saved with an index (index-store.ts): each reading's kanji
 * surfaces with their occurrences, and the occurrences of the knowledge base's hiragana runs.
 */
export interface KanjiReadingsState {
  surfaces: [reading: string, surfaces: [surface: string, count: number][]][];
  kana: [run: string, count: number][];
}

/** Reading → kanji surface → occurrences, and the occurrences of the KB's hiragana runs. */
export class KanjiReadings {
  private readonly surfaces = new Map<string, Map<string, number>>();
  private readonly kana = new Map<string, number>();
  private readonly keys = new Map<string, readonly string[]>();
  /** Every kanji surface the knowledge base writes (a noun or a compound). */
  private readonly known = new Set<string>();

  /** Kanji compounds of the knowledge base by their shape with one kanji left out (電? → 電源 でんげん). */
  private readonly shapes = new Map<string, { surface: string; reading: string }[]>();

  /** `dictionary`: its readings of words and its cut of a text, for slips of one kanji ({@link slipsIn}). */
  constructor(
    private readonly reader: NounReader,
    private readonly dictionary?: KanjiReader,
  ) {}

  /** Readings counted before (saved with the index), without reading the texts again; derived. */
  static restore(reader: NounReader, state: KanjiReadingsState, dictionary?: KanjiReader): KanjiReadings {
    const readings = new KanjiReadings(reader, dictionary);
    for (const [reading, surfaces] of state.surfaces) readings.surfaces.set(reading, new Map(surfaces));
    for (const [run, n] of state.kana) readings.kana.set(run, n);
    readings.derive();
    return readings;
  }

  /** The counts, to be saved and {@link restore}d. */
  state(): KanjiReadingsState {
    return {
      surfaces: [...this.surfaces].map(([reading, bySurface]) => [reading, [...bySurface]]),
      kana: [...this.kana],
    };
  }

  /**
   * Adds (sign 1) or removes (sign -1) the nouns of a text; call {@link derive} after. `read` keeps
   * the readings of the stretches already read in one update.
   */
  count(text: string, sign: 1 | -1, read: Map<string, readonly NounReading[]>): void {
    const normal = normalizeText(text);
    for (const m of normal.matchAll(HIRAGANA_RUN)) add(this.kana, m[0], sign);
    for (const [stretch] of normal.matchAll(NOUN_STRETCH)) {
      if (!HAS_KANJI.test(stretch)) continue;
      let nouns = read.get(stretch);
      if (!nouns) read.set(stretch, (nouns = [...this.reader(stretch)]));
      for (const { reading, surface } of nouns) {
        if (reading.length < MIN_READING || reading.length > MAX_READING || !HAS_KANJI.test(surface)) continue;
        const bySurface = this.surfaces.get(reading) ?? new Map<string, number>();
        add(bySurface, surface, sign);
        if (bySurface.size > 0) this.surfaces.set(reading, bySurface);
        else this.surfaces.delete(reading);
      }
    }
  }

  /**
   * The lookup table: each reading to its surfaces, most frequent first. Left out: readings of too
   * many surfaces, and readings the knowledge base itself writes in hiragana (as a word or inside its
   * hiragana text: ところ, したい in 申請したい, しょうか in でしょうか) as often as in kanji: typed in
   * hiragana they are the ordinary word or grammar.
   */
  derive(): void {
    this.keys.clear();
    this.known.clear();
    this.shapes.clear();
    for (const [reading, bySurface] of this.surfaces)
      for (const surface of bySurface.keys()) {
        this.known.add(surface);
        if (!KANJI_COMPOUND.test(surface)) continue;
        for (let i = 0; i < surface.length; i++) {
          const shape = shapeOf(surface, i);
          const list = this.shapes.get(shape) ?? [];
          list.push({ surface, reading });
          this.shapes.set(shape, list);
        }
      }
    const inKana = new Map<string, number>();
    for (const [run, n] of this.kana)
      for (let i = 0; i + MIN_READING <= run.length; i++)
        for (let len = MIN_READING; len <= Math.min(MAX_READING, run.length - i); len++) {
          const key = run.slice(i, i + len);
          if (this.surfaces.has(key)) inKana.set(key, (inKana.get(key) ?? 0) + n);
        }
    for (const [reading, bySurface] of this.surfaces) {
      if (bySurface.size > MAX_SURFACES) continue;
      const ranked = [...bySurface].sort((a, b) => b[1] - a[1]);
      if ((inKana.get(reading) ?? 0) >= ranked[0][1]) continue;
      this.keys.set(
        reading,
        ranked.map(([surface]) => surface),
      );
    }
  }

  /**
   * The knowledge base's word for a kanji noun it does not write but reads the same, long enough not to be
   * a chance homophone (4 kana or more): an input method's slip (髪詰まり → 紙詰まり, 用量 → 容量). Undefined
   * when the knowledge base writes the noun itself, or the reading has no single most frequent surface.
   */
  homophone(surface: string, reading: string): string | undefined {
    if (this.known.has(surface) || reading.length < MIN_HOMOPHONE || !HAS_KANJI.test(surface)) return undefined;
    const surfaces = this.keys.get(reading);
    return surfaces && surfaces.length <= 2 ? surfaces[0] : undefined;
  }

  /**
   * Kanji nouns of a typed text that the knowledge base writes otherwise: each as typed, and as the knowledge base
   * writes it.
   */
  homophonesIn(text: string): Slip[] {
    const out: Slip[] = [];
    const add = (slip: Slip): void => {
      if (!out.some((o) => o.typed === slip.typed)) out.push(slip);
    };
    for (const [stretch] of text.matchAll(NOUN_STRETCH)) {
      if (!HAS_KANJI.test(stretch)) continue;
      for (const { reading, surface } of this.reader(stretch)) {
        const known = this.homophone(surface, reading);
        if (known) add({ typed: surface, known });
      }
    }
    for (const slip of this.slipsIn(text)) add(slip);
    return out;
  }

  /**
   * Compounds of two to four kanji that the knowledge base does not write, but one of its compounds does with one
   * kanji swapped for another of the same sound where it stands (電原 → 電源: 原 reads げん, and でんげん ends in
   * げん; 申精 → 申請, 削徐 → 削除, 会議質 → 会議室): the input method's slip on a kanji kuromoji reads on its own,
   * which {@link homophone} cannot see (it reads 電原 as でんはら). Only a slip with one answer is taken.
   */
  slipsIn(text: string): Slip[] {
    const out: Slip[] = [];
    if (!this.dictionary || this.shapes.size === 0) return out;
    for (const words of kanjiWordRuns(this.dictionary.cut(text)))
      for (let first = 0; first < words.length; first++) {
        let typed = '';
        // Positions of the typed compound where a slip may stand: a kanji cut as a word of its own, or unknown.
        const slippable: number[] = [];
        for (let last = first; last < words.length; last++) {
          const { surface, known } = words[last];
          if (typed.length + surface.length > MAX_SLIP_KANJI) break;
          if (surface.length === 1 || !known) for (let j = 0; j < surface.length; j++) slippable.push(typed.length + j);
          typed += surface;
          if (typed.length < 2 || this.known.has(typed)) continue;
          const found = this.slipsOf(typed, slippable);
          if (found.size === 1) {
            const [known] = found;
            if (!out.some((o) => o.typed === typed)) out.push({ typed, known });
          }
        }
      }
    return out;
  }

  /** The knowledge base's compounds that `typed` is with one kanji (at a slippable position) swapped. */
  private slipsOf(typed: string, slippable: readonly number[]): Set<string> {
    const found = new Set<string>();
    for (const i of slippable) {
      const sounds = this.dictionary?.readings(typed[i]) ?? [];
      for (const { surface, reading } of this.shapes.get(shapeOf(typed, i)) ?? [])
        if (sounds.some((sound) => this.soundsAt(reading, sound, typed, i))) found.add(surface);
    }
    return found;
  }

  /**
   * Whether a compound's reading can have `sound` for the `i`-th kanji of `typed`: at the start for the first, at the
   * end for the last, inside (neither end) for one between; the rest of the reading must start where a reading can
   * (not inside きゅう after き). A sound of one kana (か, い) must also leave exactly a reading of the rest (無害 + か):
   * one kana at an end is too easily the end of a longer sound (学校名 がっこうめい ends in い).
   */
  private soundsAt(reading: string, sound: string, typed: string, i: number): boolean {
    if (sound.length === 0 || sound.length >= reading.length) return false;
    if (sound.length === 1) {
      const before = i === 0 ? [''] : (this.dictionary?.readings(typed.slice(0, i)) ?? []);
      const after = i === typed.length - 1 ? [''] : (this.dictionary?.readings(typed.slice(i + 1)) ?? []);
      return before.some((b) => after.some((a) => b + sound + a === reading));
    }
    if (i === 0) return reading.startsWith(sound) && !NO_START.test(reading.slice(sound.length));
    if (i === typed.length - 1) return reading.endsWith(sound);
    for (let at = reading.indexOf(sound, 1); at > 0; at = reading.indexOf(sound, at + 1))
      if (at + sound.length < reading.length && !NO_START.test(reading.slice(at + sound.length))) return true;
    return false;
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
   * ends the run or comes before a particle, する / だ, a topic って, or another reading. `typed`: a word was read
   * earlier in the run. `continues` tells whether another word (e.g. a katakana one) starts at a position.
   */
  matchAt(
    run: string,
    i: number,
    at: { opens: boolean; typed: boolean },
    continues: (end: number) => boolean,
  ): { length: number; surfaces: readonly string[] } | undefined {
    const particles = at.typed ? MORE_PARTICLES : PARTICLES;
    if (at.opens ? i > 0 && SURU.has(run[i]) : !particles.has(run[i - 1]) || isDekiru(run, i)) return undefined;
    for (let len = Math.min(MAX_READING, run.length - i); len >= MIN_READING; len--) {
      const surfaces = this.keys.get(run.slice(i, i + len));
      if (!surfaces) continue;
      const end = i + len;
      if (end === run.length || AFTER_NOUN.has(run[end]) || TOPIC_TTE.test(run.slice(end)) || continues(end))
        return { length: len, surfaces };
    }
    return undefined;
  }
}

/** What the dictionary knows of kanji: the hiragana readings of a word, and how it cuts a text into words. */
export interface KanjiReader {
  /** The readings of the dictionary's words written exactly so (原: げん, はら; 無害: むがい). */
  readings(surface: string): readonly string[];
  cut(text: string): { surface: string; known: boolean }[];
}

/** Longest compound looked at for a one-kanji slip. */
const MAX_SLIP_KANJI = 4;
const KANJI_COMPOUND = new RegExp(`^[\\u3005\\u4e00-\\u9fff]{2,${MAX_SLIP_KANJI}}$`);
const ALL_KANJI = /^[\u3005\u4e00-\u9fff]+$/;
/** Letters no reading of a kanji starts with: a reading's boundary never falls before them. */
const NO_START = /^[ぁぃぅぇぉゃゅょゎっんー]/;

/** The runs of consecutive words written in kanji alone. */
function kanjiWordRuns(words: readonly { surface: string; known: boolean }[]): { surface: string; known: boolean }[][] {
  const runs: { surface: string; known: boolean }[][] = [];
  let run: { surface: string; known: boolean }[] = [];
  for (const word of words) {
    if (ALL_KANJI.test(word.surface)) run.push(word);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** A compound with its `i`-th kanji left out. */
function shapeOf(surface: string, i: number): string {
  return `${surface.slice(0, i)}\u0000${surface.slice(i + 1)}`;
}

/** Whether the で before position `i` starts できる (できない, できます), not a particle and a word. */
function isDekiru(run: string, i: number): boolean {
  return run[i - 1] === 'で' && run[i] === 'き';
}

function add(map: Map<string, number>, word: string, sign: 1 | -1): void {
  const n = (map.get(word) ?? 0) + sign;
  if (n > 0) map.set(word, n);
  else map.delete(word);
}

/**
 * The kanji readings of an index's chunks as a query normaliser over them counts them: read at the
 * index build and saved with it, so that an opened index need not read them again.
 */
export function chunkReadings(chunks: Iterable<Chunk>, reader: NounReader): KanjiReadingsState {
  const readings = new KanjiReadings(reader);
  const read = new Map<string, readonly NounReading[]>();
  for (const text of chunkTexts(chunks)) readings.count(text, 1, read);
  return readings.state();
}
