/**
 * kuromoji's tokenizer, loaded once per process and dictionary folder: it is immutable and takes
 * ~76 MB of heap and about a second to load, so the analyzer of every index generation, the personal-data
 * masker's name tagger and every app (and test app) in a process share one.
 */
import kuromoji from 'kuromoji';
import { KotaeError } from '../core';

/** kuromoji's tokenizer with the IPADIC features. */
export type KuromojiTokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

const loaded = new Map<string, Promise<KuromojiTokenizer>>();

/** The tokenizer of a dictionary folder (a failed load is retried by the next call). */
export function loadKuromoji(dicPath: string): Promise<KuromojiTokenizer> {
  let tokenizer = loaded.get(dicPath);
  if (!tokenizer) {
    tokenizer = new Promise<KuromojiTokenizer>((resolve, reject) => {
      kuromoji.builder({ dicPath }).build((err, built) => {
        if (err)
          reject(
            new KotaeError('KB_UNAVAILABLE', `kuromoji dictionary failed to load from ${dicPath}`, { cause: err }),
          );
        else resolve(built);
      });
    });
    tokenizer.catch(() => loaded.delete(dicPath));
    loaded.set(dicPath, tokenizer);
  }
  return tokenizer;
}

/** The parts of kuromoji's dictionary read by {@link dictionaryReadings} (not in its typings). */
interface DictionaryInternals {
  viterbi_builder?: { trie?: { commonPrefixSearch(key: string): { k: string; v: number }[] } };
  token_info_dictionary?: { target_map?: Record<number, number[]>; getFeatures(id: string): string };
}

/**
 * The readings (katakana) of every dictionary entry written exactly `surface` (原: ゲン, ハラ): the dictionary's
 * own lookup, below the tokenizer's API; empty when its internals are not there.
 */
export function dictionaryReadings(tokenizer: KuromojiTokenizer, surface: string): string[] {
  const internals = tokenizer as unknown as DictionaryInternals;
  const trie = internals.viterbi_builder?.trie;
  const info = internals.token_info_dictionary;
  if (!trie || !info?.target_map) return [];
  const out = new Set<string>();
  for (const { k, v } of trie.commonPrefixSearch(surface)) {
    if (k !== surface) continue;
    for (const id of info.target_map[v] ?? []) {
      const reading = info.getFeatures(String(id)).split(',')[8];
      if (reading && reading !== '*') out.add(reading);
    }
  }
  return [...out];
}
