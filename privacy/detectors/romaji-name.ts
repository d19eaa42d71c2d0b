/**
 * Japanese names written in Latin letters without an honorific (SUZUKI HANAKO, Taro Yamada, YAMADA Taro):
 * two words, one a common Japanese family name, the other a word Hepburn romanisation can spell,
 * both capitalised or both in capitals. IT words in capitals (HTTP ERROR, ACCESS DENIED) are no Japanese
 * syllables; a product or place name made of a family name and a Japanese word is the risk taken.
 */
import type { PiiSpan } from '../types';
import { JAPANESE_GIVEN_NAMES } from './given-names';
import { NOT_PERSON_WORDS } from './not-person-words';

/**
 * The most common Japanese family names (general knowledge: the top of the national surname rankings),
 * in Hepburn with the common spellings of long vowels (Ohno / Ono / Oono, Itoh / Ito).
 */
const FAMILY_NAMES = new Set(
  `sato satoh suzuki takahashi tanaka ito itoh watanabe yamamoto nakamura kobayashi kato katoh yoshida yamada
  sasaki yamaguchi matsumoto inoue kimura hayashi saito saitoh shimizu yamazaki yamasaki mori abe ikeda hashimoto
  yamashita ishikawa nakajima nakashima maeda fujita ogawa goto gotoh okada hasegawa murakami kondo kondoh ishii
  sakamoto endo endoh aoki fujii nishimura fukuda ota ohta oota miura fujiwara okamoto matsuda nakagawa nakano
  harada ono ohno oono tamura takeuchi kaneko wada nakayama ishida ueda morita hara shibata sakai kudo kudoh
  yokoyama miyazaki miyamoto uchida takagi ando andoh taniguchi maruyama imai takada fujimoto takeda murata ueno
  sugiyama masuda sugawara hirano otsuka ohtsuka chiba kubo matsui iwasaki sakurai kinoshita noguchi matsuo kikuchi
  nomura arai watanabe sano onishi ohnishi oonishi sugimoto iwata kojima koizumi kawaguchi tsuji hoshino nagai
  yamauchi ozawa kuroda hirata kawasaki kawakami nishida fukushima takayama tsuchiya akiyama mochizuki nagata
  kitamura yasuda okabe honda shimada nishikawa kikuchi matsushita hattori ishihara kawamura miyata yano sakata
  takano kubota yoshikawa hirai oshima ohshima oyama ohyama miyake nakata okazaki ikeuchi hamada yoshimura kojima
  sugimura ogura otani ohtani aoyama kamata ichikawa higuchi furukawa izumi nakanishi hagiwara kono kohno kanda
  takeshita yamane kimoto hiraoka kishi nishiyama morimoto shiraishi tachibana matsuoka kurosawa yoshioka`
    .split(/\s+/)
    .flatMap((name) => [name, kunrei(name)]),
);

/** Whether a word is a listed Japanese family name in Latin letters, in any case (Sakamoto, WATANABE). */
export function isListedRomajiFamily(word: string): boolean {
  return FAMILY_NAMES.has(word.toLowerCase());
}

/** The Kunrei spelling of a Hepburn one (Kikuchi → Kikuti, Shota → Syota), as older registers print names. */
function kunrei(hepburn: string): string {
  return hepburn
    .replace(/sh(?=[aueo])/g, 'sy')
    .replace(/ch(?=[aueo])/g, 'ty')
    .replace(/j(?=[aueo])/g, 'zy')
    .replace(/shi/g, 'si')
    .replace(/chi/g, 'ti')
    .replace(/tsu/g, 'tu')
    .replace(/fu/g, 'hu')
    .replace(/ji/g, 'zi');
}

/** One Hepburn syllable (also a doubled consonant, a syllabic n, and oh / ou for a long o). */
const SYLLABLE =
  '(?:(?:kk|ss|tt|pp|tc)?(?:ky|gy|sh|ch|ny|hy|by|py|my|ry|sy|ty|zy|j|ts|f|[kgsztdnhbpmrwy])?[aiueo]h?|n)';
const ROMAJI = new RegExp(`^${SYLLABLE}+$`, 'i');
// Two words with a space (or a slash, as machine-readable passports print them: SATO/TAKESHI; a comma after a
// family name in capitals: KOBAYASHI, Naomi): both in capitals, or both capitalised (the family name may be in
// capitals), or both in lower case. An apostrophe is a quote unless a letter is on its other side (O'Brien).
const PAIR =
  /(?<![A-Za-z.-]|[A-Za-z]['’])([A-Z][a-z]{1,11}|[A-Z]{2,12}|[a-z]{2,12})(?:[ /]|, )([A-Z][a-z]{1,11}|[A-Z]{2,12}|[a-z]{2,12})(?![A-Za-z-]|['’](?!s\b)[A-Za-z]|\.[A-Za-z])/g;
/**
 * A user name or chat handle made of a family name and a given name or its initial, joined by a dot, an
 * underscore or a hyphen (kenta.ogawa, ogawa_kenta, yamada.t, m.sakamoto), not part of an e-mail address.
 */
const HANDLE =
  /(?<![A-Za-z0-9.-])(?<![\w.%+-]@)([A-Za-z]{1,12})[._-]([A-Za-z]{1,12})(?![A-Za-z0-9@]|[._-](?!(?:pdf|xlsx?|docx?|pptx?|csv|txt|jpe?g|png|zip|msg|eml)(?![\w.-]))[A-Za-z0-9])/g;
/** A family and a given name run together in a file name or a user name (SuzukiTaro, TaroSuzuki). */
const CAMEL = /(?<![A-Za-z])([A-Z][a-z]{1,11})([A-Z][a-z]{1,11})(?![A-Za-z])/g;
/** A family name alone as a chat mention or before an honorific or a post (@nomura, kudoさん, kimura san, Sato kachou). */
const LOWER_FAMILY =
  /(?<![A-Za-z0-9._%+-])@?([a-z]{3,12})(?=さん|様|くん|-san\b)|(?<![\w.%+-])@([a-z]{3,12})(?![\w.@-])|(?<![A-Za-z0-9._%+-])([A-Za-z][a-z]{2,11})(?=[ -](?:san|sama|kun|chan|kachou|kacho|buchou|bucho|kakarichou|shunin|sensei)\b)/g;
/**
 * A listed family name after a given name's initial (K. Inoue, T.Yamamoto; another Hepburn-spelt one when Japanese text
 * follows: K. Tominaga 退職) or alone in brackets after a comment's or
 * a ticket's word (Comment (Tanaka):, (Sato)).
 */
const INITIAL_OR_BRACKETED = /(?<![A-Za-z.])[A-Z]\.[ \t]?([A-Z][a-z]{2,15})(?![A-Za-z])|[(（]([A-Z][a-z]{2,15})[)）]/g;
/** Shortest lower-case given name of a lower-case pair (taro yamada): shorter romaji is too often a word. */
const MIN_LOWER_GIVEN = 4;

/** Whether a word of three letters or more can be spelled by Hepburn syllables (Hanamura, Morishita, not Smith). */
export function spelledInJapanese(word: string): boolean {
  return word.length >= 3 && ROMAJI.test(word);
}

/** Finds Japanese names in Latin letters. */
export function detectRomajiName(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  // A pair rejected may hold the first word of the next one (user Yuki Tanaka): the scan goes on from its second.
  const pairs = new RegExp(PAIR);
  for (let m = pairs.exec(normalized); m; m = pairs.exec(normalized)) {
    const [whole, a = '', b = ''] = m;
    pairs.lastIndex = m.index + a.length + 1;
    // Both in lower case or neither; capitals for one word and Title case for the other only when the capitals
    // are the family name; a comma only after a family name in capitals.
    if (lower(a) !== lower(b)) continue;
    if (caps(a) !== caps(b) && !FAMILY_NAMES.has((caps(a) ? a : b).toLowerCase())) continue;
    // A comma after a family name in capitals, or after a listed one before a common given name (Suzuki, Takahiro).
    if (
      whole.includes(',') &&
      !(caps(a) && FAMILY_NAMES.has(a.toLowerCase())) &&
      !(FAMILY_NAMES.has(a.toLowerCase()) && JAPANESE_GIVEN_NAMES.has(b.toLowerCase()))
    )
      continue;
    // A listed family name with a word romaji can spell, or (in lower case, as typed in a hurry) a listed given name with a
    // family name of no list (kanzaki haruto).
    const listedGiven = (w: string): boolean => JAPANESE_GIVEN_NAMES.has(w.toLowerCase());
    const given = FAMILY_NAMES.has(a.toLowerCase())
      ? b
      : FAMILY_NAMES.has(b.toLowerCase())
        ? a
        : lower(a) && !whole.includes(',') && listedGiven(b) && spelledInJapanese(a) && a.length >= 4
          ? b
          : undefined;
    if (given === undefined || !isGivenName(given)) continue;
    // In lower case, a pair inside a romanised sentence (kono mama de) is words, not a name; a short given name only when
    // listed (eri kobayashi).
    // Both words listed (watanabe kenichi) outweigh a romaji word beside them (to, de).
    const bothListed = listedGiven(given) && FAMILY_NAMES.has((given === a ? b : a).toLowerCase());
    if (
      lower(given) &&
      ((given.length < MIN_LOWER_GIVEN && !listedGiven(given)) ||
        (!bothListed && romajiAround(normalized, m.index, m.index + whole.length)))
    )
      continue;
    spans.push({ type: 'person_name', start: m.index, end: m.index + whole.length });
  }
  for (const m of normalized.matchAll(LOWER_FAMILY)) {
    const name = m[1] ?? m[2] ?? m[3] ?? '';
    if (!FAMILY_NAMES.has(name.toLowerCase())) continue;
    const start = m.index + m[0].indexOf(name);
    spans.push({ type: 'person_name', start, end: start + name.length });
  }
  for (const m of normalized.matchAll(INITIAL_OR_BRACKETED)) {
    const family = m[1] ?? m[2] ?? '';
    // After an initial, a rarer family name that Hepburn spells (K. Tominaga) when Japanese text follows it.
    const spelled = m[1] !== undefined && family.length >= 5 && isGivenName(family) && japaneseAfter(normalized, m);
    if (!FAMILY_NAMES.has(family.toLowerCase()) && !spelled) continue;
    // The initial belongs to the name; the brackets do not.
    const start = m[1] ? m.index : m.index + 1;
    spans.push({ type: 'person_name', start, end: m[1] ? m.index + m[0].length : start + family.length });
  }
  for (const m of [...normalized.matchAll(HANDLE), ...normalized.matchAll(CAMEL)]) {
    const [whole, a = '', b = ''] = m;
    const family = FAMILY_NAMES.has(a.toLowerCase()) ? a : FAMILY_NAMES.has(b.toLowerCase()) ? b : undefined;
    const other = family === a ? b : a;
    if (family === undefined || (other.length > 1 && !isGivenName(other))) continue;
    spans.push({ type: 'person_name', start: m.index, end: m.index + whole.length });
  }
  return spans;
}

/** Whether Japanese text (kana or kanji) follows a match, after at most one space. */
function japaneseAfter(text: string, m: RegExpMatchArray): boolean {
  const end = (m.index ?? 0) + m[0].length;
  return /^[ \u3000]?[\u3041-\u30ff\u4e00-\u9fff]/.test(text.slice(end, end + 2));
}

/** Whether a romaji word of two letters or more stands right before or after a span (a space between). */
function romajiAround(text: string, start: number, end: number): boolean {
  const before = /([A-Za-z]+) $/.exec(text.slice(Math.max(0, start - 14), start))?.[1];
  const after = /^ ([A-Za-z]+)/.exec(text.slice(end, end + 14))?.[1];
  return [before, after].some((w) => w !== undefined && w.length >= 2 && ROMAJI.test(w));
}

const lower = (w: string): boolean => w === w.toLowerCase();
const caps = (w: string): boolean => w === w.toUpperCase();

function isGivenName(word: string): boolean {
  return spelledInJapanese(word) && !NOT_PERSON_WORDS.has(word.toLowerCase());
}
