import assert from 'node:assert/strict';
import { preferExactQuestion } from '../../../bot/exact-question';
import type { Retrieval, SearchHit } from '../../../bot/ports';

function hit(id: string, kind: 'faq' | 'manual', question: string, score: number): SearchHit {
  return {
    chunk: {
      id,
      documentId: id,
      kind,
      title: question || id,
      headingPath: [],
      fields: { question, answer: kind === 'faq' ? 'a' : '', body: kind === 'manual' ? 'b' : '' },
    },
    score,
  };
}

describe('preferExactQuestion', () => {
  const retrieval: Retrieval = {
    hits: [
      hit('manual-1', 'manual', '', 0.9),
      hit('faq-2', 'faq', 'VPNにつながらない\nリモートアクセスができない', 0.8),
      hit('faq-3', 'faq', 'パスワードを忘れた', 0.7),
    ],
    confidence: 0.41,
  };

  it('puts the FAQ whose question is the question word for word first and answers it', () => {
    const r = preferExactQuestion('ﾘﾓｰﾄアクセスができない？', retrieval, 0.8);
    assert.deepEqual(
      r.hits.map((h) => h.chunk.id),
      ['faq-2', 'manual-1', 'faq-3'],
    );
    assert.equal(r.confidence, 0.8);
  });

  it('changes nothing for a question that is not one of the FAQ questions', () => {
    assert.equal(preferExactQuestion('VPNにつながらないのですが', retrieval, 0.8), retrieval);
    assert.equal(preferExactQuestion('  。', retrieval, 0.8), retrieval);
  });

  it('never lowers a higher confidence', () => {
    const r = preferExactQuestion('パスワードを忘れた', { ...retrieval, confidence: 0.93 }, 0.8);
    assert.equal(r.confidence, 0.93);
    assert.equal(r.hits[0].chunk.id, 'faq-3');
  });
});
