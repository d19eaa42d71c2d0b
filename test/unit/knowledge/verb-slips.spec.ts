import assert from 'node:assert/strict';
import { chunkDocuments } from '../../../ingest/chunk';
import { faqRowsToDocuments, type FaqRow } from '../../../ingest/faq';
import { createKnowledgeBase, createQueryExpander } from '../../../knowledge';
import { testAnalyzer } from './shared-analyzer';

const ROWS: readonly FaqRow[] = [
  { id: 'V-1', question: '外部モニターに画面が映らない', answer: 'ケーブルの接続と入力切替を確認してください。' },
  { id: 'V-2', question: 'パソコンの不具合が直らないときは', answer: 'ヘルプデスクへ端末番号を添えてご連絡ください。' },
  { id: 'V-3', question: 'ボタンを押しても反応しない', answer: '電源ボタンを10秒押し続けて強制終了してください。' },
  { id: 'V-4', question: '会議室の予約の取り方', answer: '職員ポータルの施設予約から登録します。' },
  { id: 'V-5', question: 'パスワードを忘れたとき', answer: '本人確認のうえ、ヘルプデスクが仮パスワードを発行します。' },
];

describe('verbs typed with another kanji of their reading (knowledge/verb-slips.ts)', () => {
  it('reads a verb the knowledge base does not write as its verb of the same reading and okurigana', async () => {
    const analyzer = await testAnalyzer();
    const expander = await createQueryExpander(analyzer, 'curated', []);
    const kb = await createKnowledgeBase(chunkDocuments(faqRowsToDocuments(ROWS, 'fixtures/verbs.csv')), {
      analyzer,
      expander,
    });
    // Input-method slips: 写る for 映る, 治る for 直る.
    assert.deepEqual(kb.queryWords('モニターに画面が写らない'), ['もにた', '画面', '映る']);
    assert.deepEqual(kb.queryWords('不具合が治らない'), ['不具合', '直る']);
    // The verb as the knowledge base writes it, and a verb of a reading it has no verb for, stay as typed.
    assert.deepEqual(kb.queryWords('画面が映らない'), ['画面', '映る']);
    assert.deepEqual(kb.queryWords('席を離す'), ['席', '離す']);
    // Typed in hiragana: the knowledge base's only verb of that reading; a reading it has no verb for stays.
    assert.deepEqual(kb.queryWords('ぱすわーど わすれた'), ['ぱすわーど', '忘れる']);
    assert.deepEqual(kb.queryWords('ぱすわーど かえたい'), ['ぱすわーど', 'かえる']);
    assert.equal((await kb.search('ぱすわーど わすれた', { k: 1 })).hits[0].chunk.documentId, 'V-5');
    const [top] = (await kb.search('パソコンの不具合が治らない', { k: 1 })).hits;
    assert.equal(top.chunk.documentId, 'V-2');
  });
});
