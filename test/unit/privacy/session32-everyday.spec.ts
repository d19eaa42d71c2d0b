import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 32's rules found by the forty-third blind batch (test/fixtures/pii/blind-43.jsonl); invented examples. */
describe('privacy: everyday desk text — titles, handovers, mentions, signatures, rosters, forms (session 32, batch 43)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks a listed romaji family name after an English title, also in lower case, not an office', () => {
    assert.equal(
      mask('Approved by Manager Kobayashi; the change ran at 22:00.'),
      'Approved by Manager ［氏名］; the change ran at 22:00.',
    );
    assert.equal(mask('call back mr. tanaka (somu) tomorrow'), 'call back mr. ［氏名］ (somu) tomorrow');
    assert.equal(mask('Chief Sales Office opens at 9.'), 'Chief Sales Office opens at 9.');
  });

  it('masks the listed romaji family name a task is handed to or a log is kept by, not a shift or a device', () => {
    assert.equal(mask('- 11:20 escalated to Nakamura'), '- 11:20 escalated to ［氏名］');
    assert.equal(mask('- 15:00 handover to yamada'), '- 15:00 handover to ［氏名］');
    assert.equal(mask('- 15:00 handover to Monday shift'), '- 15:00 handover to Monday shift');
    assert.equal(mask('3/4 duty log (kimura):'), '3/4 duty log (［氏名］):');
    assert.equal(mask('3/4 duty log (printer):'), '3/4 duty log (printer):');
  });

  it('masks a mention of two Hepburn words and Family, Given cells of a list, not a team or a status', () => {
    assert.equal(mask('@Fujimoto Aya 資料を共有しました'), '@［氏名］ 資料を共有しました');
    assert.equal(mask('@Sales Team 資料を共有しました'), '@Sales Team 資料を共有しました');
    assert.equal(mask('参加者 / Garcia, Maria / 井上 / Smith, John'), '参加者 / ［氏名］ / ［氏名］ / ［氏名］');
    assert.equal(mask('Status: Error, Please retry'), 'Status: Error, Please retry');
  });

  it('masks a dash signature closing the message with a common given name, not a word', () => {
    assert.equal(
      mask('the printer on 2F is jammed again 😩 — Sarah'),
      'the printer on 2F is jammed again 😩 — ［氏名］',
    );
    assert.equal(
      mask('can someone reset my password? -- emily tan, planning'),
      'can someone reset my password? -- ［氏名］, planning',
    );
    assert.equal(mask('please restart the server - Access'), 'please restart the server - Access');
  });

  it('masks a listed romaji family name after a Japanese role in a list, and a Latin name ending with a full stop', () => {
    assert.equal(
      mask('委託 ことのはシステム 営業 Kobayashi / SE 吉田'),
      '委託 ことのはシステム 営業 ［氏名］ / SE ［氏名］',
    );
    assert.equal(mask('氏名 Inoue Shin’ya.'), '氏名 ［氏名］.');
    assert.equal(
      mask('SURNAME: TAKADA / GIVEN NAMES: MIO / 国籍 日本'),
      'SURNAME: ［氏名］ / GIVEN NAMES: ［氏名］ / 国籍 日本',
    );
  });

  it('masks a chat speaker with a Latin role in brackets, a family name joined to a post, a label’s section’s (name)', () => {
    assert.equal(
      mask('[09:12] 秋山（IT support）: 共有フォルダ移行します'),
      '[09:12] ［氏名］（IT support）: 共有フォルダ移行します',
    );
    assert.equal(
      mask('[09:12] 会議室（IT support）: 共有フォルダ移行します'),
      '[09:12] 会議室（IT support）: 共有フォルダ移行します',
    );
    assert.equal(mask('係長小池の確認済みです。'), '係長［氏名］の確認済みです。');
    assert.equal(mask('部長会議の確認済みです。'), '部長会議の確認済みです。');
    assert.equal(mask('返却者：道路維持課（吉野）→ 3/10'), '返却者：道路維持課（［氏名］）→ 3/10');
  });

  it('masks the name between the post and the phone of a numbered roster line in any script, not a placeholder', () => {
    assert.equal(mask('連絡網\n3. 主任 わだ 080-0000-1234'), '連絡網\n3. 主任 ［氏名］ ［電話番号］');
    assert.equal(mask('連絡網\n4. 主任 みてい 080-0000-1235'), '連絡網\n4. 主任 みてい ［電話番号］');
  });

  it('masks a family name closing the message after the writer’s section, not a place', () => {
    assert.equal(mask('ご確認ください。\n\n会計課 水野'), 'ご確認ください。\n\n会計課 ［氏名］');
    assert.equal(mask('資料を転送しました。人事 村田'), '資料を転送しました。人事 ［氏名］');
    assert.equal(mask('ご確認ください。\n\n出張先 長野'), 'ご確認ください。\n\n出張先 長野');
  });

  it('masks a hiragana name alone after 名前 and a space, and a name said after a section with んー', () => {
    assert.equal(mask('子の名前 ゆうと（漢字は未定）'), '子の名前 ［氏名］（漢字は未定）');
    assert.equal(mask('子の名前 なし'), '子の名前 なし');
    assert.equal(mask('（音声入力）総務課の、んー、みずの です'), '（音声入力）総務課の、んー、［氏名］ です');
  });

  it('masks a birth date under its label line; a date named another date is no birth date', () => {
    assert.equal(mask('お名前\n林 一郎\n生年月日\n1988年6月21日'), 'お名前\n［氏名］\n生年月日\n［生年月日］');
    assert.equal(
      mask('生年月日 1990年4月5日。免許の有効期限は 2027年4月5日。'),
      '生年月日 ［生年月日］。免許の有効期限は 2027年4月5日。',
    );
  });

  it('masks a number read out in groups where it is written together, a pension number in any grouping', () => {
    assert.equal(
      mask('還付口座の番号 4 4 0 2 1 1 8 を控えました。通帳の番号も 4402118 です。'),
      '還付口座の番号 ［口座番号］ を控えました。通帳の番号も ［口座番号］ です。',
    );
    assert.equal(mask('基礎年金番号 98-76 543210 が読み取れない'), '基礎年金番号 ［基礎年金番号］ が読み取れない');
    assert.equal(mask('基礎年金番号の窓口 03-1234-5678 に電話'), '基礎年金番号の窓口 ［電話番号］ に電話');
  });

  it('reads a dictated number over hesitations after の', () => {
    assert.equal(
      mask('マイナンバーは いちにさんよん の … えー ごろくななはち の きゅうぜろいちに です'),
      'マイナンバーは ［マイナンバー］ です',
    );
  });

  it('leaves 枝番, a desk’s display name and a public building’s address', () => {
    assert.equal(
      mask('国保 記号 12 番号 3456789 枝番 02 の方'),
      '国保 記号 ［保険者番号］ 番号 ［保険者番号］ 枝番 02 の方',
    );
    assert.equal(
      mask('差出人: Kotonoha Service Desk <noreply@example.jp>'),
      '差出人: Kotonoha Service Desk <noreply@example.jp>',
    );
    assert.equal(mask('本庁舎 ことのは市中央2丁目3番4号 へ移転'), '本庁舎 ことのは市中央2丁目3番4号 へ移転');
    assert.equal(mask('住所 ことのは市中央2丁目3番4号 へ転居'), '住所 ［住所］ へ転居');
  });
});
