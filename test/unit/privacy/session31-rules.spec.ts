import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 31's rules found by the thirty-ninth blind batch (test/fixtures/pii/blind-39.jsonl); invented examples. */
describe('privacy: residents’ scripts, spelt-out addresses, foreign dates and labels (session 31)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks an e-mail address with its @ spelt out, not the word alone', () => {
    assert.equal(mask('問い合わせ先: tomoko.hirai (at) example.com まで'), '問い合わせ先: ［メールアドレス］ まで');
    assert.equal(mask('no (at) sign here'), 'no (at) sign here');
  });

  it('masks a postal code after an English label, not any number of that shape', () => {
    assert.equal(mask('Postcode 150-0042, Tokyo'), 'Postcode ［郵便番号］, Tokyo');
    assert.equal(mask('Build 150-0042 failed'), 'Build 150-0042 failed');
  });

  it('masks a card number in dotted groups only after the card’s name', () => {
    assert.equal(mask('カード番号 4980.0000.1234.5678 で決済'), 'カード番号 ［カード番号］ で決済');
    assert.equal(mask('Version 4980.0000.1234.5678'), 'Version 4980.0000.1234.5678');
  });

  it('reads other scripts’ digits as digits, and a Korean mobile only in a text about Korea', () => {
    assert.equal(mask('फोन: ०९०-१२३४-५६७८'), 'फोन: ［電話番号］');
    assert.equal(mask('연락처: 010-1234-5678'), '연락처: ［電話番号］');
    assert.equal(mask('010-1234-5678 は社内の資産番号'), '010-1234-5678 は社内の資産番号');
  });

  it('masks birth dates spelt out, in residents’ languages, in hiragana and with a spoken の', () => {
    assert.equal(mask('She was born on the third of March, 1952.'), 'She was born on ［生年月日］.');
    assert.equal(mask('Fecha de nacimiento: 3 de julio de 1988'), 'Fecha de nacimiento: ［生年月日］');
    assert.equal(mask('Kaarawan: Marso 14, 1979'), 'Kaarawan: ［生年月日］');
    assert.equal(mask('生年月日は「平成２年の５月９日」です'), '生年月日は「［生年月日］」です');
    assert.equal(mask('うまれ　へいせい２ねん　５がつ　９日'), 'うまれ　［生年月日］');
    // Without a birth word a date stays (a month's name, an era's song).
    assert.equal(mask('the fifth of May meeting'), 'the fifth of May meeting');
    assert.equal(mask('Mayo 2024 schedule'), 'Mayo 2024 schedule');
    assert.equal(mask('しょうわの歌謡曲 ３がつ２日に放送'), 'しょうわの歌謡曲 ３がつ２日に放送');
  });

  it('masks the same birth date written again, in either day-month order, in another calendar or after an arrow', () => {
    assert.equal(
      mask('DOB 03/05/1981 (entered as 1981-05-03 in the system)'),
      'DOB ［生年月日］ (entered as ［生年月日］ in the system)',
    );
    assert.equal(
      mask('Date of birth: 2040/01/15 B.S. (1983-04-28)'),
      'Date of birth: ［生年月日］ B.S. (［生年月日］)',
    );
    assert.equal(mask('生年月日：不明 → 母子手帳で 昭和61年4月2日'), '生年月日：不明 → 母子手帳で ［生年月日］');
    assert.equal(mask('release 2.1 (2024-04-01)'), 'release 2.1 (2024-04-01)');
    // The arrow must stand in the field's own sentence.
    assert.equal(mask('生年月日：未記入。再提出 → 2024年4月1日'), '生年月日：未記入。再提出 → 2024年4月1日');
  });

  it('reads a Python dict’s quoted keys in a log, not keys that name nothing personal', () => {
    assert.equal(
      mask("{'kojin_no': '123456789018', 'seinengappi': '1983-04-28'}"),
      "{'kojin_no': '［マイナンバー］', 'seinengappi': '［生年月日］'}",
    );
    assert.equal(mask("{'status': '2001-01-09'}"), "{'status': '2001-01-09'}");
  });

  it('masks passports after 여권 and after No. in a text about a passport, not an order’s number', () => {
    assert.equal(mask('여권번호: M12345678'), '여권번호: ［旅券番号］');
    assert.equal(
      mask('Passport renewal: Philippines, No. P1234567A'),
      'Passport renewal: Philippines, No. ［旅券番号］',
    );
    assert.equal(mask('Order No. M12345678 shipped'), 'Order No. M12345678 shipped');
  });

  it('masks a town and block after residents’ address labels with the building, and a Korean road address', () => {
    assert.equal(mask('新住所：青葉台4-12-7 メゾン青葉 203'), '新住所：［住所］');
    assert.equal(mask('Endereço: 緑町1-2-3 コーポ緑 105'), 'Endereço: ［住所］');
    assert.equal(mask('住所：みどりが丘3-2-1 みどり荘 2号室'), '住所：［住所］');
    assert.equal(mask('使用場所 若松町3-4-10'), '使用場所 ［住所］');
    assert.equal(mask('前住所 부산광역시 해운대구 해운대로 123, 501호'), '前住所 ［住所］');
    assert.equal(mask('Address: 7-3-1 Higashi-machi, Apt 12'), 'Address: ［住所］');
    // A neighbourhood named with a park or a shelter is a place; a city's road without a number is no address.
    assert.equal(mask('緑町2丁目の公園で清掃'), '緑町2丁目の公園で清掃');
    assert.equal(mask('서울특별시 마포구 청사 안내'), '서울특별시 마포구 청사 안내');
  });

  it('masks names after hiragana, katakana-form and residence-card labels, not the labels alone', () => {
    assert.equal(mask('なまえ：すずき はなこ'), 'なまえ：［氏名］');
    assert.equal(mask('氏名（カタカナ）：マリア・サントス'), '氏名（カタカナ）：［氏名］');
    assert.equal(mask('在留カード: チャン・ティ・ラン'), '在留カード: ［氏名］');
    assert.equal(mask('なまえの欄が空欄'), 'なまえの欄が空欄');
    assert.equal(mask('在留カード: 有効期限切れ'), '在留カード: 有効期限切れ');
  });

  it('masks Hangul and Devanagari names after their labels or introducing their writer', () => {
    assert.equal(mask('안녕하세요, 정우성입니다.'), '안녕하세요, ［氏名］입니다.');
    assert.equal(mask('नाम: राम बहादुर थापा'), 'नाम: ［氏名］');
    assert.equal(mask('성명란이 비어 있어서 다시 제출해 주세요'), '성명란이 비어 있어서 다시 제출해 주세요');
    assert.equal(mask('오늘 서류 접수 완료 확인입니다.'), '오늘 서류 접수 완료 확인입니다.');
  });

  it('masks a name’s other scripts after a slash, in brackets and on the next line', () => {
    assert.equal(mask('성명: 김하늘 / キム・ハヌル'), '성명: ［氏名］ / ［氏名］');
    assert.equal(
      mask('Name: Ram Bahadur Thapa / राम बहादुर थापा\nラム・バハドゥル・タパ\nPhone'),
      'Name: ［氏名］ / ［氏名］\n［氏名］\nPhone',
    );
    assert.equal(mask('山田 太郎（やまだ たろう と読みます）'), '［氏名］（［氏名］ と読みます）');
    // One katakana word after a slash, or the next line after a kanji name, is something else.
    assert.equal(mask('山田 太郎 / サポート'), '［氏名］ / サポート');
    assert.equal(mask('田中 一郎\nログイン・エラー'), '［氏名］\nログイン・エラー');
  });

  it('lets a tagged full name take the place of a given name found with the space before its honorific', () => {
    assert.equal(mask('申請者は 石川 美咲 さん、電話'), '申請者は ［氏名］さん、電話');
    assert.equal(mask('申請者は 阿部 由香 さん、メール'), '申請者は ［氏名］ さん、メール');
  });

  it('reads a title’s dot inside a list of attendees, and offices in it are no one', () => {
    assert.equal(mask('Present: Ms. Grace Liang; vendor team (2)'), 'Present: Ms. ［氏名］; vendor team (2)');
    assert.equal(
      mask('Attendees: Planning Division (3), Legal Affairs (1)'),
      'Attendees: Planning Division (3), Legal Affairs (1)',
    );
  });
});
