/**
 * Product and service names typed in katakana where the knowledge base writes them in Latin letters
 * (マトラボ → MATLAB, アクロバット → Acrobat, ウェベックス → Webex): both spellings reduced to the consonants
 * a Japanese ear keeps of an English word — vowels, w and y dropped; l read as r, v as b; voiced and
 * unvoiced consonants alike (ズ / ス); an r that closes a syllable silent (server → サーバー, printer →
 * プリンター); repeated consonants once (ッ). Two words with the same key are one name written two ways.
 * General phonetics of loanwords, not a list: any Latin word of the knowledge base gets its key.
 */
import { hiraganaToKatakana } from './text-normalize';

/** Katakana to Latin syllables (Hepburn, the small vowels of ファ / ティ / ウェ after their consonant). */
const KANA: Readonly<Record<string, string>> = {
  ア: 'a',
  イ: 'i',
  ウ: 'u',
  エ: 'e',
  オ: 'o',
  カ: 'ka',
  キ: 'ki',
  ク: 'ku',
  ケ: 'ke',
  コ: 'ko',
  ガ: 'ga',
  ギ: 'gi',
  グ: 'gu',
  ゲ: 'ge',
  ゴ: 'go',
  サ: 'sa',
  シ: 'shi',
  ス: 'su',
  セ: 'se',
  ソ: 'so',
  ザ: 'za',
  ジ: 'ji',
  ズ: 'zu',
  ゼ: 'ze',
  ゾ: 'zo',
  タ: 'ta',
  チ: 'chi',
  ツ: 'tsu',
  テ: 'te',
  ト: 'to',
  ダ: 'da',
  ヂ: 'ji',
  ヅ: 'zu',
  デ: 'de',
  ド: 'do',
  ナ: 'na',
  ニ: 'ni',
  ヌ: 'nu',
  ネ: 'ne',
  ノ: 'no',
  ハ: 'ha',
  ヒ: 'hi',
  フ: 'fu',
  ヘ: 'he',
  ホ: 'ho',
  バ: 'ba',
  ビ: 'bi',
  ブ: 'bu',
  ベ: 'be',
  ボ: 'bo',
  パ: 'pa',
  ピ: 'pi',
  プ: 'pu',
  ペ: 'pe',
  ポ: 'po',
  マ: 'ma',
  ミ: 'mi',
  ム: 'mu',
  メ: 'me',
  モ: 'mo',
  ヤ: 'ya',
  ユ: 'yu',
  ヨ: 'yo',
  ラ: 'ra',
  リ: 'ri',
  ル: 'ru',
  レ: 're',
  ロ: 'ro',
  ワ: 'wa',
  ヰ: 'i',
  ヱ: 'e',
  ヲ: 'o',
  ン: 'n',
  ヴ: 'bu',
  ァ: 'a',
  ィ: 'i',
  ゥ: 'u',
  ェ: 'e',
  ォ: 'o',
  ャ: 'ya',
  ュ: 'yu',
  ョ: 'yo',
  ヮ: 'wa',
  ッ: '',
  ー: '',
  ヵ: 'ka',
  ヶ: 'ke',
};

/** The consonant key of a katakana word (unknown characters make no key). */
export function katakanaKey(word: string): string | undefined {
  let latin = '';
  for (const ch of word) {
    const syllable = KANA[ch];
    if (syllable === undefined) return undefined;
    // A small vowel replaces the vowel before it (フ+ァ → fa, テ+ィ → ti, ウ+ェ → we).
    latin =
      /^[aiueo]$/.test(syllable) && /[ァィゥェォ]/.test(ch)
        ? latin.replace(/[aiueo]$/, '') + syllable
        : latin + syllable;
  }
  return consonants(latin);
}

/** The consonant key of a Latin word. */
export function latinKey(word: string): string | undefined {
  if (!/^[a-z]+$/.test(word)) return undefined;
  const spoken = word
    .replace(/ph/g, 'f')
    .replace(/gh/g, '')
    .replace(/th/g, 's')
    .replace(/sh/g, 's')
    .replace(/ch(?=r)/g, 'k')
    .replace(/ch/g, 't')
    .replace(/ck/g, 'k')
    .replace(/qu/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/m(?=[bp])/g, 'n')
    // An r that closes a syllable is silent (server, printer, power).
    .replace(/r(?![aeiouy])/g, '');
  return consonants(spoken);
}

/**
 * Consonants only, with the sound changes both spellings share; a word that starts with a vowel, w or y
 * is marked so (ウェベックス / Webex and ワンドライブ / OneDrive start alike, ボックス / box do not).
 */
function consonants(latin: string): string | undefined {
  const open = /^[aiueowy]/.test(latin) ? '_' : '';
  const key = latin
    .replace(/sh/g, 's')
    .replace(/ch/g, 't')
    .replace(/ts/g, 't')
    .replace(/ji/g, 'zi')
    .replace(/fu/g, 'f')
    .replace(/l/g, 'r')
    .replace(/v/g, 'b')
    .replace(/g/g, 'k')
    .replace(/z/g, 's')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/j/g, 's')
    .replace(/[aiueowy]/g, '')
    .replace(/(.)\1+/g, '$1');
  return key.length > 0 ? open + key : undefined;
}

/** Shortest word (Latin or katakana) matched by its key: shorter ones share keys with other words. */
const MIN_LOANWORD = 4;
/** Fewest consonants in a key (Zoom's two are too few: ズーム would also be ソーム, サム …). */
const MIN_LOANWORD_KEY = 3;

/** Fewest consonants of each half, and of both together, of a name of two words typed as one hiragana run. */
const MIN_PAIR_PART = 2;
const MIN_PAIR_KEY = 5;
/** Fewest consonants of a word typed in hiragana taken for a name (ordinary words in hiragana have fewer). */
const MIN_HIRAGANA_KEY = 4;
const PARTICLES = '(?:を|が|は|に|で|の|と|も|へ|って|から|まで|より|など)';
/** A particle closing a hiragana run (まとらぼを, ずーむって). */
const HIRAGANA_PARTICLE = new RegExp(`${PARTICLES}$`, 'u');
/** The same particles opening the rest of a run (まいくろそふと|には). */
const PARTICLE_START = new RegExp(`^${PARTICLES}`, 'u');

/** A knowledge base's Latin words by their key; a key two of its words share names neither. */
export class LoanwordIndex {
  private readonly words = new Map<string, string | null>();
  /** Words whose key has two consonants (Update, Zoom): too short to name alone, one half of a two-word name. */
  private readonly short = new Map<string, string | null>();

  /** Replaces the words (lower-case Latin words of the knowledge base). */
  rebuild(latinWords: Iterable<string>): void {
    this.words.clear();
    this.short.clear();
    for (const word of latinWords) {
      const key = word.length >= MIN_LOANWORD ? latinKey(word) : undefined;
      const size = key?.replace('_', '').length ?? 0;
      if (!key || size < MIN_PAIR_PART) continue;
      const map = size < MIN_LOANWORD_KEY ? this.short : this.words;
      const seen = map.get(key);
      map.set(key, seen === undefined || seen === word ? word : null);
    }
  }

  /** The one Latin word a katakana word spells (its key `minConsonants` long at least), else undefined. */
  spelledBy(katakana: string, minConsonants = MIN_LOANWORD_KEY): string | undefined {
    if (katakana.length < MIN_LOANWORD) return undefined;
    const key = katakanaKey(katakana);
    return (key && key.replace('_', '').length >= minConsonants && this.words.get(key)) || undefined;
  }

  /**
   * Adds to `more` the Latin words that hiragana words of the text spell (まとらぼを → matlab): a run of
   * hiragana at a word's start, up to a particle or its end, with four consonants at least — ordinary words
   * written in hiragana (できない, わからない) have fewer, or no Latin word of the knowledge base with their key.
   */
  addSpelledInHiragana(text: string, more: string[]): void {
    for (const m of text.matchAll(/(?<![\p{L}\p{N}])[ぁ-ゖー]{4,}/gu)) {
      const word = m[0].replace(HIRAGANA_PARTICLE, '');
      const katakana = hiraganaToKatakana(word);
      const latin = this.spelledBy(katakana, MIN_HIRAGANA_KEY);
      for (const w of latin ? [latin] : this.spelledInTwo(katakana)) if (!more.includes(w)) more.push(w);
    }
  }

  /**
   * The Latin word of the knowledge base that a hiragana run spells from its start (まいくろそふと → microsoft), up to
   * the run's end or a particle (まとらぼを, まいくろそふとには → matlab, microsoft), with the length it takes; the
   * longest such word, four kana at least, by the same key test as {@link addSpelledInHiragana}.
   */
  nameInHiragana(run: string): { latin: string; length: number } | undefined {
    // Cut before a particle first (a particle of vowels alone, を, would vanish into the key), the whole run last.
    const ends = [...run].map((_, i) => i).filter((i) => i >= 4 && PARTICLE_START.test(run.slice(i)));
    for (const end of [...ends.reverse(), run.length]) {
      const latin = this.spelledBy(hiraganaToKatakana(run.slice(0, end)), MIN_HIRAGANA_KEY);
      if (latin) return { latin, length: end };
    }
    return undefined;
  }

  /**
   * Two Latin words of the knowledge base that a katakana run spells one after the other (ウィンドウズアップデート →
   * windows update), each half a known word's key and five consonants in all; none when a half is ambiguous.
   */
  private spelledInTwo(katakana: string): string[] {
    for (let i = 2; i <= katakana.length - 2; i++) {
      const left = katakanaKey(katakana.slice(0, i));
      const right = katakanaKey(katakana.slice(i));
      if (!left || !right || (left + right).replace(/_/g, '').length < MIN_PAIR_KEY) continue;
      const a = this.words.get(left) ?? this.short.get(left);
      const b = this.words.get(right) ?? this.short.get(right);
      if (a && b) return [a, b];
    }
    return [];
  }

  /** Adds to `more` the Latin words that katakana words of the text spell, unless `known` (the KB has them). */
  addSpelled(text: string, known: (katakana: string) => boolean, more: string[]): void {
    for (const m of text.matchAll(/[ァ-ヶー]{2,}/g)) {
      const latin = known(m[0]) ? undefined : this.spelledBy(m[0]);
      if (latin && !more.includes(latin)) more.push(latin);
    }
  }
}
