/** One kuromoji dictionary per process: the analyzer and the name tagger share it; a failed load is retried. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { defaultDictPath } from '../../../knowledge/analyzer';
import { loadKuromoji } from '../../../knowledge/kuromoji-tokenizer';

describe('loadKuromoji', () => {
  it('loads a dictionary folder once and hands every caller the same tokenizer', async () => {
    const first = loadKuromoji(defaultDictPath());
    assert.equal(loadKuromoji(defaultDictPath()), first);
    const tokenizer = await first;
    assert.deepEqual(
      tokenizer.tokenize('印刷できない').map((t) => t.surface_form),
      ['印刷', 'でき', 'ない'],
    );
  });

  it('rejects a missing folder with KB_UNAVAILABLE and tries again on the next call', async () => {
    const missing = path.join(__dirname, 'no-such-dictionary');
    const failed = loadKuromoji(missing);
    await assert.rejects(failed, (err: { code?: string }) => err.code === 'KB_UNAVAILABLE');
    const again = loadKuromoji(missing);
    assert.notEqual(again, failed);
    await assert.rejects(again, (err: { code?: string }) => err.code === 'KB_UNAVAILABLE');
  });
});
