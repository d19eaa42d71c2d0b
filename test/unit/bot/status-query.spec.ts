import assert from 'node:assert/strict';
import { statusQuery } from '../../../bot';

describe('statusQuery', () => {
  it('recognises a ticket number asked about, a bare number, and お問い合わせ状況', () => {
    assert.deepEqual(statusQuery('HD-2026-000123 の状況'), { number: 'HD-2026-000123' });
    assert.deepEqual(statusQuery('hd-2026-000123の状態は？'), { number: 'HD-2026-000123' });
    assert.deepEqual(statusQuery('受付番号HD-2026-000123はどうなっていますか'), { number: 'HD-2026-000123' });
    assert.deepEqual(statusQuery(' HD-2026-000123 '), { number: 'HD-2026-000123' });
    assert.deepEqual(statusQuery('お問い合わせ状況'), {});
    assert.deepEqual(statusQuery('問い合わせの状況？'), {});
  });

  it('recognises the status asked in everyday words as a whole message', () => {
    for (const text of [
      '状況を教えて',
      '進捗は？',
      '対応状況はどうですか',
      'その後どうなりましたか。',
      'どうなっていますか？',
    ])
      assert.deepEqual(statusQuery(text), {}, text);
    for (const text of ['状況を教えてほしいのですが、VPNが遅いです', 'プリンターの状態は？', 'まだですか'])
      assert.equal(statusQuery(text), undefined, text);
  });

  it('leaves other messages to the ticket or the bot', () => {
    assert.equal(statusQuery('HD-2026-000123 について追加で質問です'), undefined);
    assert.equal(statusQuery('ネットワークの状況を知りたい'), undefined);
    assert.equal(statusQuery('パスワードを忘れました'), undefined);
  });
});
