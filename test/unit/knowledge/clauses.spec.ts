import { strict as assert } from 'node:assert';
import { MIN_CLAUSED_CHARS, questionClauses } from '../../../knowledge/clauses';

describe('questionClauses (long questions read clause by clause)', () => {
  it('cuts after context clauses (…んですが, …ので, …けど), commas and sentence ends', () => {
    assert.deepEqual(questionClauses('4月に異動で来たんですが最初のパスワードはどこに書いてありますか'), [
      '4月に異動で来たんですが',
      '最初のパスワードはどこに書いてありますか',
    ]);
    assert.deepEqual(
      questionClauses('来週から出張するんですが、向こうでSMSが届かないかもと聞きました。事前に何をすればいいですか'),
      ['来週から出張するんですが、', '向こうでSMSが届かないかもと聞きました', '事前に何をすればいいですか'],
    );
    assert.deepEqual(questionClauses('画面が固まって動かないので、再起動したいのですがどうすればいいですか'), [
      '画面が固まって動かないので、',
      '再起動したいのですが',
      'どうすればいいですか',
    ]);
  });

  it('leaves short and one-clause questions whole (no clauses), and ので in ものです alone', () => {
    assert.deepEqual(questionClauses('パスワードを忘れました、どうすれば'), []);
    assert.ok('パスワードを忘れました、どうすれば'.length < MIN_CLAUSED_CHARS);
    assert.deepEqual(questionClauses('このパソコンは課で共有して使っているものですか教えてください'), []);
  });
});
