import assert from 'node:assert/strict';
import { smallTalkOf } from '../../../bot/small-talk';

describe('smallTalkOf', () => {
  it('recognises whole greetings, thanks and requests for help, in any width and with a name', () => {
    const cases: [string, string | undefined][] = [
      ['こんにちは', 'greeting'],
      ['ｺﾝﾆﾁﾊ', undefined],
      ['おはようございます。', 'greeting'],
      ['Hello Teams TestBot', 'greeting'],
      ['こんにちは、Kotaeさん', 'greeting'],
      ['よろしくお願いします！', 'greeting'],
      ['ありがとう！助かりました', 'thanks'],
      ['ＯＫ', 'thanks'],
      ['Thank you.', 'thanks'],
      ['ヘルプ', 'help'],
      ['使い方を教えてください', 'help'],
    ];
    for (const [text, kind] of cases) assert.equal(smallTalkOf(text), kind, text);
  });

  it('leaves questions to the knowledge base, greeting or not', () => {
    for (const text of [
      'こんにちは、パスワードを忘れました',
      'おはようございます。プリンタが動きません',
      'VPNにつながりません',
      'ありがとうございます。もう一つ、メールの容量は？',
      'Outlookの使い方を教えて',
      '',
    ])
      assert.equal(smallTalkOf(text), undefined, text);
  });
});
