/**
 * Japanese names written in Latin letters without an honorific (SUZUKI HANAKO, Taro Yamada, YAMADA Taro):
 * two words, one a common Japanese family name, the other a word Hepburn romanisation can spell,
 * both capitalised or both in capitals. IT words in capitals (HTTP ERROR, ACCESS DENIED) are no Japanese
 * syllables; a product or place name made of a family name and a Japanese word is the risk taken.
 */
import type { PiiSpan } from '../types';
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
  takeshita yamane kimoto hiraoka kishi nishiyama morimoto shiraishi tachibana matsuoka kurosawa yoshioka`.split(/\s+/),
);

/** One Hepburn syllable (also a doubled consonant, a syllabic n, and oh / ou for a long o). */
const SYLLABLE = '(?:(?:kk|ss|tt|pp|tc)?(?:ky|gy|sh|ch|ny|hy|by|py|my|ry|j|ts|f|[kgsztdnhbpmrwy])?[aiueo]h?|n)';
const ROMAJI = new RegExp(`^${SYLLABLE}+$`, 'i');
// Two words with a space (or a slash, as machine-readable passports print them: SATO/TAKESHI): both in capitals, or both capitalised (the family name may be in capitals).
const PAIR = /(?<![A-Za-z'’.-])([A-Z][a-z]{1,11}|[A-Z]{2,12})[ /]([A-Z][a-z]{1,11}|[A-Z]{2,12})(?![A-Za-z'’.-])/g;

function spelledInJapanese(word: string): boolean {
  return word.length >= 3 && ROMAJI.test(word);
}

/** Finds Japanese names in Latin letters. */
export function detectRomajiName(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of normalized.matchAll(PAIR)) {
    const [, a = '', b = ''] = m;
    // Capitals for one word and Title case for the other only when the capitals are the family name.
    const caps = (w: string): boolean => w === w.toUpperCase();
    if (caps(a) !== caps(b) && !FAMILY_NAMES.has((caps(a) ? a : b).toLowerCase())) continue;
    const given = FAMILY_NAMES.has(a.toLowerCase()) ? b : FAMILY_NAMES.has(b.toLowerCase()) ? a : undefined;
    if (given === undefined || !spelledInJapanese(given) || NOT_PERSON_WORDS.has(given.toLowerCase())) continue;
    spans.push({ type: 'person_name', start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
