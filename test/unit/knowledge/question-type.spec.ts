import assert from 'node:assert/strict';
import { confidenceOf } from '../../../knowledge/confidence';
import { askedKindMissing } from '../../../knowledge/question-type';

describe('questions asking for a reason or a price', () => {
  const howTo = 'パスワードの変更方法\nCtrl+Alt+Delete を押し「パスワードの変更」を選びます。';
  it('are not answered by an entry that gives no reason or price', () => {
    assert.equal(askedKindMissing('パスワードはなぜ90日ごとに変えるのですか', howTo), true);
    assert.equal(askedKindMissing('どうしてパスワードを変えないといけないの', howTo), true);
    assert.equal(
      askedKindMissing('トナーは1本いくらですか', 'トナーの交換\n予備のトナーは各課の消耗品棚にあります。'),
      true,
    );
  });
  it('are answered by an entry that speaks of it', () => {
    const why =
      'パスワードの有効期限\n漏えいしたパスワードが使われ続けるのを防ぐため、90日ごとに変更をお願いしています。';
    assert.equal(askedKindMissing('パスワードはなぜ90日ごとに変えるのですか', why), false);
    assert.equal(askedKindMissing('有料の会議室ライセンスはいくら', 'ライセンスは1か月 2,000円です。'), false);
  });
  it('asked about something that does not work, plead for the fix: a troubleshooting entry answers them', () => {
    const fix = '帳票が表示されない\nポップアップブロックを解除してから、もう一度帳票ボタンを押してください。';
    assert.equal(askedKindMissing('帳票ボタンを押しても何も出てこないのはなぜ', fix), false);
    assert.equal(askedKindMissing('なんでプリンターが使えなくなったの', fix), false);
    // An obligation is no malfunction: the reason is still asked for.
    assert.equal(askedKindMissing('なぜパスワードを変えなければならないのですか', howTo), true);
  });
  it('leave other questions alone', () => {
    assert.equal(askedKindMissing('パスワードの変え方を教えて', howTo), false);
    assert.equal(askedKindMissing('初期パスワードはどこで分かりますか', howTo), false);
  });
  it('halve the confidence', () => {
    const f = { coverage: 1, questionRecall: 1, questionDice: 1, cosine: 1 };
    assert.equal(confidenceOf({ ...f, askedKindMissing: true }), confidenceOf(f) / 2);
  });
});
