/**
 * Relations from the Sudachi synonym dictionary (npm `sudachi-synonyms-dictionary`,
 * Apache-2.0, WorksApplications SudachiDict): spelling variants of the same word get factor 1,
 * other members of a group (near synonyms) get `relatedFactor`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SudachiSynonymsGroup } from 'sudachi-synonyms-dictionary';
import { KotaeError } from '../core';
import type { SynonymRelation } from './synonym-expander';

/** Loads the dictionary (about 70k entries) and turns it into relations. */
export async function loadSudachiRelations(relatedFactor: number): Promise<SynonymRelation[]> {
  let groups: SudachiSynonymsGroup[];
  try {
    // Read the JSON ourselves: the package's fetchDictionary() require()s it, which would keep
    // the whole parsed dictionary (~100 MB) in the module cache for the life of the process.
    const dir = path.dirname(require.resolve('sudachi-synonyms-dictionary'));
    groups = JSON.parse(
      await readFile(path.join(dir, 'sudachi-synonyms-dictionary.json'), 'utf8'),
    ) as SudachiSynonymsGroup[];
  } catch (err) {
    throw new KotaeError('KB_UNAVAILABLE', 'sudachi synonym dictionary failed to load', { cause: err });
  }
  const out: SynonymRelation[] = [];
  for (const g of groups) {
    // expandControl 0: expands and is expanded to; 1: only a target; 2: never used.
    const usable = g.items.filter((i) => i.expandControl !== 2);
    for (const from of usable) {
      if (from.expandControl !== 0) continue;
      for (const to of usable) {
        if (to === from) continue;
        const same = from.vocabularyNumber !== undefined && from.vocabularyNumber === to.vocabularyNumber;
        if (same || relatedFactor > 0)
          out.push({ from: from.midashi, to: to.midashi, factor: same ? 1 : relatedFactor });
      }
    }
  }
  return out;
}
