/**
 * Readings of the knowledge base's nouns and noun compounds, for staff who type them in hiragana
 * (さいせってい → 再設定, かそうぶらうざ → 仮想ブラウザ). kuromoji gives each token its reading; a
 * compound's reading is its tokens' readings joined (再 さい + 設定 せってい).
 */
import type kuromoji from 'kuromoji';
import { katakanaToHiragana } from './text-normalize';

/** One noun or noun compound of a text and its hiragana reading. */
export interface NounReading {
  reading: string;
  surface: string;
}

/** Reads the nouns of a text (the analyzer's tokenizer behind it). */
export type NounReader = (text: string) => Iterable<NounReading>;

/** Longest compound read, in tokens. */
const MAX_TOKENS = 3;
const SKIPPED_DETAIL = new Set(['非自立', '代名詞', '数', '副詞可能']);

type Part = 'number' | 'head' | 'body' | 'tail';

/** Readings of the numbers 1–10 in digits (kuromoji has none for them) and in kanji. */
const NUMBER_READINGS: Readonly<Record<string, string>> = {
  '1': 'いち',
  '2': 'に',
  '3': 'さん',
  '4': 'よん',
  '5': 'ご',
  '6': 'ろく',
  '7': 'なな',
  '8': 'はち',
  '9': 'きゅう',
  '10': 'じゅう',
  一: 'いち',
  二: 'に',
  三: 'さん',
  四: 'よん',
  五: 'ご',
  六: 'ろく',
  七: 'なな',
  八: 'はち',
  九: 'きゅう',
  十: 'じゅう',
};

/**
 * How a token may take part in a compound: a prefix only first, a suffix only after a noun, a number
 * (1–10) only first and only in a compound of three tokens (3層分離, not 3層: さんかい is 3回 or 3階).
 */
function partOf(token: kuromoji.IpadicFeatures): Part | undefined {
  if (token.pos === '名詞' && token.pos_detail_1 === '数' && NUMBER_READINGS[token.surface_form]) return 'number';
  if (token.pos === '接頭詞' && token.pos_detail_1 === '名詞接続') return 'head';
  if (token.pos !== '名詞' || SKIPPED_DETAIL.has(token.pos_detail_1)) return undefined;
  return token.pos_detail_1 === '接尾' ? 'tail' : 'body';
}

/** Every run of one to three consecutive noun tokens whose readings kuromoji knows. */
export function* nounReadings(tokens: readonly kuromoji.IpadicFeatures[]): Generator<NounReading> {
  for (let i = 0; i < tokens.length; i++) {
    if (partOf(tokens[i]) === 'tail') continue;
    let reading = '';
    let surface = '';
    for (let j = i; j < Math.min(tokens.length, i + MAX_TOKENS); j++) {
      const token = tokens[j];
      const part = partOf(token);
      if (!part || ((part === 'head' || part === 'number') && j > i)) break;
      const read = part === 'number' ? NUMBER_READINGS[token.surface_form] : token.reading;
      if (!read || read === '*') break;
      reading += katakanaToHiragana(read);
      surface += token.surface_form;
      if (part !== 'head' && (partOf(tokens[i]) !== 'number' || j - i === MAX_TOKENS - 1)) yield { reading, surface };
    }
  }
}
