import { strict as assert } from 'node:assert';
import { INGEST_MESSAGES } from '../../../adapters/cli/ingest-messages';
import { createKnowledgeBase } from '../../../knowledge';
import { chunkDocuments } from '../../../ingest/chunk';
import { faqRowsToDocuments } from '../../../ingest/faq';
import { calibrationBudgetMs, fitThresholds, nearDuplicate, PRIOR_THRESHOLDS } from '../../../knowledge/calibration';
import { IT_FAQ_ROWS, itFaqChunks } from './fixtures/it-faq';
import { testAnalyzer } from './shared-analyzer';

type Kind = 'answerable' | 'unanswerable' | 'offTopic';
const probes = (kind: Kind, right: boolean, confidences: number[]) =>
  confidences.map((confidence) => ({ kind, right, confidence }));

describe('self-calibrating confidence (calibration.ts)', () => {
  it('fits the lowest thresholds at which the shown answers keep the precision, inside bounds', () => {
    // 10 answerable probes right at 0.9…0.3, one wrong at 0.35; held-out probes at 0.33 and below; off-topic low.
    const results = [
      ...probes('answerable', true, [0.9, 0.8, 0.7, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3]),
      ...probes('answerable', false, [0.35]),
      ...probes('unanswerable', false, [0.33, 0.2, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05]),
      ...probes('offTopic', false, [0.02, 0.02, 0.02, 0.02]),
    ];
    // At 0.35 the shown answers are 9 right, 1 wrong: precision 0.9 (tentative at target 0.89); the answer
    // threshold aims at half the error (0.945): 0.4, where nothing wrong is shown.
    assert.deepEqual(fitThresholds(results, 0.89), { answer: 0.4, tentative: 0.35, clarify: 0.1 });
    assert.deepEqual(fitThresholds(results, 0.95), { answer: 0.4, tentative: 0.4, clarify: 0.1 });
    // Nothing holds: the upper bounds.
    const hopeless = [...probes('answerable', false, [0.9, 0.8]), ...probes('unanswerable', false, [0.95])];
    assert.deepEqual(fitThresholds(hopeless, 0.95), { answer: 0.8, tentative: 0.4, clarify: 0.1 });
  });

  it('caps the calibration at 30 % of the build time, at least 20 s', () => {
    assert.equal(calibrationBudgetMs(100_000), 30_000);
    assert.equal(calibrationBudgetMs(100), 20_000);
  });

  it('calibrates an index on its own FAQs, reports it in the stats and hands the thresholds to each search', async () => {
    const analyzer = await testAnalyzer();
    const kb = await createKnowledgeBase(itFaqChunks(), { analyzer, calibrate: true, answerPrecision: 0.9 });
    const calibration = kb.stats().calibration;
    assert.ok(calibration);
    assert.equal(calibration.precisionTarget, 0.9);
    // 20 FAQs: main question, an alternate (when present) and an answer sentence each; each also held out.
    assert.equal(calibration.probes.offTopic, 30);
    assert.equal(calibration.probes.answerable, calibration.probes.unanswerable);
    assert.ok(calibration.probes.answerable >= 40);
    const t = calibration.thresholds;
    assert.ok(t.clarify <= t.tentative && t.tentative <= t.answer, JSON.stringify(t));
    assert.ok(t.tentative >= 0.25 && t.answer <= 0.8, JSON.stringify(t));
    assert.deepEqual((await kb.search('パスワードを忘れた')).thresholds, t);
    // Fewer FAQs than the calibration needs: the prior thresholds, no probes.
    const small = await createKnowledgeBase(itFaqChunks().slice(0, 5), { analyzer, calibrate: true });
    assert.deepEqual(small.stats().calibration?.thresholds, PRIOR_THRESHOLDS);
    assert.equal(small.stats().calibration?.probes.answerable, 0);
    // Not asked: no calibration, no thresholds (the bot's defaults apply).
    const plain = await createKnowledgeBase(itFaqChunks(), { analyzer });
    assert.equal(plain.stats().calibration, undefined);
    assert.equal((await plain.search('パスワードを忘れた')).thresholds, undefined);
  });
});

describe('near-duplicate FAQs in the calibration (calibration.ts)', () => {
  it('tells the same question in another entry from a different question', () => {
    const [a, b] = itFaqChunks();
    const copy = { ...a!, id: 'copy', documentId: 'copy' };
    assert.equal(nearDuplicate(a!, copy), true);
    assert.equal(nearDuplicate(a!, b!), false);
  });

  it('does not count a duplicate FAQ found with the own one held out as a wrong answer', async () => {
    const analyzer = await testAnalyzer();
    // Every FAQ twice (a knowledge base merged from two sources): held out, each probe finds the copy.
    const rows = [...IT_FAQ_ROWS, ...IT_FAQ_ROWS.map((r) => ({ ...r, id: `${r.id}-copy` }))];
    const kb = await createKnowledgeBase(chunkDocuments(faqRowsToDocuments(rows, 'fixtures/merged.csv')), {
      analyzer,
      calibrate: true,
    });
    const probes = kb.stats().calibration?.probes;
    assert.ok(probes && probes.answerable >= 40, JSON.stringify(probes));
    // Almost no leave-one-out negative is left (only probes whose held-out search finds something else).
    assert.ok(probes.unanswerable < probes.answerable / 4, JSON.stringify(probes));
  });
});

describe('kotae ingest summary with a calibration', () => {
  it('prints the thresholds and how the calibration went', () => {
    const lines = INGEST_MESSAGES.summary({
      files: 1,
      indexed: 1,
      unchanged: 0,
      removed: 0,
      chunks: 20,
      skipped: [],
      durationMs: 2500,
      indexDir: '/data/index/gen-1',
      rebuilt: true,
      calibration: {
        precisionTarget: 0.95,
        thresholds: { answer: 0.62, tentative: 0.45, clarify: 0.2 },
        probes: { answerable: 60, unanswerable: 60, offTopic: 30 },
        precision: 0.953,
        shownCorrect: 0.8,
        falseShown: 0.02,
        ms: 1234,
      },
    });
    assert.deepEqual(lines.slice(-2), [
      '  回答のしきい値:       回答 0.62 / 回答候補 0.45 / 確認 0.20',
      '  （自己校正: 目標精度 95%、試験質問での精度 95%、試験質問 150件、1.2秒）',
    ]);
  });
});
