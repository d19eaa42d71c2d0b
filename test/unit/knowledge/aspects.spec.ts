import assert from 'node:assert/strict';
import { chunkDocuments } from '../../../ingest/chunk';
import { faqRowsToDocuments, type FaqRow } from '../../../ingest/faq';
import { createKnowledgeBase, createQueryExpander } from '../../../knowledge';
import { aspectClash, type Aspect } from '../../../knowledge/aspects';
import { testAnalyzer } from './shared-analyzer';

/** A fictional VPN group: a connection that fails and one that works but is slow (written for Kotae). */
const VPN: readonly FaqRow[] = [
  {
    id: 'VPN-1',
    category: 'テレワーク',
    question: 'VPNに接続すると通信が遅くなります',
    answer: '混雑する時間帯は通信が遅くなります。不要な動画の再生を止めてください。',
  },
  {
    id: 'VPN-2',
    category: 'テレワーク',
    question: 'VPNに接続できません',
    answer: '自宅のインターネット回線を確認し、VPNソフトを再起動してください。',
  },
];

/** A fictional lending group: borrowing, extending and returning equipment (written for Kotae). */
const LENDING: readonly FaqRow[] = [
  {
    id: 'LEND-1',
    category: '貸出',
    question: 'ノートパソコンやプロジェクターを借りる方法',
    answer: '貸出用のノートパソコンとプロジェクターは情報政策課で貸し出しています。貸出申請書を提出してください。',
  },
  {
    id: 'LEND-2',
    category: '貸出',
    question: '借りているパソコンやプロジェクターの貸出期間を延ばしたい',
    answer: '返却予定日の前日までに延長申請をしてください。延長は1回、最長2週間までです。',
  },
  {
    id: 'LEND-3',
    category: '貸出',
    question: '借りた機器はどこに返却すればよいですか',
    answer: '情報政策課の窓口（本庁舎3階）に返却してください。付属品もそろえてお持ちください。',
  },
];

describe('verb aspects (knowledge/aspects.ts): done against wanted', function () {
  // Four index builds with their calibration: about ten seconds alone, longer on a loaded machine.
  this.timeout(60_000);
  it('reads done (た, ている, てしまう, ちゃう) and wanted (たい, 〜する方法, 〜するには) off the verb endings', async () => {
    const analyzer = await testAnalyzer();
    const aspects = (text: string): [string, Aspect][] => [...(analyzer.analyze(text).aspects ?? [])];
    assert.deepEqual(aspects('借りてるプロジェクター、もうちょい長く使いたい'), [
      ['借りる', 'done'],
      ['使う', 'wanted'],
    ]);
    assert.deepEqual(aspects('借りている機器の貸出期間を延長したいのですが'), [
      ['借りる', 'done'],
      ['延長', 'wanted'],
    ]);
    assert.deepEqual(aspects('ノートパソコンやプロジェクターを借りる方法'), [['借りる', 'wanted']]);
    assert.deepEqual(aspects('返却方法を教えて'), [['返却', 'wanted']]);
    // The plain form before には is the purpose asked for.
    assert.deepEqual(aspects('プロジェクターを借りるにはどうすればいいですか'), [['借りる', 'wanted']]);
    assert.deepEqual(aspects('貸出期間を延長するには'), [['延長', 'wanted']]);
    assert.deepEqual(aspects('送ったメールが戻ってきた'), [
      ['送る', 'done'],
      ['戻る', 'done'],
    ]);
    assert.deepEqual(aspects('怪しいリンクを踏んじゃった'), [['踏む', 'done']]);
    assert.deepEqual(aspects('添付ファイルを開いてしまいました'), [['開く', 'done']]);
    // Used both ways: the text does not say which it is about. A plain or conditional form says nothing.
    assert.deepEqual(aspects('前に借りたけどまた借りたい'), []);
    assert.deepEqual(aspects('どこに返却すればよいですか'), []);
    assert.deepEqual(aspects('パスワード'), []);
  });

  it('clashes when an entry uses a verb of the query only the other way, alternatives included', () => {
    const same = (t: string): string[] => [t];
    const query = new Map<string, Aspect>([['借りる', 'done']]);
    assert.equal(aspectClash(query, same, [new Map([['借りる', 'wanted']])]), true);
    assert.equal(aspectClash(query, same, [new Map([['借りる', 'done']])]), false);
    // One line (question or alternate) using it the query's way is enough.
    assert.equal(aspectClash(query, same, [new Map([['借りる', 'wanted']]), new Map([['借りる', 'done']])]), false);
    assert.equal(aspectClash(query, same, [new Map([['返却', 'wanted']])]), false);
    const wanted = new Map<string, Aspect>([['返す', 'wanted']]);
    assert.equal(
      aspectClash(wanted, () => ['返す', '返却'], [new Map([['返却', 'done']])]),
      true,
    );
  });

  it('ranks the entry that does what the question asks over the one that offers what it presupposes done', async () => {
    const analyzer = await testAnalyzer();
    // No learned paraphrases: the figures here are the rule's alone.
    const expander = await createQueryExpander(analyzer, 'curated', []);
    const chunks = chunkDocuments(faqRowsToDocuments(LENDING, 'fixtures/lending.csv'));
    const ranked = async (penalty: number, query: string): Promise<string[]> => {
      const kb = await createKnowledgeBase(chunks, { analyzer, expander, tuning: { rerankAspectPenalty: penalty } });
      return (await kb.search(query, { k: 3 })).hits.map((h) => h.chunk.documentId);
    };
    // Borrowed already: without the rule the lending entry wins on プロジェクター and 借りる.
    const stillUsing = '借りてるプロジェクター、来週も使いたいんだけど';
    assert.deepEqual(await ranked(0, stillUsing), ['LEND-1', 'LEND-2', 'LEND-3']);
    assert.deepEqual(await ranked(0.4, stillUsing), ['LEND-2', 'LEND-1', 'LEND-3']);
    // Asking to borrow: the entries about a borrowed device (借りた, 借りている) lose the malus.
    assert.deepEqual(await ranked(0, '機器を借りたい'), ['LEND-3', 'LEND-2', 'LEND-1']);
    assert.deepEqual(await ranked(1, '機器を借りたい'), ['LEND-1', 'LEND-3', 'LEND-2']);
  });
});

describe('negated verbs (knowledge/aspects.ts): what a question says is not happening', function () {
  // Four index builds with their calibration: about ten seconds alone, longer on a loaded machine.
  this.timeout(60_000);
  it('reads ない, ぬ, ん after the predicate and its auxiliaries, the noun before する / できる included', async () => {
    const analyzer = await testAnalyzer();
    const negated = (text: string): string[] => [...(analyzer.analyze(text).negated ?? [])];
    assert.deepEqual(negated('VPNに接続できません'), ['接続']);
    assert.deepEqual(negated('VPNがつながらない'), ['つながる']);
    assert.deepEqual(negated('印刷したのに紙が出てこない'), ['出る']);
    assert.deepEqual(negated('ネットが見られない'), ['見る']);
    // Index terms: katakana folded to hiragana.
    assert.deepEqual(negated('ログインできず困っています'), analyzer.analyze('ログイン').words);
    assert.deepEqual(negated('メールが来てない'), ['来る']);
    assert.deepEqual(negated('急に使えなくなった'), ['使える']);
    // Said to happen, or asked for: nothing negated.
    assert.deepEqual(negated('VPNに接続すると通信が遅くなります'), []);
    assert.deepEqual(negated('パスワードを変更したい'), []);
  });

  it('ranks the entry that says the same verb fails over one that only uses it', async () => {
    const analyzer = await testAnalyzer();
    const expander = await createQueryExpander(analyzer, 'curated', []);
    const chunks = chunkDocuments(faqRowsToDocuments(VPN, 'fixtures/vpn.csv'));
    const ranked = async (bonus: number, query: string): Promise<string[]> => {
      const kb = await createKnowledgeBase(chunks, { analyzer, expander, tuning: { rerankPolarityBonus: bonus } });
      return (await kb.search(query, { k: 2 })).hits.map((h) => h.chunk.documentId);
    };
    assert.deepEqual(await ranked(0, 'VPNに接続すると遅い'), ['VPN-1', 'VPN-2']);
    assert.deepEqual(await ranked(0.5, 'VPNに接続すると遅い'), ['VPN-1', 'VPN-2']);
    const failing = 'VPNの通信がつながらない';
    assert.deepEqual(await ranked(0, failing), ['VPN-1', 'VPN-2']);
    assert.deepEqual(await ranked(0.5, failing), ['VPN-2', 'VPN-1']);
  });
});
