/**
 * Input as staff type it, rewritten before analysis by general rules against the knowledge base's
 * own vocabulary (nothing here is mined from questions):
 * - hiragana spellings of the katakana words the knowledge base uses (ぱすわーど → パスワード,
 *   ろっく → ロック, となー → トナー), also without their long-vowel marks (ぱすわど);
 * - katakana words the knowledge base does not know, one edit away from one it does
 *   (テームズ → チームズ, サインイソ → サインイン): typos and long-vowel slips; with kuromoji's dictionary,
 *   also one edit plus a voicing-mark, small-kana or long-vowel slip (パスコート → パスワード, see
 *   {@link slipCost}) when one known word is clearly the nearest, and never a real word the knowledge
 *   base lacks (リモート, アップデート: kuromoji knows them as one word);
 * - a few colloquial verb forms whose meaning the morphology loses (わからなくなった → 忘れた,
 *   失くした → 紛失した), from a short curated list of general Japanese;
 * - small and full-size kana confused (ロツク → ロック, サ−バ), also in words of three letters;
 * - the katakana spellings that the curated synonym list gives for words the knowledge base writes in
 *   Latin letters or katakana (OneDrive → ワンドライブ, Wi-Fi → ワイファイ, PowerPoint → パワポ) count as
 *   its vocabulary too, so わんどらいぶ and ワンドライプ are read as ワンドライブ (and the synonyms
 *   then reach OneDrive), and one it lacks that spells one of its Latin words gets it added (マトラボ →
 *   MATLAB, loanword-key.ts). Public FAQs write product names in Latin letters; staff type them in kana.
 * - hiragana spellings of the knowledge base's nouns written in kanji, by their kuromoji readings
 *   (さいせってい → 再設定, かそうぶらうざ → 仮想ブラウザ), where the reading stands as a word of its
 *   own in the run (see {@link KanjiReadings}); a reading of two or three surfaces gives them all.
 * Width and case are folded by normalizeText first.
 */
import { SYNONYM_KATAKANA } from './synonym-katakana';
import { letterNameSpellings } from './letter-names';
import { COLLOQUIAL } from './colloquial';
import { foldSmallKana, letterCounts, letters, oneLetterApart, slipCost, withinOneEdit } from './kana-edit';
import type { Chunk } from './types';
import { chunkTexts } from './chunk-text';
import { dropSmallTalk } from './small-talk';
import { katakanaToHiragana, normalizeText } from './text-normalize';
import { KanjiReadings, type KanjiReader, type KanjiReadingsState } from './kanji-readings';
import type { NounReader, NounReading } from './noun-readings';
import { LoanwordIndex } from './loanword-key';
import { correctedLatin } from './latin-slips';

/** Shortest kana key (in characters) looked for inside a hiragana run: shorter ones hide in ordinary words. */
const MIN_KEY = 3;
/** Shortest acronym spelling looked for (ぴし for PC would hide in ordinary words). */
const MIN_ACRONYM_KEY = 4;
/** Shortest unknown katakana word corrected by edit distance. */
const MIN_FUZZY = 4;
/** Updates kept unread before the kanji readings are read anyway (bounds the texts held). */
const MAX_PENDING_READINGS = 20;
/** Delay after an index opens before its kanji readings are read in the background. */
const READINGS_DELAY_MS = 5000;
const KATAKANA_RUN = /[ァ-ヶー]{2,}/g;
const LATIN_RUN = /[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g;
/** Most a slip may cost (see {@link slipCost}): one full edit and one cheap one (パスコート → パスワード). */
const MAX_SLIP = 1.25;
/** How much cheaper than the next candidate the best one must be. */
const SLIP_MARGIN = 0.5;
/** Shortest word corrected when it differs from a known one only in small versus full-size kana. */
const MIN_SMALL_KANA = 3;
const HIRAGANA_RUN = /[ぁ-ゖー]{3,}/g;
/** One lower-case Latin letter between hiragana: what a romaji input left unconverted (まsん for ません). */
const IME_LEFTOVER = /(?<=[ぁ-ゖ])[a-z](?=[ぁ-ゖ])/g;
/** A letter that a hiragana run right after it continues (okurigana, grammar) rather than starts afresh. */
const WORD_LETTER = /[\p{L}\p{N}]/u;

/** Kana keys of the knowledge base's katakana words, and the rewrites they give. */
export class QueryNormalizer {
  /** Hiragana key (with or without long-vowel marks) → the knowledge base's katakana word. */
  private readonly keys = new Map<string, string>();
  /** Katakana words of the knowledge base (hiragana-folded), by length, with their frequency. */
  private readonly byLength = new Map<number, Map<string, number>>();
  private maxKey = 0;
  /** Occurrences of each katakana spelling (kept so that chunks can be added and removed). */
  private readonly counts = new Map<string, number>();
  /** Occurrences of each Latin word (for the synonym list's katakana spellings). */
  private readonly latin = new Map<string, number>();
  /** The knowledge base's Latin words by their loanword key, for names typed in katakana (マトラボ → MATLAB). */
  private readonly loanwords = new LoanwordIndex();
  /** Small-kana-folded key → the known word's hiragana key (most frequent first). */
  private readonly folded = new Map<string, string>();
  /** Hiragana keys of the known words by their number of letters besides ー (for {@link nearest}). */
  private readonly byLetters = new Map<number, string[]>();
  /**
   * Readings of the knowledge base's kanji nouns (none without a reader), built at their first use: reading
   * the nouns costs kuromoji time that start-up should not pay (70–80 ms on the sample KB). Until then the
   * texts of each update wait in `pendingReadings`, replayed in order, so the result is the same as eager.
   */
  private builtReadings?: KanjiReadings;
  private readonly pendingReadings: [readonly string[], 1 | -1][] = [];

  /**
   * @param reader reads the kanji nouns of the texts (see {@link KanjiReadings})
   * @param isWord whether a katakana word is a real word (kuromoji's dictionary): such words are never
   *   corrected, and without it only one-edit slips are
   * @param saved the readings of these same texts, counted before (saved with the index): not read again
   * @param dictionary the dictionary's readings of words and its cut of a text, for one-kanji slips (電原 → 電源)
   */
  constructor(
    texts: Iterable<string>,
    reader?: NounReader,
    private readonly isWord?: (word: string) => boolean,
    saved?: KanjiReadingsState,
    dictionary?: KanjiReader,
  ) {
    if (reader && saved) this.builtReadings = KanjiReadings.restore(reader, saved, dictionary);
    else if (reader) {
      this.builtReadings = new KanjiReadings(reader, dictionary);
      // Read them a little after start-up rather than in the first hiragana question (0.5 s on 1,800 FAQs).
      setTimeout(() => void this.readings, READINGS_DELAY_MS).unref();
    }
    this.count(texts, 1, saved !== undefined);
    this.derive();
  }

  /**
   * Follows an incremental index update: the texts of removed and added chunks. The result is the
   * normaliser a full rebuild over the new chunks would make.
   */
  update(removed: Iterable<string>, added: Iterable<string>): void {
    this.count(removed, -1);
    this.count(added, 1);
    this.derive();
  }

  /** `read`: the texts' kanji readings are counted already (saved with the index). */
  private count(texts: Iterable<string>, sign: 1 | -1, read = false): void {
    const add = (map: Map<string, number>, word: string): void => {
      const n = (map.get(word) ?? 0) + sign;
      if (n > 0) map.set(word, n);
      else map.delete(word);
    };
    const seen: string[] = [];
    for (const text of texts) {
      const normal = normalizeText(text);
      for (const m of normal.matchAll(KATAKANA_RUN)) add(this.counts, m[0]);
      for (const m of normal.matchAll(LATIN_RUN)) add(this.latin, m[0]);
      if (this.builtReadings && !read) seen.push(text);
    }
    if (!this.builtReadings || read) return;
    this.pendingReadings.push([seen, sign]);
    // Many updates without a hiragana question: read them now rather than keep their texts.
    if (this.pendingReadings.length > MAX_PENDING_READINGS) void this.readings;
  }

  /** The kanji readings, with the updates waiting for them read first. */
  private get readings(): KanjiReadings | undefined {
    const readings = this.builtReadings;
    if (!readings || this.pendingReadings.length === 0) return readings;
    for (const [texts, sign] of this.pendingReadings.splice(0)) {
      const read = new Map<string, readonly NounReading[]>();
      for (const text of texts) readings.count(text, sign, read);
    }
    readings.derive();
    return readings;
  }

  /** The knowledge base's katakana words, then the synonym list's katakana for words it has (count 1). */
  private vocabulary(): [string, number][] {
    const words = [...this.counts].sort((a, b) => b[1] - a[1]);
    const extra = new Set<string>();
    for (const group of SYNONYM_KATAKANA) {
      if (!group.members.some((m) => this.counts.has(m) || this.latin.has(m))) continue;
      for (const k of group.katakana) if (!this.counts.has(k)) extra.add(k);
    }
    return [...words, ...[...extra].map((w): [string, number] => [w, 1])];
  }

  private derive(): void {
    this.keys.clear();
    this.byLength.clear();
    this.folded.clear();
    this.byLetters.clear();
    this.loanwords.rebuild(this.latin.keys());
    this.maxKey = 0;
    // The knowledge base's acronyms spelled out by their letters' names (ゆーえすびー → usb), with and
    // without long-vowel marks; never in place of a katakana word's spelling.
    const acronyms: [string, string][] = [];
    for (const word of this.latin.keys())
      for (const spelling of letterNameSpellings(word))
        for (const k of [spelling, spelling.replace(/ー/g, '')])
          if (k.length >= MIN_ACRONYM_KEY) acronyms.push([k, word]);
    // Most frequent spelling first, so that it wins a shared key (ties: first seen, as Map order).
    for (const [word, n] of this.vocabulary()) {
      const key = katakanaToHiragana(word);
      for (const k of [key, key.replace(/ー/g, '')])
        if (k.length >= MIN_KEY && !this.keys.has(k)) {
          this.keys.set(k, word);
          this.maxKey = Math.max(this.maxKey, k.length);
        }
      const fold = foldSmallKana(key);
      if (fold.length >= MIN_SMALL_KANA && !this.folded.has(fold)) this.folded.set(fold, key);
      if (!this.known(word)) {
        const size = letters(key).length;
        const same = this.byLetters.get(size);
        if (same) same.push(key);
        else this.byLetters.set(size, [key]);
      }
      const bucket = this.byLength.get(key.length) ?? new Map<string, number>();
      bucket.set(key, (bucket.get(key) ?? 0) + n);
      this.byLength.set(key.length, bucket);
    }
    for (const [k, word] of acronyms)
      if (!this.keys.has(k)) {
        this.keys.set(k, word);
        this.maxKey = Math.max(this.maxKey, k.length);
      }
  }

  /** Builds one from an index's chunks (`saved`: their kanji readings, counted at the index build). */
  static fromChunks(
    chunks: readonly Chunk[],
    reader?: NounReader,
    isWord?: (word: string) => boolean,
    saved?: KanjiReadingsState,
    dictionary?: KanjiReader,
  ): QueryNormalizer {
    return new QueryNormalizer(chunkTexts(chunks), reader, isWord, saved, dictionary);
  }

  /** Number of kanji readings known. */
  get readingCount(): number {
    return this.readings?.size ?? 0;
  }

  /** Number of katakana words known. */
  get size(): number {
    return [...this.byLength.values()].reduce((n, b) => n + b.size, 0);
  }

  /** The query rewritten (normalised text; unchanged when no rule applies). */
  rewrite(query: string): string {
    // A Latin letter the input method left between two hiragana (できまsん, されまsした): a romaji slip, not a word.
    let text = dropSmallTalk(normalizeText(query)).replace(IME_LEFTOVER, '');
    for (const [pattern, plain] of COLLOQUIAL) text = text.replace(pattern, plain);
    const more: string[] = [];
    text = text.replace(HIRAGANA_RUN, (run, at: number, whole: string) => {
      const opens = at === 0 || !WORD_LETTER.test(whole[at - 1]);
      // A whole word that spells one of the knowledge base's Latin names (まいくろそふと → microsoft) is that name,
      // not known katakana words pieced together (マイク + ろ + ソフト); a known katakana word keeps its own reading.
      const name = opens ? this.loanwords.nameInHiragana(run) : undefined;
      if (name && !this.keys.has(run.slice(0, name.length)))
        return `${at === 0 ? '' : ' '}${name.latin} ${this.wordsIn(run.slice(name.length), false, more)}`;
      return this.wordsIn(run, opens, more);
    });
    text = text.replace(KATAKANA_RUN, (run) => this.corrected(run));
    this.loanwords.addSpelled(text, (word) => this.counts.has(word), more);
    this.loanwords.addSpelledInHiragana(text, more);
    text = text.replace(LATIN_RUN, (word) => correctedLatin(word, this.latin));
    // Kanji the input method chose wrongly (髪詰まり, 用量): the knowledge base's word of the same reading.
    // Replaced, not added: the typed word is one the knowledge base does not write, and left in the query it would
    // only count as a word no entry has (the confidence of 「閲覧健を追加」 would stay that of an unanswerable question).
    for (const { typed, known } of this.readings?.homophonesIn(text) ?? []) text = text.split(typed).join(known);
    return more.length > 0 ? `${text} ${more.join(' ')}` : text;
  }

  /**
   * Known katakana words spelled in hiragana inside a run, longest first from the left, and the
   * readings of known kanji nouns where they stand as words (`opens`: the run starts a word). The
   * second and third surfaces of a shared reading go to `more`.
   */
  private wordsIn(run: string, opens: boolean, more: string[]): string {
    let out = '';
    let i = 0;
    let atWord = opens;
    let typed = false;
    while (i < run.length) {
      const kana = this.katakanaAt(run, i);
      const at = { opens: atWord, typed };
      const kanji = this.readings?.matchAt(run, i, at, (end) => this.startsWord(run, end));
      if (kanji && kanji.length > (kana?.length ?? 0)) {
        out += kanji.surfaces[0];
        more.push(...kanji.surfaces.slice(1));
        i += kanji.length;
        atWord = typed = true;
      } else if (kana) {
        out += kana.word;
        i += kana.length;
        // A long-vowel mark typed after a key that had none (ぷりんたー → プリンタ).
        while (run[i] === 'ー') i++;
        atWord = typed = true;
      } else {
        out += run[i++];
        atWord = false;
      }
    }
    return out;
  }

  /** The longest known katakana word spelled in hiragana at position `i` of a run. */
  private katakanaAt(run: string, i: number): { length: number; word: string } | undefined {
    for (let len = Math.min(this.maxKey, run.length - i); len >= MIN_KEY; len--) {
      const word = this.keys.get(run.slice(i, i + len));
      if (word) return { length: len, word };
    }
    return undefined;
  }

  /** Whether a katakana word or a kanji reading starts at position `i` of a run. */
  private startsWord(run: string, i: number): boolean {
    return this.katakanaAt(run, i) !== undefined || (this.readings?.startsAt(run, i) ?? false);
  }

  /** An unknown katakana word one edit from exactly one most frequent known word becomes that word. */
  private corrected(run: string): string {
    // A compound of two known words (パスワードリセット) is left as typed, unless one edit from a known word.
    let compound = false;
    for (let i = 2; i <= run.length - 2 && !compound; i++)
      compound = this.known(run.slice(0, i)) && this.known(run.slice(i));
    const whole = this.correctedWord(run, !compound);
    if (whole !== undefined) return whole;
    if (compound) return run;
    // A compound of a known word and a slip (アカウントロツク): the slip corrected, the known part kept.
    for (let i = 2; i <= run.length - 2; i++) {
      const left = run.slice(0, i);
      const right = run.slice(i);
      if (this.known(left)) {
        const fixed = this.correctedWord(right);
        if (fixed !== undefined && letters(fixed) !== letters(right)) return left + fixed;
      }
      if (this.known(right)) {
        const fixed = this.correctedWord(left);
        if (fixed !== undefined && letters(fixed) !== letters(left)) return fixed + right;
      }
    }
    return run;
  }

  private known(word: string): boolean {
    const key = katakanaToHiragana(word);
    return this.byLength.get(key.length)?.has(key) ?? false;
  }

  /**
   * The word itself when known or a real word, its correction when there is one (`slips`: also beyond
   * one edit), else undefined.
   */
  private correctedWord(run: string, slips = true): string | undefined {
    const key = katakanaToHiragana(run);
    if (this.byLength.get(key.length)?.has(key)) return run;
    const sameLetters = this.folded.get(foldSmallKana(key));
    if (sameLetters && key.length >= MIN_SMALL_KANA)
      return this.keys.get(sameLetters) ?? this.keys.get(sameLetters.replace(/ー/g, ''));
    if (key.length < MIN_FUZZY) return undefined;
    const stripped = key.replace(/ー/g, '');
    const exact = this.keys.get(stripped);
    if (exact && stripped.length >= MIN_FUZZY) return exact;
    let best: string | undefined;
    let bestCount = 0;
    for (let len = key.length - 1; len <= key.length + 1; len++) {
      for (const [word, n] of this.byLength.get(len) ?? []) {
        if (n > bestCount && withinOneEdit(key, word)) {
          best = word;
          bestCount = n;
        }
      }
    }
    best ??= slips && this.isWord && stripped.length >= MIN_FUZZY ? this.nearest(key) : undefined;
    // A real word the knowledge base lacks (リモート, アップデート, コート) is no slip, nor are its parts
    // (asked last: it costs a tokenisation).
    if (best && this.realWord(run)) return run;
    return best ? (this.keys.get(best) ?? this.keys.get(best.replace(/ー/g, ''))) : undefined;
  }

  /** Whether a word is in the dictionary, also with the trailing ー that normalizeText drops (プランタ). */
  private realWord(run: string): boolean {
    if (!this.isWord) return false;
    return this.isWord(run) || (!run.endsWith('ー') && this.isWord(`${run}ー`));
  }

  /** The one known word a slip of cost at most MAX_SLIP away, clearly nearer than any other. */
  private nearest(key: string): string | undefined {
    let best: string | undefined;
    let bestCost = Infinity;
    let second = Infinity;
    const counts = letterCounts(key);
    const n = letters(key).length;
    // One full edit at most: the number of letters besides ー differs by one at most.
    for (let len = n - 1; len <= n + 1; len++) {
      for (const word of this.byLetters.get(len) ?? []) {
        // Within MAX_SLIP + SLIP_MARGIN, at most one letter (voicing and size aside) differs.
        if (!oneLetterApart(counts, word)) continue;
        const cost = slipCost(key, word, Math.min(second, MAX_SLIP + SLIP_MARGIN));
        if (cost < bestCost) {
          second = bestCost;
          best = word;
          bestCost = cost;
        } else if (cost < second) second = cost;
      }
    }
    return bestCost <= MAX_SLIP && second - bestCost >= SLIP_MARGIN ? best : undefined;
  }
}
