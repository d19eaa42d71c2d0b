import { strict as assert } from 'node:assert';
import { dropSmallTalk } from '../../../knowledge/small-talk';

describe('dropSmallTalk (long questions as staff type them)', () => {
  it('drops greetings, apologies and closing formulas with their punctuation', () => {
    assert.equal(dropSmallTalk('お疲れ様です。プリンタが動きません。よろしくお願いします'), 'プリンタが動きません。');
    assert.equal(dropSmallTalk('すみません、メールが届きません'), 'メールが届きません');
    assert.equal(
      dropSmallTalk('いつもお世話になっております。vpnの申請方法を教えてください'),
      'vpnの申請方法を教えてください',
    );
  });

  it('drops when it happened and how, keeping the subject and what went wrong', () => {
    assert.equal(dropSmallTalk('今朝から急にネットにつながらない'), 'ネットにつながらない');
    assert.equal(dropSmallTalk('昨日の夕方に保存しないまま閉じてしまった'), '保存しないまま閉じてしまった');
    assert.equal(dropSmallTalk('さきほどうっかりurlをクリックした'), 'urlをクリックした');
    assert.equal(dropSmallTalk('来週から出張します'), '出張します');
    assert.equal(dropSmallTalk('フィッシングっぽいメール'), 'フィッシングメール');
    assert.equal(dropSmallTalk('声が聞こえてないみたい'), '声が聞こえてない');
  });

  it('drops hedged figures only: exact figures are facts an FAQ may state', () => {
    assert.equal(dropSmallTalk('5回くらい間違えた'), '間違えた');
    assert.equal(dropSmallTalk('何回か間違えた'), '間違えた');
    assert.equal(dropSmallTalk('1時間ほど席を外した'), '席を外した');
    assert.equal(dropSmallTalk('10時ごろから警告が出る'), '警告が出る');
    assert.equal(dropSmallTalk('20mbのファイルを送りたい'), '20mbのファイルを送りたい');
    assert.equal(dropSmallTalk('5回連続で誤るとロックされる'), '5回連続で誤るとロックされる');
    assert.equal(dropSmallTalk('4月から着任予定ですが、idはいつもらえますか'), '着任予定ですが、idはいつもらえますか');
    assert.equal(dropSmallTalk('3日以上更新されていない'), '3日以上更新されていない');
    assert.equal(dropSmallTalk('12月末が期限'), '12月末が期限');
  });

  it('keeps what is asked and words that contain a small-talk word (何日くらい, 緊急に, 今日中, みたい as 見たい)', () => {
    assert.equal(dropSmallTalk('何日くらいかかりますか'), '何日くらいかかりますか');
    assert.equal(dropSmallTalk('何時ごろ届きますか'), '何時ごろ届きますか');
    assert.equal(dropSmallTalk('何回かかりますか'), '何回かかりますか');
    assert.equal(dropSmallTalk('緊急に連絡したい'), '緊急に連絡したい');
    assert.equal(dropSmallTalk('今日中に返却したい'), '今日中に返却したい');
    assert.equal(dropSmallTalk('ファイルをみたい'), 'ファイルをみたい');
    assert.equal(dropSmallTalk('なんかいも間違えた'), 'なんかいも間違えた');
  });

  it('keeps the question when nothing else would remain, and words that only contain a time word', () => {
    assert.equal(dropSmallTalk('すみません'), 'すみません');
    assert.equal(dropSmallTalk('お疲れ様です。'), 'お疲れ様です。');
    assert.equal(dropSmallTalk('朝礼の資料'), '朝礼の資料');
    assert.equal(dropSmallTalk('今年度の研修'), '今年度の研修');
  });
});
