/**
 * Whether a name written in kana and one written in Latin letters read the same (おかもとゆか / Okamoto Yuka, サトウ
 * ケンタ / SATO Kenta): the kana spelt in Hepburn, and both spellings without spaces, case and long vowels (Satou, Satoh,
 * Sato and さとう are one). General knowledge of romanisation, no list of names.
 */

const BASE: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'ア a イ i ウ u エ e オ o カ ka キ ki ク ku ケ ke コ ko サ sa シ shi ス su セ se ソ so タ ta チ chi ツ tsu テ te ト to ' +
    'ナ na ニ ni ヌ nu ネ ne ノ no ハ ha ヒ hi フ fu ヘ he ホ ho マ ma ミ mi ム mu メ me モ mo ヤ ya ユ yu ヨ yo ' +
    'ラ ra リ ri ル ru レ re ロ ro ワ wa ヰ i ヱ e ヲ o ン n ガ ga ギ gi グ gu ゲ ge ゴ go ザ za ジ ji ズ zu ゼ ze ゾ zo ' +
    'ダ da ヂ ji ヅ zu デ de ド do バ ba ビ bi ブ bu ベ be ボ bo パ pa ピ pi プ pu ペ pe ポ po ヴ vu'
  )
    .match(/\S+ \S+/g)!
    .map((pair) => pair.split(' ') as [string, string]),
);
const SMALL_Y: Readonly<Record<string, string>> = { ャ: 'a', ュ: 'u', ョ: 'o' };
const SMALL_VOWEL: Readonly<Record<string, string>> = { ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o' };

/** Kana (hiragana or katakana) in Hepburn, letters the table does not know left out; lower case. */
export function kanaToRomaji(kana: string): string {
  let out = '';
  let double = false;
  for (const ch of kana.replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))) {
    if (ch === 'ッ') double = true;
    else if (ch === 'ー') out += out.slice(-1);
    else if (SMALL_Y[ch]) {
      // キャ kya, シャ sha, チャ cha, ジャ ja.
      out = /(?:sh|ch|j)i$/.test(out) ? out.slice(0, -1) + SMALL_Y[ch] : out.slice(0, -1) + 'y' + SMALL_Y[ch];
    } else if (SMALL_VOWEL[ch]) out = out.slice(0, -1) + SMALL_VOWEL[ch];
    else if (BASE[ch]) {
      const syllable = BASE[ch];
      out += double ? (syllable.startsWith('ch') ? 't' : syllable[0]) + syllable : syllable;
      double = false;
    }
  }
  return out;
}

/** A spelling without spaces, case, apostrophes and long vowels (ou, oo, oh, uu, ii, aa, ee read as one vowel). */
function plain(latin: string): string {
  return latin
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/o[uoh](?![aiueo])/g, 'o')
    .replace(/uu/g, 'u')
    .replace(/ii/g, 'i')
    .replace(/aa/g, 'a')
    .replace(/ee/g, 'e')
    .replace(/m(?=[bmp])/g, 'n');
}

/** Whether a kana name and a Latin one read the same. */
export function sameReading(kana: string, latin: string): boolean {
  const a = plain(kanaToRomaji(kana));
  return a.length >= 3 && a === plain(latin);
}
