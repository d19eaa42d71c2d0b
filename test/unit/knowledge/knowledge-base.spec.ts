import { strict as assert } from 'node:assert';
import { decideOutcome } from '../../../bot/answer-policy';
import { createKnowledgeBase, type HybridKnowledgeBase } from '../../../knowledge';
import { namesOtherProduct, productNames } from '../../../knowledge/confidence-features';
import { chunkDocuments } from '../../../ingest/chunk';
import { faqRowsToDocuments } from '../../../ingest/faq';
import { itFaqChunks } from './fixtures/it-faq';
import { testAnalyzer } from './shared-analyzer';

describe('hybrid knowledge base on an IT-helpdesk FAQ', () => {
  let kb: HybridKnowledgeBase;
  before(async () => {
    kb = await createKnowledgeBase(itFaqChunks(), { analyzer: await testAnalyzer(), synonyms: 'curated' });
  });

  const top = async (q: string): Promise<string | undefined> => (await kb.search(q)).hits[0]?.chunk.documentId;

  it('finds the FAQ for paraphrases, spelling variants and synonyms', async () => {
    assert.equal(await top('ﾊﾟｽﾜｰﾄﾞを忘れてしまった'), 'FAQ-0001');
    assert.equal(await top('プリンタから印刷できません'), 'FAQ-0005');
    assert.equal(await top('プリントができない'), 'FAQ-0005');
    assert.equal(await top('wifiに接続できない'), 'FAQ-0007');
    assert.equal(await top('テレワーク中にVPNがつながらない'), 'FAQ-0008');
    assert.equal(await top('ワンドライブが同期しない'), 'FAQ-0009');
  });

  it('answers in-scope questions with high confidence', async () => {
    for (const q of [
      'パスワードを忘れました',
      'Outlookでメールが送れない',
      'パソコンが起動しません',
      'Teamsの会議に入れない',
    ]) {
      const r = await kb.search(q);
      assert.equal(decideOutcome(r.confidence), 'answered', `${q}: ${r.confidence}`);
    }
  });

  it('sees synonyms in the confidence as BM25 does (無線LAN for an FAQ worded Wi-Fi)', async () => {
    const r = await kb.searchExplained('無線LANにつながらない');
    assert.equal(r.hits[0]?.chunk.documentId, 'FAQ-0007');
    assert.ok(r.features.questionRecall > 0.9, JSON.stringify(r.features));
    assert.equal(decideOutcome(r.confidence), 'answered', `${r.confidence}`);
  });

  it('measures the detail the top entry lacks that the knowledge base knows elsewhere (missingKnown)', async () => {
    const plain = await kb.searchExplained('Excelのファイルが開けない');
    assert.equal(plain.hits[0]?.chunk.documentId, 'FAQ-0016');
    assert.equal(plain.features.missingKnown, 0);
    // USBメモリ is another entry's subject: the Excel entry lacks it.
    const detail = await kb.searchExplained('USBメモリのExcelのファイルが開けない');
    assert.equal(detail.hits[0]?.chunk.documentId, 'FAQ-0016');
    assert.ok((detail.features.missingKnown ?? 0) > 0.2, JSON.stringify(detail.features));
    // A word the knowledge base does not know at all is not a missing detail of this entry.
    const unknown = await kb.searchExplained('ゾンビのExcelのファイルが開けない');
    assert.equal(unknown.features.missingKnown, 0, JSON.stringify(unknown.features));
  });

  it('measures the share of the known topic words the top entry has, verbs and unknown words aside (topicCoverage)', async () => {
    const plain = await kb.searchExplained('Excelのファイルが開けない');
    assert.equal(plain.hits[0]?.chunk.documentId, 'FAQ-0016');
    assert.equal(plain.features.topicCoverage, 1, JSON.stringify(plain.features));
    // USBメモリ is known (another entry's subject) and a topic word: the Excel entry lacks part of the topic.
    const detail = await kb.searchExplained('USBメモリのExcelのファイルが開けない');
    assert.equal(detail.hits[0]?.chunk.documentId, 'FAQ-0016');
    assert.ok((detail.features.topicCoverage ?? 1) < 0.7, JSON.stringify(detail.features));
    // An unknown word and a verb the entry lacks (壊す) are no missing topic.
    const unknown = await kb.searchExplained('ゾンビのExcelのファイルが壊れて開けない');
    assert.equal(unknown.features.topicCoverage, 1, JSON.stringify(unknown.features));
  });

  it('weighs question-frame words (場合, 対処, 方法) half in the question recall', async () => {
    const recallOf = async (question: string): Promise<number> => {
      const rows = [
        { id: 'A', category: 'アカウント', question, answer: '再設定します。' },
        { id: 'B', category: 'アカウント', question: '職員証のPINを忘れた', answer: '再発行します。' },
      ];
      const kb = await createKnowledgeBase(chunkDocuments(faqRowsToDocuments(rows, 'fixtures/frame.csv')), {
        analyzer: await testAnalyzer(),
        synonyms: 'none',
      });
      const r = await kb.searchExplained('パスワードを忘れた');
      assert.equal(r.hits[0]?.chunk.documentId, 'A');
      return r.features.questionRecall;
    };
    // Both questions: パスワード and 忘れる, which the query restates, and three words of one entry each that it does not.
    const frame = await recallOf('パスワードを忘れた場合の対処方法');
    const topic = await recallOf('パスワードを忘れた原因の調査報告');
    // With u the idf of the three words and k their weight, 1 / recall − 1 = 3ku / (restated idf): k = 0.5 against 1.
    assert.ok(Math.abs((1 / topic - 1) / (1 / frame - 1) - 2) < 1e-9, `${frame} ${topic}`);
  });

  it('halves the confidence when the query names another product than the top entry (nameMissing)', async () => {
    const same = await kb.searchExplained('OneDriveの同期が止まった');
    assert.equal(same.hits[0]?.chunk.documentId, 'FAQ-0009');
    assert.equal(same.features.nameMissing, undefined);
    // Excel is another entry's product; the top entry's question names OneDrive, which the query does not.
    const other = await kb.searchExplained('Excelの同期が止まった');
    assert.equal(other.hits[0]?.chunk.documentId, 'FAQ-0009');
    assert.equal(other.features.nameMissing, true, JSON.stringify(other.features));
    assert.ok(other.confidence <= same.confidence / 2, `${other.confidence} vs ${same.confidence}`);
    // Acronyms (PC, URL) and lower-case words are no product names.
    const acronym = await kb.searchExplained('PCの同期が止まった');
    assert.equal(acronym.features.nameMissing, undefined, JSON.stringify(acronym.features));
    assert.deepEqual(
      [...productNames('ZoomとiPhone、OneDrive、Wi-Fi、PC、URL、excel')],
      ['zoom', 'iphone', 'onedrive', 'wifi'],
    );
    // Vendor and suite names are not another product: a Microsoft 365 entry speaks of Teams too.
    assert.equal(namesOtherProduct(new Set(['teams']), 'Microsoft 365 のライセンスはだれが使えますか'), false);
    assert.equal(namesOtherProduct(new Set(['excel']), 'Office のファイルが壊れて開けません'), false);
    assert.equal(namesOtherProduct(new Set(['webex']), 'Teams会議を録画したい'), true);
    assert.equal(namesOtherProduct(new Set(['mac']), 'Windows で VPN に接続する方法'), true);
  });

  it('halves the confidence of a bare topic (one word, nothing said of it), not of a one-word question', async () => {
    const topic = await kb.searchExplained('パスワード？');
    assert.equal(topic.features.bareTopic, true, JSON.stringify(topic.features));
    const asked = await kb.searchExplained('印刷できない');
    assert.equal(asked.features.bareTopic, undefined, JSON.stringify(asked.features));
    const named = await kb.searchExplained('Teams会議');
    assert.equal(named.features.bareTopic, undefined, JSON.stringify(named.features));
  });

  it("reads a long question's best clause for the coverage (context words the entry lacks)", async () => {
    const clause = await kb.searchExplained('パスワードを忘れてログインできません');
    const long = await kb.searchExplained('4月に異動で来たばかりなんですが、パスワードを忘れてログインできません');
    assert.equal(long.hits[0]?.chunk.documentId, 'FAQ-0001');
    assert.equal(long.features.coverage, clause.features.coverage);
    assert.ok(long.features.coverage > 0.9, JSON.stringify(long.features));
  });

  it('does not count adverbs the knowledge base never uses against the coverage (ちょいちょい, 全然)', async () => {
    const plain = await kb.searchExplained('パスワードを忘れてログインできません');
    const coloured = await kb.searchExplained('ちょいちょいパスワードを忘れて全然ログインできません');
    assert.equal(coloured.hits[0]?.chunk.documentId, 'FAQ-0001');
    assert.equal(coloured.features.coverage, plain.features.coverage);
    assert.equal(coloured.features.missingKnown, plain.features.missingKnown);
    // A noun the knowledge base does not know still counts: it may be what the question is about.
    const detail = await kb.searchExplained('給与明細のパスワードを忘れてログインできません');
    assert.ok(detail.features.coverage < plain.features.coverage, JSON.stringify(detail.features));
  });

  it('discounts the dense cosine of a query the corpus barely knows', async () => {
    // Before: the LSA vector of the one known word sat at cosine 0.97 to a network FAQ.
    const r = await kb.searchExplained('週末の天気予報を知りたい');
    assert.ok(r.features.cosine < 0.5, JSON.stringify(r.features));
    assert.equal(decideOutcome(r.confidence), 'no_answer', `${r.confidence}`);
  });

  it('does not answer out-of-scope questions', async () => {
    for (const q of [
      '明日の天気は？',
      'カレーの作り方を教えて',
      'おすすめの映画は？',
      '今日の晩ごはんは何がいい？',
      '好きな野球チームは？',
    ]) {
      const r = await kb.search(q);
      assert.notEqual(decideOutcome(r.confidence), 'answered', `${q}: ${r.confidence}`);
      assert.ok(r.confidence >= 0 && r.confidence <= 1);
    }
  });

  it('ranks in-scope questions above out-of-scope ones', async () => {
    const inScope = (await kb.search('アカウントがロックされてしまった')).confidence;
    const outOfScope = (await kb.search('週末の天気予報を知りたい')).confidence;
    assert.ok(inScope > outOfScope + 0.3, `${inScope} vs ${outOfScope}`);
  });

  it('returns at most k hits and stats', async () => {
    assert.equal((await kb.search('ファイル', { k: 3 })).hits.length, 3);
    assert.deepEqual(
      { ...kb.stats(), builtAt: '' },
      { chunks: 20, documents: 20, builtAt: '', embedder: kb.stats().embedder },
    );
    // A small knowledge base: the LSA is fitted with the shipped background (lsa-background.ts).
    assert.match(kb.stats().embedder, /^lsa-\d+\+background-\d+$/);
  });

  it('handles empty and symbol-only queries', async () => {
    for (const q of ['', '？？？', '   ']) {
      const r = await kb.search(q);
      assert.equal(decideOutcome(r.confidence), 'no_answer');
    }
  });
});
