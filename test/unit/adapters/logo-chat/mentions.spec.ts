import assert from 'node:assert/strict';
import { questionText, stripPairPrefix } from '../../../../adapters/logo-chat/mentions';

describe('LoGoチャット question text', () => {
  const bot = { name: 'ヘルプデスクbot' };

  it('removes the name prefix direct-js adds in pair talks', () => {
    assert.equal(stripPairPrefix('ヘルプデスクbot メニュー', bot.name), 'メニュー');
    assert.equal(stripPairPrefix('メニュー', bot.name), 'メニュー');
  });

  it('strips the bot mention (rewritten or raw markup) and keeps other mentions readable', () => {
    assert.equal(questionText('@ヘルプデスクbot 転入届の受付時間を教えて', bot), '転入届の受付時間を教えて');
    assert.equal(
      questionText('{@:4294967396,10}@ヘルプデスクbot 転入届の受付時間を教えて', bot),
      '転入届の受付時間を教えて',
    );
    assert.equal(
      questionText('{@:4294967497,6}@税務課 佐藤 {@:4294967396,10}@ヘルプデスクbot　共有フォルダの件', bot),
      '@税務課 佐藤 共有フォルダの件',
    );
    assert.equal(questionText('メールアドレス@ヘルプデスクbotx', bot), 'メールアドレス@ヘルプデスクbotx');
  });
});
