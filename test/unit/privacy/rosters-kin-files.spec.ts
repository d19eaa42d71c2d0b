import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 16's rules found by the seventeenth blind batch (test/fixtures/pii/blind-17.jsonl). */
describe('privacy: chat lines, attendees, role fields, given names after a relation, file names, Kyoto lots', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks a common family name as a chat line’s speaker, an attendee after a section, a role field’s value', () => {
    assert.equal(
      mask('高橋: 午後から会議です\n[LoGo] 森田: 了解'),
      '［氏名］: 午後から会議です\n[LoGo] ［氏名］: 了解',
    );
    assert.equal(mask('出席者：総務課 岡田、財政課 吉川（記）'), '出席者：総務課 ［氏名］、財政課 ［氏名］（記）');
    assert.equal(mask('記録：前田　確認：課長'), '記録：［氏名］　確認：課長');
    // Not a family name: a section, a role, a system.
    assert.equal(mask('件名: 会議室予約\n総務課 会議室、財政課 倉庫'), '件名: 会議室予約\n総務課 会議室、財政課 倉庫');
  });

  it('masks a given name right after a relation, not a word after it', () => {
    assert.equal(mask('母の恵子が来庁します'), '母の［氏名］が来庁します');
    assert.equal(mask('（妻）千夏 の資格確認'), '（妻）［氏名］ の資格確認');
    assert.equal(mask('母の日に妻の実家へ'), '母の日に妻の実家へ');
  });

  it('reads a full name between underscores in a file name, a birth date as one number after its keyword', () => {
    assert.equal(mask('申請書_井上真理_20240601.pdf'), '申請書_［氏名］_20240601.pdf');
    assert.equal(mask('児童手当_申請書_2024.pdf'), '児童手当_申請書_2024.pdf');
    assert.equal(mask('生年月日19850722で検索'), '生年月日［生年月日］で検索');
  });

  it('reads a health-insurance society’s 記号 and 番号, not the extension a call went to', () => {
    assert.equal(
      mask('協会けんぽ 記号 4401 番号 2170 の確認'),
      '協会けんぽ 記号 ［保険者番号］ 番号 ［保険者番号］ の確認',
    );
    assert.equal(
      mask('マイナ保険証の確認 → 保険年金課へ転送（内線2231）'),
      'マイナ保険証の確認 → 保険年金課へ転送（内線2231）',
    );
  });

  it('leaves a public facility’s address alone: in brackets after its name, or before 〜の and it', () => {
    assert.equal(mask('市民センター（青葉市本町2-3-4）で開催'), '市民センター（青葉市本町2-3-4）で開催');
    assert.equal(mask('青葉市本町2-3-4の中央公民館で'), '青葉市本町2-3-4の中央公民館で');
    assert.equal(mask('転居先（青葉市本町2-3-4）を登録'), '転居先（［住所］）を登録');
    // An asset label is no address: a lot number has no leading zero.
    assert.equal(mask('資産ラベル「青葉市 2023-0872」'), '資産ラベル「青葉市 2023-0872」');
  });

  it('finds an e-mail address whose @ a link percent-encoded', () => {
    assert.equal(
      mask('https://example.jp/form?mail=sato.h%40example.com&x=1'),
      'https://example.jp/form?mail=［メールアドレス］&x=1',
    );
  });

  it('takes a Kyoto address to its bare lot number', () => {
    assert.equal(mask('住まいは京都市上京区堀川通今出川下る西今町127です'), '住まいは［住所］です');
  });
});
