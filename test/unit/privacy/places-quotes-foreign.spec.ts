import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 14's rules, found by the thirteenth blind batch (test/fixtures/pii/blind-13.jsonl). */
describe('privacy: family names that are places, quoted names, foreign names, examples', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks a family name that is also a place before a person’s verb or in a list of people, not the place', () => {
    assert.equal(
      mask('長野から連絡あり。様式の確認をお願いします。'),
      '［氏名］から連絡あり。様式の確認をお願いします。',
    );
    assert.equal(mask('岡山にはさっき口頭で伝えました。'), '［氏名］にはさっき口頭で伝えました。');
    assert.equal(mask('福岡が休みなので代わりに対応します。'), '［氏名］が休みなので代わりに対応します。');
    assert.equal(
      mask('石川が午後の情報セキュリティ研修に参加します。'),
      '［氏名］が午後の情報セキュリティ研修に参加します。',
    );
    assert.equal(mask('CC: 上野 / 浅野 / 星野\nお疲れ様です。'), 'CC: ［氏名］ / ［氏名］ / ［氏名］\nお疲れ様です。');
    assert.equal(mask('宛先：岡山 直樹; 福島 さやか; 谷口 健'), '宛先：［氏名］; ［氏名］; ［氏名］');
    // Places stay places: a prefecture's office, a branch, a business trip, a city with no person's verb.
    assert.equal(
      mask('石川県の研修は長野支所の分と一緒に申し込みます。'),
      '石川県の研修は長野支所の分と一緒に申し込みます。',
    );
    assert.equal(mask('来週は千葉に出張します。'), '来週は千葉に出張します。');
    assert.equal(mask('沼津から連絡あり。'), '沼津から連絡あり。');
  });

  it('masks a family name quoted alone as a person, and one after an extension', () => {
    assert.equal(
      mask('「大塚」「内田」の2名のロック解除をお願いします'),
      '「［氏名］」「［氏名］」の2名のロック解除をお願いします',
    );
    assert.equal(mask('「田中」と名乗る人物から電話'), '「［氏名］」と名乗る人物から電話');
    assert.equal(mask('新しい姓は「木下」です。'), '新しい姓は「［氏名］」です。');
    assert.equal(mask('折返しは 内線 318 の 近藤 までお願いします'), '折返しは 内線 318 の ［氏名］ までお願いします');
    assert.equal(mask('連絡先【内線2231／090-4418-2760】'), '連絡先【内線2231／［電話番号］】');
    assert.equal(mask('path/03-1234-5678'), 'path/03-1234-5678');
    assert.equal(mask('新旅券番号 TK7720184（旧 TH3309921）'), '新旅券番号 ［旅券番号］（旧 ［旅券番号］）');
    assert.equal(mask('携帯 090-1111-2222（旧：080-3333-4444）'), '携帯 ［電話番号］（旧：［電話番号］）');
    assert.equal(mask('携帯 090-1111-2222（旧 内線）'), '携帯 ［電話番号］（旧 内線）');
    // A quoted word that is no name, and a quoted place.
    assert.equal(mask('「確認」ボタンを押してください'), '「確認」ボタンを押してください');
  });

  it('masks labelled and foreign names: 投稿者, 申請者名「…」, a bracket after the label, a Latin name at a line’s end', () => {
    assert.equal(mask('投稿者：村田'), '投稿者：［氏名］');
    assert.equal(mask('申請者名「根本 亜希子」が印字されない'), '申請者名「［氏名］」が印字されない');
    assert.equal(mask('対象者（ハリス ジェームズ）の旅券'), '対象者（［氏名］）の旅券');
    assert.equal(mask('氏名：Emily Carter\n所属：国際交流課'), '氏名：［氏名］\n所属：国際交流課');
    assert.equal(mask('グエン・ヴァン・ナム（技能実習生）の転入届'), '［氏名］（技能実習生）の転入届');
    assert.equal(mask('任用職員 ハンナ・シュミット（英語指導）'), '任用職員 ［氏名］（英語指導）');
    assert.equal(mask('対象者（全職員）に通知'), '対象者（全職員）に通知');
    assert.equal(mask('マイクロソフト・チームズ（職員向け）'), 'マイクロソフト・チームズ（職員向け）');
  });

  it('masks introductions and sign-offs (English and a family name alone), roster lines, buildings with ・', () => {
    assert.equal(mask('My name is Daniel Whitmore and I moved.'), 'My name is ［氏名］ and I moved.');
    assert.equal(mask('Call me.\nBest regards\nAhmed Khan'), 'Call me.\nBest regards\n［氏名］');
    assert.equal(mask('account holder MARTINEZ CARLOS.'), 'account holder ［氏名］.');
    assert.equal(mask('住所 静岡県浜松市中央区鍛冶町100-1 ザ・鍛冶町タワー1502'), '住所 ［住所］');
    assert.equal(
      mask('〒143-0023 東京都大田区山王2-5-13-201\nTEL 03-5718-2249'),
      '［郵便番号］ ［住所］\nTEL ［電話番号］',
    );
    assert.equal(mask('Thank you.\nBest Regards'), 'Thank you.\nBest Regards');
    assert.equal(mask('急ぎは携帯にお願いします。\n― 佐野'), '急ぎは携帯にお願いします。\n― ［氏名］');
    assert.equal(
      mask('1. 松井　090-6234-1187\n2. 代表　03-1111-2222'),
      // An office's main number is published, no one's (session 17).
      '1. ［氏名］　［電話番号］\n2. 代表　03-1111-2222',
    );
    assert.equal(mask('よろしくお願いします。\n以上'), 'よろしくお願いします。\n以上');
    assert.equal(
      mask('保険者番号 33130018 でエラー。記号 201、番号 4477。'),
      '保険者番号 ［保険者番号］ でエラー。記号 ［保険者番号］、番号 ［保険者番号］。',
    );
    assert.equal(mask('記号 201、番号 4477。'), '記号 201、番号 4477。');
    assert.equal(
      mask('「住民票コード記載あり」を選んだら、コード欄に 99397874890 が印字されました。'),
      '「住民票コード記載あり」を選んだら、コード欄に ［住民票コード］ が印字されました。',
    );
  });

  it('leaves examples, placeholder addresses and cartoon characters alone', () => {
    assert.equal(
      mask('山田太郎（記入例）と書かれた様式です。記入例の電話番号 090-0000-0000 も消してください。'),
      '山田太郎（記入例）と書かれた様式です。記入例の電話番号 090-0000-0000 も消してください。',
    );
    assert.equal(mask('田中さんの申請書（記入例）'), '［氏名］さんの申請書（記入例）');
    assert.equal(mask('user@example.com のような形式'), 'user@example.com のような形式');
    assert.equal(mask('サザエさんのイラストを使いたい'), 'サザエさんのイラストを使いたい');
  });
});
