import assert from 'node:assert/strict';
import { composeAnswer, toSource } from '../../../bot/compose-answer';
import type { Chunk } from '../../../knowledge/types';
import { faqChunk } from '../../fakes/fake-knowledge';

const manual = (title: string, headingPath: string[], url: string, page?: number): Chunk => ({
  id: `${url}#0`,
  documentId: url,
  kind: 'manual',
  title,
  url,
  headingPath,
  ...(page ? { page } : {}),
  fields: { question: '', answer: '', body: '本文です。' },
});

describe('composeAnswer / toSource', () => {
  it('names a manual section once per segment and links PDF pages with #page=N', () => {
    const pdf = toSource({
      chunk: manual('テレワーク手順書', ['テレワーク手順書', '接続'], 'manuals/t.pdf', 3),
      score: 1,
    });
    assert.equal(pdf.title, 'テレワーク手順書 › 接続（3ページ）');
    assert.equal(pdf.url, 'manuals/t.pdf#page=3');
    const html = toSource({ chunk: manual('ネットワーク', ['無線LAN'], 'manuals/n.html'), score: 1 });
    assert.equal(html.title, 'ネットワーク › 無線LAN');
    assert.equal(html.url, 'manuals/n.html');
  });

  it('tentative: the top answer as a proposal, its source only, the other documents as choices', () => {
    const hits = [
      { chunk: faqChunk('FAQ-1', 'トナーが切れた', 'トナーは庶務担当から受け取ってください。'), score: 1 },
      { chunk: faqChunk('FAQ-1', 'トナーが切れた', '同じ文書'), score: 0.9 },
      { chunk: faqChunk('FAQ-2', '印刷できない', '電源を確認してください。'), score: 0.8 },
      { chunk: faqChunk('FAQ-3', '紙詰まり', '扉を開けてください。'), score: 0.7 },
      { chunk: faqChunk('FAQ-4', 'スキャン', '送信先を選んでください。'), score: 0.6 },
    ];
    const c = composeAnswer('tentative', { hits, confidence: 0.4 });
    assert.match(
      c.text,
      /^ご質問に近いと思われる回答です。\n\nトナーは庶務担当から受け取ってください。\n\nこちらの回答でよろしいでしょうか。/,
    );
    assert.deepEqual(
      c.sources.map((s) => s.documentId),
      ['FAQ-1'],
    );
    assert.deepEqual(
      c.choices.map((x) => x.label),
      ['印刷できない', '紙詰まり'],
    );
    assert.deepEqual(c.actions, ['resolved', 'not_resolved', 'escalate']);
  });
  it('clarify: two sections of one manual are shown as one link, other links kept in order', () => {
    const section = (heading: string, url: string, score: number) => ({
      chunk: { ...manual('メール手順書', [heading], url), id: `${url}#${heading}` },
      score,
    });
    const hits = [
      section('無害化', 'manuals/mail.md', 1),
      section('原本の取得', 'manuals/mail.md', 0.9),
      section('無線LAN', 'manuals/net.html', 0.8),
    ];
    const c = composeAnswer('clarify', { hits, confidence: 0.25 });
    assert.deepEqual(
      c.sources.map((s) => [s.title, s.url]),
      [
        ['メール手順書 › 無害化', 'manuals/mail.md'],
        ['メール手順書 › 無線LAN', 'manuals/net.html'],
      ],
    );
    assert.deepEqual(
      c.choices.map((x) => x.label),
      ['メール手順書 › 無害化', 'メール手順書 › 原本の取得', 'メール手順書 › 無線LAN'],
    );
  });
});
