import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 29's rules found by the twenty-ninth and thirtieth blind batches (test/fixtures/pii/blind-29…30.jsonl). */
describe('privacy: the desk’s own notes, chat messages typed in pieces', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks a family name after a section or the help desk before a table’s next cell, a phone word or the end', () => {
    assert.equal(
      mask('| 5/7 9:03 | 市民課 岡田 | 証明書発行機停止 | 山下 |'),
      '| 5/7 9:03 | 市民課 ［氏名］ | 証明書発行機停止 | 山下 |',
    );
    assert.equal(mask('一次：情報政策課 高木 携帯 080-2267-0915'), '一次：情報政策課 ［氏名］ 携帯 ［電話番号］');
    assert.equal(mask('回答がありました。\nHD 村田'), '回答がありました。\nHD ［氏名］');
    assert.equal(mask('2024/07/01 09:02,u20210087,上長確認,HD-辻'), '2024/07/01 09:02,u20210087,上長確認,HD-［氏名］');
    assert.equal(mask('13:00 ミナトシステムズ 大野氏来庁'), '13:00 ミナトシステムズ ［氏名］氏来庁');
    // A section alone or a word that is no name stays.
    assert.equal(mask('| 市民課 窓口 | 停止 |'), '| 市民課 窓口 | 停止 |');
    assert.equal(mask('氏名欄と大野氏名簿'), '氏名欄と大野氏名簿');
  });

  it('masks a number or a date sent in pieces, one message or line each, and leaves the speakers between them', () => {
    assert.equal(
      mask('[15:01] 酒井: ケータイ 090\n[15:01] 酒井: 1187\n[15:02] 酒井: 2264 です 🙏\n[15:02] 内田: ありがとー'),
      '[15:01] ［氏名］: ケータイ ［電話番号］\n[15:01] ［氏名］: ［電話番号］\n[15:02] ［氏名］: ［電話番号］ です 🙏\n[15:02] ［氏名］: ありがとー',
    );
    assert.equal(
      mask('番号これです(しのはら)\n080\n3346\n0912'),
      // Lines of digits alone read as one number broken across lines: one mask.
      '番号これです(しのはら)\n［電話番号］',
    );
    assert.equal(
      mask('[10:15] A: 生年月日\n[10:15] A: 平成9年\n[10:16] A: 3月18日\n[10:16] B: 平成9年3月18日 ね 了解'),
      '[10:15] A: 生年月日\n[10:15] A: ［生年月日］\n[10:16] A: ［生年月日］\n[10:16] B: ［生年月日］ ね 了解',
    );
    assert.equal(mask('住民票コード\n０８７７１２３４５５０\nです'), '住民票コード\n［住民票コード］\nです');
    // Counts on lines, another speaker's number, a list without a word of what it is: no pieces.
    assert.equal(mask('件数\n120\n45'), '件数\n120\n45');
    assert.equal(mask('[9:00] A: 内線 3308\n[9:01] B: 4455'), '[9:00] A: 内線 3308\n[9:01] B: 4455');
    assert.equal(mask('資産番号\n0312\n4455'), '資産番号\n0312\n4455');
  });

  it('masks the corrected value before words that say it is the right one, or after 間違えた', () => {
    assert.equal(
      mask('生年月日欄 1968.2.14 になってるけど 1968.12.4 が正しいそうです'),
      '生年月日欄 ［生年月日］ になってるけど ［生年月日］ が正しいそうです',
    );
    assert.equal(
      mask('口座番号これで 1470882\nまちがえた 1470828 です'),
      '口座番号これで ［口座番号］\nまちがえた ［口座番号］ です',
    );
  });

  it('masks a card number named by カード or card= even when it fails the Luhn check', () => {
    assert.equal(mask('カード 5284-9913-0076-2148 名義'), 'カード ［カード番号］ 名義');
    assert.equal(mask('card=5312-7719-0042-8836 exp=08/27'), 'card=［カード番号］ exp=08/27');
    assert.equal(mask('ICカードの利用件数 1234'), 'ICカードの利用件数 1234');
  });
});
