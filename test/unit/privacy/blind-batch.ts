import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

/** A blind batch's case count and overall [expected, found, masked, correct], asserted exactly. */
export async function assertBatch(name: string, cases: number, counts: readonly number[]): Promise<void> {
  const read = readPiiCases(path.join(__dirname, '../../fixtures/pii', name));
  assert.equal(read.length, cases);
  const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), read);
  assert.deepEqual([overall.expected, overall.found, overall.masked, overall.correct], counts);
}
