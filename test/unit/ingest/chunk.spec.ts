import { strict as assert } from 'node:assert';
import { chunkDocuments, splitDocuments } from '../../../ingest/chunk';
import { CHUNK_SIZE } from '../../../ingest/japanese-splitter';
import type { KnowledgeDocument } from '../../../knowledge/types';

const SENTENCES = [
  'テレワーク端末は情報政策課が貸し出します。',
  '利用開始の五営業日前までに庁内ポータルから申請してください。',
  '承認されると受け取り日時がメールで通知されます、必ず職員証を持参してください。',
  'ワンタイムパスワードは公用スマートフォンの認証アプリで表示します。',
  '番号は三十秒ごとに切り替わります。',
];

function manual(text: string): KnowledgeDocument {
  return {
    id: 'manuals/telework.pdf',
    kind: 'manual',
    title: 'テレワーク手順書',
    url: 'manuals/telework.pdf',
    sections: [
      { headingPath: ['テレワーク手順書', '利用の流れ'], text, page: 3 },
      { headingPath: ['テレワーク手順書', '返却'], text: '期間が終わったら返却します。', page: 4 },
    ],
    sourcePath: 'manuals/telework.pdf',
    contentHash: 'h',
  };
}

const FAQ: KnowledgeDocument = {
  id: 'FAQ-1',
  kind: 'faq',
  title: 'パスワードを忘れた',
  question: 'パスワードを忘れた',
  alternateQuestions: ['PW再発行'],
  answer: '窓口へ。',
  sourcePath: 'faq.csv',
  contentHash: 'h',
};

describe('chunking', () => {
  it('splits a long Japanese section at sentence ends, within the size, keeping heading path and page', async () => {
    const long = Array.from({ length: 30 }, (_, i) => SENTENCES[i % SENTENCES.length]).join('');
    const chunks = await splitDocuments([manual(long)]);
    const section = chunks.filter((c) => c.page === 3);
    assert.ok(section.length >= 2, `expected several chunks, got ${section.length}`);
    for (const c of section) {
      assert.ok(c.fields.body.length <= CHUNK_SIZE, `chunk of ${c.fields.body.length} chars`);
      assert.ok(c.fields.body.endsWith('。'), `cut mid-sentence: …${c.fields.body.slice(-10)}`);
      assert.ok(!c.fields.body.startsWith('。'));
      assert.deepEqual(c.headingPath, ['テレワーク手順書', '利用の流れ']);
    }
    // Neighbouring chunks share their edge sentence (overlap).
    const lastOfFirst = section[0].fields.body.split(/(?<=。)/).pop() ?? '';
    assert.ok(section[1].fields.body.startsWith(lastOfFirst));
    assert.deepEqual(
      chunks.map((c) => c.id),
      chunks.map((_, n) => `manuals/telework.pdf#${n}`),
    );
    assert.equal(chunks[chunks.length - 1].page, 4);
  });

  it('falls back to 、 and then characters for a sentence longer than a chunk', async () => {
    const run = 'あ'.repeat(300) + '、' + 'い'.repeat(300) + '𠮷'.repeat(500);
    const chunks = await splitDocuments([manual(run)]);
    for (const c of chunks) assert.ok(c.fields.body.length <= CHUNK_SIZE * 2, 'surrogate pairs count as two');
    assert.ok(
      chunks.every((c) => !c.fields.body.includes('\ufffd')),
      'no broken surrogate pairs',
    );
    assert.ok(chunks[0].fields.body.endsWith('、'));
  });

  it('keeps an FAQ as one chunk, the same in the sync and async paths', async () => {
    const sync = chunkDocuments([FAQ]);
    assert.deepEqual(await splitDocuments([FAQ]), sync);
    assert.deepEqual(sync[0].fields, { question: 'パスワードを忘れた\nPW再発行', answer: '窓口へ。', body: '' });
  });

  it('chunkDocuments keeps manual sections whole', () => {
    const chunks = chunkDocuments([manual('短い本文。')]);
    assert.deepEqual(
      chunks.map((c) => [c.id, c.fields.body, c.page]),
      [
        ['manuals/telework.pdf#0', '短い本文。', 3],
        ['manuals/telework.pdf#1', '期間が終わったら返却します。', 4],
      ],
    );
  });
});
