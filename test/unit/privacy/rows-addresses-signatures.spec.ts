import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 15's rules, found by the fifteenth blind batch (test/fixtures/pii/blind-15.jsonl). */
describe('privacy: address ends, katakana names in rows, honorifics before a word, signatures', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('takes a street address to its end: a dash or a bare lot after 丁目, a floor, a lettered room, a building with an ordinal', () => {
    assert.equal(mask('住所欄：山形県米沢市本町2丁目−８−１１'), '住所欄：［住所］');
    assert.equal(mask('住所 岐阜県高山市上町1丁目1470。確認します'), '住所 ［住所］。確認します');
    assert.equal(mask('宮城県仙台市青葉区一番町２丁目３番地 サウスビル７階 で入力'), '［住所］ で入力');
    assert.equal(mask('『茨城県土浦市川口町1203番地5 コーポ川口2-C』のうち'), '『［住所］』のうち');
    assert.equal(mask('（広島市中区大手町3丁目8-1 第2ビル 5F の方）'), '（［住所］ の方）');
    // A particle ends the building's name: the next line is no building.
    assert.equal(
      mask('〒969-1234\n福島県二本松市大字岳下字上原12番地\n受取人は大正15年2月3日生まれの方です。'),
      '［郵便番号］\n［住所］\n受取人は［生年月日］生まれの方です。',
    );
  });

  it('reads a katakana name in two parts in a data row that holds a phone or a birth date, not a data word', () => {
    assert.equal(mask('0093,ｱｻﾉ ﾕｳｺ,S47/03/09,女,08011112222'), '0093,［氏名］,［生年月日］,女,［電話番号］');
    assert.equal(mask('"0002","ｲﾉｳｴ ﾀｸﾐ","井上 拓海","1980/01/02"'), '"0002","［氏名］","［氏名］","［生年月日］"');
    assert.equal(
      mask('口座番号,名義カナ,金額\n1234567,ヤマノ ケイ,4500'),
      '口座番号,名義カナ,金額\n［口座番号］,［氏名］,4500',
    );
    assert.equal(
      mask('機器,IP,連絡先\nファイル サーバー,192.168.0.1,03-5555-0100'),
      '機器,IP,連絡先\nファイル サーバー,192.168.0.1,［電話番号］',
    );
    assert.equal(mask('妻:ヤマノ サキ(S61.3.3)'), '妻:［氏名］(［生年月日］)');
  });

  it('masks a name before さん and a kanji word, and the writer’s own name at the start or the end', () => {
    assert.equal(mask('今日は大森さん不在のため代理で申請します。'), '今日は［氏名］さん不在のため代理で申請します。');
    assert.equal(mask('こんにちは赤ちゃん事業の名簿です。'), 'こんにちは赤ちゃん事業の名簿です。');
    assert.equal(mask('総務課の山田です。プリンターが動きません。'), '総務課の［氏名］です。プリンターが動きません。');
    assert.equal(mask('関数の結果がずれます。\n\n――\n会計課　佐藤'), '関数の結果がずれます。\n\n――\n会計課　［氏名］');
    assert.equal(mask('原因は不明です。'), '原因は不明です。');
  });

  it('masks English sign-offs and introductions, not a hyphenated phrase or a bullet', () => {
    assert.equal(mask('Hi, this is Ken from the Parks Division.'), 'Hi, this is ［氏名］ from the Parks Division.');
    assert.equal(mask('Any ideas?\n\nThanks,\nEmily'), 'Any ideas?\n\nThanks,\n［氏名］');
    assert.equal(mask('Please check. Thanks! – Tom'), 'Please check. Thanks! – ［氏名］');
    assert.equal(
      mask('Call me.\n— Alan Brown, ALT, Minami Junior High'),
      'Call me.\n— ［氏名］, ALT, Minami Junior High',
    );
    assert.equal(mask('Her name is Mary Ito.'), 'Her name is ［氏名］.');
    assert.equal(mask('国際交流協会の Anna Berg です。'), '国際交流協会の ［氏名］ です。');
    assert.equal(mask('Error - Access'), 'Error - Access');
    assert.equal(
      mask('Steps:\n- Windows Update, then reboot\n- Check'),
      'Steps:\n- Windows Update, then reboot\n- Check',
    );
    assert.equal(mask('Thanks,\nAdmin'), 'Thanks,\nAdmin');
  });
});
