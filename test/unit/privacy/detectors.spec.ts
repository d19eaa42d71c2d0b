import assert from 'node:assert/strict';
import { createPiiMasker, isValidMyNumber, passesLuhn, type PiiType } from '../../../privacy';

const masker = createPiiMasker();

/** The masked text and the types, for exact assertions. */
function mask(text: string): [string, PiiType[]] {
  const r = masker.mask(text);
  return [r.text, r.types];
}

describe('privacy: マイナンバー', () => {
  it('checks the check digit', () => {
    assert.equal(isValidMyNumber('123456789018'), true);
    assert.equal(isValidMyNumber('123456789012'), false);
  });
  it('masks a valid number with any separator, width, grouping or kanji numerals', () => {
    for (const v of [
      '1234.5678.9018',
      '1234/5678/9018',
      '1234_5678_9018',
      '1234‐5678‐9018',
      '1234−5678−9018',
      '1234–5678–9018',
      '1234ｰ5678ｰ9018',
      '123-456-789-018',
      '1234の5678の9018',
      '１２３４　５６７８　９０１８',
      '一二三四 五六七八 九〇一八',
      '1 2 3 4 5 6 7 8 9 0 1 8',
    ]) {
      assert.deepEqual(mask(`番号は${v}です`), ['番号は［マイナンバー］です', ['my_number']], v);
    }
  });
  it('masks an invalid check digit only in a 個人番号 context', () => {
    assert.deepEqual(mask('個人番号 1234-5678-9012'), ['個人番号 ［マイナンバー］', ['my_number']]);
    assert.deepEqual(mask('受付 1234-5678-9012'), ['受付 1234-5678-9012', []]);
  });
  it('leaves IPv4 addresses and versions alone', () => {
    assert.deepEqual(mask('192.168.100.200 と 10.0.19045.3803'), ['192.168.100.200 と 10.0.19045.3803', []]);
  });
});

describe('privacy: 電話番号', () => {
  it('masks fixed, mobile, IP, free-dial and +81 numbers in any notation', () => {
    for (const v of [
      '090-1234-5678',
      '08012345678',
      '050 1234 5678',
      '03-1234-5678',
      '(03)1234-5678',
      '0465-12-3456',
      '0120-123-456',
      '+81-90-1234-5678',
      '０９０－１２３４－５６７８',
    ]) {
      assert.deepEqual(mask(`電話 ${v} まで`), ['電話 ［電話番号］ まで', ['phone']], v);
    }
  });
  it('leaves 内線, error codes, ticket numbers and ports alone', () => {
    const text = '内線 2345、0x80070005、HD-2026-000123、localhost:3000、NMZ-PC-01234';
    assert.deepEqual(mask(text), [text, []]);
  });
});

describe('privacy: メール・郵便番号・住所', () => {
  it('masks e-mail addresses, also full width', () => {
    assert.deepEqual(mask('宛先 a.b+c@example.lg.jp と ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ'), [
      '宛先 ［メールアドレス］ と ［メールアドレス］',
      ['email'],
    ]);
  });
  it('masks a postal code with 〒 and the street address', () => {
    assert.deepEqual(mask('〒150-0001 東京都渋谷区神宮前1丁目2番3号'), [
      '［郵便番号］ ［住所］',
      ['postal_code', 'address'],
    ]);
    assert.deepEqual(mask('住所はことのは市本町3-5-2です'), ['住所は［住所］です', ['address']]);
  });
  it('does not take a room or floor for an address', () => {
    assert.deepEqual(mask('市民課の複合機 3-2 が故障'), ['市民課の複合機 3-2 が故障', []]);
  });
});

describe('privacy: 生年月日', () => {
  it('masks western and era dates in a birth context only', () => {
    assert.deepEqual(mask('生年月日 昭和55年4月12日'), ['生年月日 ［生年月日］', ['birth_date']]);
    assert.deepEqual(mask('1985/04/12生まれ'), ['［生年月日］生まれ', ['birth_date']]);
    assert.deepEqual(mask('令和8年4月1日に障害'), ['令和8年4月1日に障害', []]);
  });
});

describe('privacy: 氏名', () => {
  it('masks names before honorifics and after labels', () => {
    assert.deepEqual(mask('総務課の山田様と佐藤 花子さん'), ['総務課の［氏名］様と［氏名］さん', ['person_name']]);
    assert.deepEqual(mask('氏名：鈴木 一郎'), ['氏名：［氏名］', ['person_name']]);
    assert.deepEqual(mask('高橋と申します'), ['［氏名］と申します', ['person_name']]);
  });
  it('leaves roles, groups and words ending in 様 alone', () => {
    const text = 'お客様、皆様、担当者さん、ベンダーさん、仕様と同様、ご苦労様です';
    assert.deepEqual(mask(text), [text, []]);
  });
});

describe('privacy: numbers in context', () => {
  it('masks 口座番号, 支店番号, 基礎年金番号, 住民票コード, 旅券番号 and 被保険者番号', () => {
    assert.deepEqual(mask('支店番号 123 口座番号 1234567'), [
      '支店番号 ［口座番号］ 口座番号 ［口座番号］',
      ['bank_account'],
    ]);
    assert.deepEqual(mask('基礎年金番号 1234-567890'), ['基礎年金番号 ［基礎年金番号］', ['pension_number']]);
    assert.deepEqual(mask('住民票コード 12345678901'), ['住民票コード ［住民票コード］', ['resident_code']]);
    assert.deepEqual(mask('パスポート TK1234567'), ['パスポート ［旅券番号］', ['passport']]);
    assert.deepEqual(mask('被保険者番号 12345678'), ['被保険者番号 ［保険者番号］', ['insurance_number']]);
  });
  it('leaves the same numbers alone without their keyword', () => {
    const text = 'KB5034441 と 資産番号 1234567 と 12345678901';
    assert.deepEqual(mask(text), [text, []]);
  });
});

describe('privacy: カード番号', () => {
  it('masks every digit of a Luhn-valid card number', () => {
    assert.equal(passesLuhn('4111111111111111'), true);
    assert.deepEqual(mask('カード 4111-1111-1111-1111 で'), ['カード ［カード番号］ で', ['card_number']]);
    assert.deepEqual(mask('4111-1111-1111-1112'), ['4111-1111-1111-1112', []]);
  });
});

describe('privacy: configured types and notice', () => {
  it('masks only the configured types', () => {
    const phoneOnly = createPiiMasker({ types: ['phone'] });
    assert.equal(phoneOnly.mask('山田様 090-1234-5678').text, '山田様 ［電話番号］');
    assert.equal(createPiiMasker({ types: [] }).mask('090-1234-5678').text, '090-1234-5678');
  });
  it('counts the masked items per type', () => {
    assert.deepEqual(masker.mask('090-1234-5678 と 03-1234-5678').counts, { phone: 2 });
  });
});

describe('privacy: 氏名 in Latin letters', () => {
  it('masks capitalised given and family names before an honorific, not vendors and products', () => {
    assert.equal(masker.mask("Patrick O'Brien さんの氏名").text, '［氏名］ さんの氏名');
    assert.equal(masker.mask('「Nguyen Van An」さんの在留カード').text, '「［氏名］」さんの在留カード');
    for (const text of ['Microsoft Teamsさんの障害', 'Dell Technologies さんの保守', 'Windows Update さんが再起動'])
      assert.equal(masker.mask(text).text, text);
  });
});
