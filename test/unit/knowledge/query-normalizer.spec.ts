import { strict as assert } from 'node:assert';
import { QueryNormalizer, withinOneEdit } from '../../../knowledge/query-normalizer';

describe('QueryNormalizer (input as staff type it, against the KB vocabulary)', () => {
  const kb = new QueryNormalizer([
    'パスワードを忘れた。アカウントがロックされた。プリンターのトナーが切れた。',
    'Teams（チームズ）が起動しない。ワンタイムパスワードのアプリ。ウイルスを検知した。',
  ]);

  it('writes hiragana spellings of the KB katakana words in katakana, also without long vowels', () => {
    assert.equal(kb.rewrite('アカウントろっくされたみたい'), 'アカウントロックされたみたい');
    assert.equal(kb.rewrite('ぱすわーど わすれた'), 'パスワード わすれた');
    assert.equal(kb.rewrite('ぱすわど'), 'パスワード');
    assert.equal(kb.rewrite('ぷりんたーのとなー'), 'プリンタのトナー');
    assert.equal(kb.rewrite('ういるす'), 'ウイルス');
  });

  it('corrects an unknown katakana word one edit from a KB word (length ≥ 4), never a short or known one', () => {
    assert.equal(kb.rewrite('テームズ'), 'チームズ');
    assert.equal(kb.rewrite('ワンタイムパスワートのアプリ'), 'ワンタイムパスワードのアプリ');
    assert.equal(kb.rewrite('パスワード'), 'パスワード');
    assert.equal(kb.rewrite('ロッグ'), 'ロッグ');
    assert.equal(kb.rewrite('カレンダー'), 'カレンダ');
  });

  it('rewrites colloquial verb forms, keeping ordinary hiragana and 出来ない as typed', () => {
    assert.equal(kb.rewrite('パスワードがわからなくなった'), 'パスワードが忘れた');
    assert.equal(kb.rewrite('PCを失くした'), 'pcを紛失した');
    assert.equal(kb.rewrite('メールが来ない'), 'メールが来ない 届かない');
    assert.equal(kb.rewrite('出来ない'), '出来ない');
    assert.equal(kb.rewrite('よろしくおねがいします'), 'よろしくおねがいします');
  });

  it('folds width and case', () => {
    assert.equal(kb.rewrite('ﾊﾟｽﾜｰﾄﾞ　ＰＣ'), 'パスワード pc');
  });

  it('withinOneEdit: insertion, deletion, substitution, adjacent swap', () => {
    assert.ok(withinOneEdit('さいいん', 'さいんいん'));
    assert.ok(withinOneEdit('てーむず', 'ちーむず'));
    assert.ok(withinOneEdit('ぱすわーど', 'ぱすーわど'));
    assert.ok(!withinOneEdit('ぱすわど', 'ぱすこーど'));
    assert.ok(!withinOneEdit('あいう', 'あいうえお'));
  });
});
