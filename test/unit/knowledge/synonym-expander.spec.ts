import { strict as assert } from 'node:assert';
import { NoExpansion, SynonymExpander, curatedRelations } from '../../../knowledge/synonym-expander';
import { testAnalyzer } from './shared-analyzer';

describe('synonym expander', () => {
  it('gives each query word the terms that stand for it, with their credit', async () => {
    const analyzer = await testAnalyzer();
    const expander = new SynonymExpander(analyzer, curatedRelations([['無線LAN', 'Wi-Fi']], []));
    const words = analyzer.analyze('無線LANにつながらない').words;
    // ASCII terms come first: the analyzer takes them out before tokenising.
    assert.deepEqual(words, ['lan', '無線', 'つながる']);
    const alts = expander.alternatives(words, 0.5);
    assert.deepEqual(
      [...alts[0]],
      [
        ['lan', 1],
        ['wifi', 0.5],
      ],
    );
    assert.deepEqual(
      [...alts[1]],
      [
        ['無線', 1],
        ['wifi', 0.5],
      ],
    );
    assert.deepEqual([...alts[2]], [['つながる', 1]]);
    assert.deepEqual(
      [...expander.expand(words, 0.5)],
      [
        ['lan', 1],
        ['wifi', 0.5],
        ['無線', 1],
        ['つながる', 1],
      ],
    );
  });

  it('keeps the words alone without expansion', () => {
    assert.deepEqual(
      new NoExpansion().alternatives(['a', 'b']).map((m) => [...m]),
      [[['a', 1]], [['b', 1]]],
    );
  });
});
