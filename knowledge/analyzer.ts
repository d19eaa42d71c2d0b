/**
 * Japanese text analysis: normalisation, kuromoji base forms without function words,
 * ASCII terms (Outlook, VPN, Wi-Fi, 2024) kept whole, and character bigrams for unknown words.
 */
import path from 'node:path';
import { dictionaryReadings, loadKuromoji, type KuromojiTokenizer } from './kuromoji-tokenizer';
import { charBigrams } from './char-ngrams';
import { nounReadings, type NounReading } from './noun-readings';
import { negatedVerbs, verbAspects, type Aspect } from './aspects';
import { foldOkurigana, katakanaToHiragana, normalizeText } from './text-normalize';

/** Terms of one text: content words (base forms) and character bigrams. */
export interface AnalyzedText {
  words: string[];
  grams: string[];
  /**
   * Whether the text says something of the things it names — a verb, an adjective or an auxiliary
   * (「印刷できない」「ロックされた」) — rather than only naming them (「メール」「パスワードについて」);
   * absent from analyzers without a dictionary.
   */
  predicate?: boolean;
  /**
   * Words that only colour the question — adverbs, adjectival-noun stems and adverbial nouns (全然, 勝手, 毎回,
   * ちょいちょい) — a subset of `words`; absent from analyzers without a dictionary.
   */
  minor?: string[];
  /** Words said by a verb or an adjective (忘れる, 入れる, 重い), a subset of `words`; absent when none or without a dictionary. */
  verbs?: string[];
  /**
   * The aspects of its verbs and verbal nouns, by index term (aspects.ts: done or wanted), when it has any; absent from
   * analyzers without a dictionary.
   */
  aspects?: ReadonlyMap<string, Aspect>;
  /** The verbs and verbal nouns it says are not happening (aspects.ts `negatedVerbs`), when it has any. */
  negated?: ReadonlySet<string>;
  /**
   * Words that are a prefix or suffix of the word next to them (再, 各, 医 in 当番医, 課 in 情報課) rather than words of
   * their own, a subset of `words`; absent when none or without a dictionary.
   */
  affixes?: string[];
}

/** Turns text into index terms; the same instance serves indexing and querying. */
export interface TextAnalyzer {
  analyze(text: string): AnalyzedText;
  /** The `grams` of {@link analyze} alone: no morphological analysis (cheap on the query path). */
  bigrams(text: string): string[];
  /** Nouns and noun compounds with their hiragana readings (analyzers with a dictionary only). */
  nounReadings?(text: string): NounReading[];
  /** Whether a text is one word of the dictionary (analyzers with a dictionary only). */
  isWord?(text: string): boolean;
  /** The hiragana readings of the dictionary's words written exactly so (原: げん, はら; 無害: むがい). */
  wordReadings?(surface: string): readonly string[];
  /** A text cut into words as the dictionary cuts it, and whether it knows each (analyzers with a dictionary only). */
  cutWords?(text: string): { surface: string; known: boolean }[];
}

// Wi-Fi, wifi and WiFi are one term; e-mail and email too.
const JOINER = /(?<=[a-z])[-_](?=[a-z])/g;
const ASCII_TERM = /[a-z0-9](?:[a-z0-9._+#&-]*[a-z0-9+#])?/g;
// Middle dots and brackets join words in katakana runs (セクハラ・パワハラ); split there.
const SEPARATORS = /[・･()\[\]{}「」『』【】〈〉《》“”"'’‘?!？！/／|｜:：;；]/g;
const HAS_LETTER = /[\p{L}\p{N}]/u;
const STOP_POS = new Set(['助詞', '助動詞', '記号', 'フィラー', '感動詞', '接続詞', '連体詞', 'その他']);
const STOP_DETAIL = new Set(['非自立', '代名詞', '数', '空白']);
const PREDICATE_POS = new Set(['動詞', '形容詞', '助動詞']);
const VERB_POS = new Set(['動詞', '形容詞']);
// Words that colour a question rather than say what it is about (AnalyzedText.minor).
const MINOR_POS = new Set(['副詞']);
const MINOR_DETAIL = new Set(['形容動詞語幹', '副詞可能']);
// Generic words every question has ("…について教えてください", "…したいのですが").
const STOP_WORDS = new Set([
  'する',
  'ある',
  'いる',
  'なる',
  'できる',
  '出来る',
  'れる',
  'られる',
  'せる',
  'くださる',
  '下さる',
  'おる',
  'いう',
  '教える',
  '知る',
  '思う',
  'いただく',
  '頂く',
  'もらう',
  'いい',
  '良い',
  'よい',
  'こと',
  'もの',
  'ため',
  'よう',
  'どう',
  'どこ',
  'なに',
  '何',
  'いつ',
  'お',
  'ご',
  'さん',
  'ん',
  'の',
  'ない',
  'です',
  'ます',
  '言う',
]);

/** Resolves kuromoji's bundled dictionary folder. */
export function defaultDictPath(): string {
  return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
}

/** `full`: everything above; `plain`: NFKC, lower case and base forms only (the evaluation baseline). */
export type AnalyzerMode = 'full' | 'plain';

/** Base forms remembered by one analyzer before the memo starts afresh (bounds its memory). */
const MAX_MEMO_TERMS = 200_000;

/** kuromoji-based analyzer; build it with {@link createJapaneseAnalyzer}. */
export class JapaneseAnalyzer implements TextAnalyzer {
  /** Base form → index term ('' for none), see {@link termOf}. */
  private readonly terms = new Map<string, string>();
  private readonly readingMemo = new Map<string, readonly string[]>();

  constructor(
    private readonly tokenizer: KuromojiTokenizer,
    readonly mode: AnalyzerMode = 'full',
  ) {}

  /** The same dictionary with another mode. */
  withMode(mode: AnalyzerMode): JapaneseAnalyzer {
    return new JapaneseAnalyzer(this.tokenizer, mode);
  }

  /** Analyses one text into words and bigrams. */
  analyze(text: string): AnalyzedText {
    if (this.mode === 'plain') return this.analyzePlain(text);
    const words: string[] = [];
    const minor: string[] = [];
    const verbs: string[] = [];
    const affixes: string[] = [];
    let predicate = false;
    const japanese = normalizeText(text).replace(ASCII_TERM, (m) => {
      words.push(m.replace(JOINER, ''));
      return ' ';
    });
    const tokens = this.tokenizer.tokenize(japanese.replace(SEPARATORS, ' '));
    for (const token of tokens) {
      if (PREDICATE_POS.has(token.pos)) predicate = true;
      if (STOP_POS.has(token.pos) || STOP_DETAIL.has(token.pos_detail_1)) continue;
      const base = token.basic_form && token.basic_form !== '*' ? token.basic_form : token.surface_form;
      const term = this.termOf(base);
      if (term === undefined) continue;
      words.push(term);
      if (MINOR_POS.has(token.pos) || MINOR_DETAIL.has(token.pos_detail_1)) minor.push(term);
      if (VERB_POS.has(token.pos)) verbs.push(term);
      if (token.pos === '接頭詞' || token.pos_detail_1 === '接尾') affixes.push(term);
    }
    const aspects = verbAspects(tokens, (base) => this.termOf(base));
    const negated = negatedVerbs(tokens, (base) => this.termOf(base));
    return {
      words,
      grams: charBigrams(japanese),
      predicate,
      ...(minor.length > 0 ? { minor } : {}),
      ...(verbs.length > 0 ? { verbs } : {}),
      ...(affixes.length > 0 ? { affixes } : {}),
      ...(aspects.size > 0 ? { aspects } : {}),
      ...(negated.size > 0 ? { negated } : {}),
    };
  }

  /**
   * The index term of a token's base form, or undefined for a stop word or no letter (memoised: the same
   * forms recur in every text, and NFKC plus the folds cost more than the lookup).
   */
  private termOf(base: string): string | undefined {
    let term = this.terms.get(base);
    if (term === undefined) {
      const t = katakanaToHiragana(foldOkurigana(normalizeText(base)));
      term = !HAS_LETTER.test(t) || STOP_WORDS.has(t) ? '' : t;
      if (this.terms.size >= MAX_MEMO_TERMS) this.terms.clear();
      this.terms.set(base, term);
    }
    return term === '' ? undefined : term;
  }

  /** The nouns and short noun compounds of a text with their readings (see {@link nounReadings}). */
  nounReadings(text: string): NounReading[] {
    return [...nounReadings(this.tokenizer.tokenize(normalizeText(text).replace(SEPARATORS, ' ')))];
  }

  /** See {@link TextAnalyzer.wordReadings} (memoised; bounded). */
  wordReadings(surface: string): readonly string[] {
    let readings = this.readingMemo.get(surface);
    if (!readings) {
      if (this.readingMemo.size >= MAX_MEMO_TERMS) this.readingMemo.clear();
      readings = [...new Set(dictionaryReadings(this.tokenizer, surface).map(katakanaToHiragana))];
      this.readingMemo.set(surface, readings);
    }
    return readings;
  }

  /** See {@link TextAnalyzer.cutWords}. */
  cutWords(text: string): { surface: string; known: boolean }[] {
    return this.tokenizer.tokenize(text).map((t) => ({ surface: t.surface_form, known: t.word_type === 'KNOWN' }));
  }

  /** Whether a text is a single word kuromoji's dictionary knows (リモート yes; パスコート, パス+コート, no). */
  isWord(text: string): boolean {
    // Not normalizeText: it drops the trailing ー of words the dictionary spells with it (ドライバー).
    const tokens = this.tokenizer.tokenize(text);
    return tokens.length === 1 && tokens[0].word_type === 'KNOWN';
  }

  /** See {@link TextAnalyzer.bigrams}. */
  bigrams(text: string): string[] {
    return this.mode === 'plain' ? [] : charBigrams(normalizeText(text).replace(ASCII_TERM, ' '));
  }

  private analyzePlain(text: string): AnalyzedText {
    const words: string[] = [];
    for (const token of this.tokenizer.tokenize(text.normalize('NFKC').toLowerCase())) {
      if (STOP_POS.has(token.pos) || token.pos_detail_1 === '空白') continue;
      words.push(token.basic_form && token.basic_form !== '*' ? token.basic_form : token.surface_form);
    }
    return { words, grams: [] };
  }
}

/** The analyzer over kuromoji's dictionary (loaded once per process: about one second the first time). */
export async function createJapaneseAnalyzer(options: { dictPath?: string } = {}): Promise<JapaneseAnalyzer> {
  return new JapaneseAnalyzer(await loadKuromoji(options.dictPath ?? defaultDictPath()));
}
