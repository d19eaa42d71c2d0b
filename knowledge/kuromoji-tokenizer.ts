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
