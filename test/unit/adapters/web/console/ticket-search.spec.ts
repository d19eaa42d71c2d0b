/** Ticket search in the console: matches highlighted and escaped, bad input answered in Japanese. */
import assert from 'node:assert/strict';
import { startConsole, type ConsoleHarness, type Session } from './console-harness';

describe('console ticket search', () => {
  let h: ConsoleHarness;
  let op: Session;
  before(async () => {
    h = await startConsole();
    op = await h.sessionFor('operator');
  });
  after(() => h.close());

  it('finds a ticket by a word of a comment and marks the word, escaped', async () => {
    const t = await h.openTicket({ title: '<b>画面</b>が固まる' });
    await h.openTicket({ title: '別件' });
    await h.ticketStore.addComment(t.id, { kind: 'note', author: 'op1', body: 'グラフィックドライバを更新した' });
    const res = await h.request('GET', `/console/tickets?q=${encodeURIComponent('ドライバ')}`, { session: op });
    assert.equal(res.status, 200);
    assert.match(res.text, /「ドライバ」の検索結果: 1件/);
    assert.match(res.text, /コメント: グラフィック<mark>ドライバ<\/mark>を更新した/);
    assert.match(res.text, /&lt;b&gt;画面&lt;\/b&gt;が固まる/);
    const title = await h.request('GET', `/console/tickets?q=${encodeURIComponent('<b>画面')}`, { session: op });
    assert.match(title.text, /<mark>&lt;b&gt;画面<\/mark>&lt;\/b&gt;が固まる/);
  });

  it('finds a ticket whatever the width typed (ｖｐｎ, ﾌﾟﾘﾝﾀ)', async () => {
    await h.openTicket({ title: 'VPNがつながらない' });
    await h.openTicket({ title: 'プリンタの紙詰まり' });
    for (const [q, rest] of [
      ['ｖｐｎ', 'がつながらない'],
      ['ﾌﾟﾘﾝﾀ', 'の紙詰まり'],
    ] as const) {
      const res = await h.request('GET', `/console/tickets?q=${encodeURIComponent(q)}`, { session: op });
      assert.equal(res.status, 200);
      assert.match(res.text, new RegExp(`</mark>${rest}`), q);
    }
  });

  it('answers FTS syntax, quotes, only spaces and 1,000 characters without a 500', async () => {
    for (const q of ['"', '" OR 1=1 --', 'NEAR(a b)', '*', "'; DROP TABLE ticket; --", '%', '（', '   ']) {
      const res = await h.request('GET', `/console/tickets?q=${encodeURIComponent(q)}`, { session: op });
      assert.equal(res.status, 200, q);
    }
    const long = await h.request('GET', `/console/tickets?q=${'あ'.repeat(1000)}`, { session: op });
    assert.equal(long.status, 400);
    assert.match(long.text, /検索語は200文字以内で入力してください。/);
    const many = await h.request('GET', `/console/tickets?q=${encodeURIComponent('a b c d e f g h i')}`, {
      session: op,
    });
    assert.equal(many.status, 400);
    assert.match(many.text, /検索語は8語までにしてください。/);
  });
});
