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

  it('masks a family name signing a message in brackets or closing a line with a phone, not a district in brackets', () => {
    assert.equal(mask('口座番号これで 1470882\n(西田)'), '口座番号これで ［口座番号］\n(［氏名］)');
    assert.equal(mask('連絡先 090-6612-0078 (夜) 野村'), '連絡先 ［電話番号］ (夜) ［氏名］');
    assert.equal(mask('携帯 090-2281-4773 です😅 ふくだ'), '携帯 ［電話番号］ です😅 ［氏名］');
    assert.equal(mask('中の島公園（立花）。大阪方面（梅田）から'), '中の島公園（立花）。大阪方面（梅田）から');
  });

  it('masks a family name with a katakana given name, a lower-case Latin name before さん and a Latin chat speaker', () => {
    assert.equal(mask('住所 札幌市中央区南3条西7丁目2-8 です 中島 ﾏｻﾙ'), '住所 ［住所］ です ［氏名］');
    assert.equal(mask('子 上野 蓮 R5.4.2 生'), '子 ［氏名］ ［生年月日］ 生');
    assert.equal(mask('taroさんって誰？'), '［氏名］さんって誰？');
    assert.equal(mask('[14:30] Nakamura: the citizen is here'), '[14:30] ［氏名］: the citizen is here');
    assert.equal(mask('NECさんとadminさんに連絡'), 'NECさんとadminさんに連絡');
  });

  it('leaves a form’s example after 記入例（様式…）： or 記入例の and a space', () => {
    assert.equal(
      mask('記入例（様式第5号）：氏名「並木 花子」、生年月日「平成2年4月1日」'),
      '記入例（様式第5号）：氏名「並木 花子」、生年月日「平成2年4月1日」',
    );
    assert.equal(mask('記入例の 山田太郎 のまま提出されてる'), '記入例の 山田太郎 のまま提出されてる');
  });

  it('masks an address whose city is parted from the town by a space or left out after its label, not an office’s', () => {
    assert.equal(mask('自宅：さくら台市 桜木町2-19-3、電話'), '自宅：［住所］、電話');
    assert.equal(mask('住所：緑が丘3-7-1-204　電話'), '住所：［住所］　電話');
    assert.equal(mask('東京都庁（新宿区西新宿2-8-1）で開催'), '東京都庁（新宿区西新宿2-8-1）で開催');
    assert.equal(
      mask('デジタル戦略課（静岡市葵区追手町9-6 県庁内）主催'),
      'デジタル戦略課（静岡市葵区追手町9-6 県庁内）主催',
    );
  });

  it('masks a pension number, a passport number or a My Number by its own shape in a text about it', () => {
    assert.equal(
      mask('基礎年金番号が桁数エラーになります。入力した番号：4302-815967'),
      '基礎年金番号が桁数エラーになります。入力した番号：［基礎年金番号］',
    );
    assert.equal(
      mask('旧旅券番号 TR4815920、新規発給分は MZ2207461 です。'),
      '旧旅券番号 ［旅券番号］、新規発給分は ［旅券番号］ です。',
    );
    assert.equal(
      mask('マイナンバーを書く欄がないので、ここに書きます。長男 482917365502 です。'),
      'マイナンバーを書く欄がないので、ここに書きます。長男 ［マイナンバー］ です。',
    );
    assert.equal(
      mask('被保険者番号 00451239 と個人番号 2241 8870 3156 が一致しません'),
      '被保険者番号 ［保険者番号］ と個人番号 ［マイナンバー］ が一致しません',
    );
    // A number that starts with a date or is named as another's stays.
    assert.equal(
      mask('12桁の数字 202404150001 が受付番号として印字されるのですが、マイナンバーと誤認されないか'),
      '12桁の数字 202404150001 が受付番号として印字されるのですが、マイナンバーと誤認されないか',
    );
    assert.equal(
      mask('ﾃｽﾄ環境なので 基礎年金の番号は 0000-000000 のﾀﾞﾐｰで'),
      'ﾃｽﾄ環境なので 基礎年金の番号は 0000-000000 のﾀﾞﾐｰで',
    );
  });

  it('masks names in a form’s 姓／名／セイ／メイ lines, after 新姓, a writer in a subject’s brackets and a resident introducing themselves', () => {
    assert.equal(
      mask('項目順\n姓：坂本\n名：陽菜\nセイ：サカモト\nメイ：ヒナ'),
      '項目順\n姓：［氏名］\n名：［氏名］\nセイ：［氏名］\nメイ：［氏名］',
    );
    assert.equal(mask('新姓 小野寺（名：真由）'), '新姓 ［氏名］（名：［氏名］）');
    assert.equal(
      mask('【至急】【環境政策課・河野】メールの送信ができません'),
      '【至急】【環境政策課・［氏名］】メールの送信ができません',
    );
    assert.equal(mask('わたしは グエン・ヴァン・ミン です。'), 'わたしは ［氏名］ です。');
    // 件名： and 署名： are no name's label; famous people written with a space stay.
    assert.equal(mask('件名：テスト\n署名：なし'), '件名：テスト\n署名：なし');
    assert.equal(mask('氏名入力例に「夏目 漱石」を使っています'), '氏名入力例に「夏目 漱石」を使っています');
  });

  it('masks a nickname with ちゃん, a family name with a role in brackets before さん, an old era’s short birth date', () => {
    assert.equal(mask('みっちゃんの携帯 ０８０-６６２１-３３９０'), '［氏名］ちゃんの携帯 ［電話番号］');
    assert.equal(mask('おばあちゃんと赤ちゃんとねこちゃん'), 'おばあちゃんと赤ちゃんとねこちゃん');
    assert.equal(mask('佐藤(市民)さん 0562-45-3308'), '［氏名］(市民)さん ［電話番号］');
    assert.equal(mask('[13:41] A: S19.1.9'), '[13:41] A: ［生年月日］');
    // A version, a range's parameter, a job name, an era year past its end stay.
    assert.equal(mask('バージョン S3.2.1 の差分'), 'バージョン S3.2.1 の差分');
    assert.equal(mask('birth_from=S24.4.2 ジョブ S23-11-05 S70.1.2'), 'birth_from=S24.4.2 ジョブ S23-11-05 S70.1.2');
  });

  it('reads English text as foreign staff and residents write it', () => {
    assert.equal(mask('My birthday is 11/05/1986 and'), 'My birthday is ［生年月日］ and');
    assert.equal(
      mask('DOB field contains 1955-12-03 but he says it should be 1955-03-12.'),
      'DOB field contains ［生年月日］ but he says it should be ［生年月日］.',
    );
    assert.equal(mask('Patient: Ahmed Khan, born 5th March 1983.'), 'Patient: ［氏名］, born ［生年月日］.');
    assert.equal(mask("Name: Sarah O'Neill"), 'Name: ［氏名］');
    assert.equal(
      mask('Emergency contact (ALT): Jack Taylor, Mobile: 090-4427-1385'),
      'Emergency contact (ALT): ［氏名］, Mobile: ［電話番号］',
    );
    assert.equal(mask('Name (katakana): ミュラー ハンナ'), 'Name (katakana): ［氏名］');
    assert.equal(
      mask('update by K. Inoue: done. Comment (Tanaka): ok'),
      'update by ［氏名］: done. Comment (［氏名］): ok',
    );
    assert.equal(mask('Nama saya Budi Santoso, technical intern.'), 'Nama saya ［氏名］, technical intern.');
    assert.equal(
      mask('on behalf of my mother, Elena Petrova. Her card: insurer number 138016'),
      'on behalf of my mother, ［氏名］. Her card: insurer number ［保険者番号］',
    );
    assert.equal(mask('My zairyu card is PL20493817DE.'), 'My zairyu card is ［旅券番号］.');
    assert.equal(mask('refund to Yokohama Bank, futsu 1038274.'), 'refund to Yokohama Bank, futsu ［口座番号］.');
    assert.equal(mask('Address: Sunny Heights 203, 4-6-12 Kamisugi, Aoba-ku, Sendai-shi, Miyagi'), 'Address: ［住所］');
    assert.equal(
      mask('Shipping to: Hiroshi Kato, 3-8-21 Minami-Aoyama, Minato-ku, Tokyo'),
      'Shipping to: ［氏名］, ［住所］',
    );
    // A file's name, a form's next label, a birthplace.
    assert.equal(mask('File name: Report Final'), 'File name: Report Final');
    assert.equal(mask('I was born in Osaka and moved in 2019-04-01'), 'I was born in Osaka and moved in 2019-04-01');
  });

  it('reads the records of personnel and payroll systems', () => {
    assert.equal(mask('夫 福島 翼（建設課）と子 福島 湊 が登録'), '夫 ［氏名］（建設課）と子 ［氏名］ が登録');
    assert.equal(mask('AUDIT user=K20418(坂本 陽子) action=punch_in'), 'AUDIT user=K20418(［氏名］) action=punch_in');
    assert.equal(mask('名義：キクチ マサル（菊池 勝）。'), '名義：［氏名］（［氏名］）。');
    assert.equal(mask('北関東システムズ 田島 の携帯 090-4418-5530'), '北関東システムズ ［氏名］ の携帯 ［電話番号］');
    assert.equal(mask('北森銀行 市役所出張所 普通 332058'), '北森銀行 市役所出張所 普通 ［口座番号］');
    assert.equal(
      mask('クレジットカード番号を入力する画面で、4539 7812 0364 5518 と入れたら'),
      'クレジットカード番号を入力する画面で、［カード番号］ と入れたら',
    );
    assert.equal(
      mask('生年月日が 1988年2月29日 のはずが 1988年3月1日 になっています'),
      '生年月日が ［生年月日］ のはずが ［生年月日］ になっています',
    );
    // An example under a heading closed by （記入例）, a manual's 入力例, a birth date before 1900.
    assert.equal(
      mask('テンプレート（記入例）\n氏名：山田 太郎　生年月日：平成14年4月1日'),
      'テンプレート（記入例）\n氏名：山田 太郎　生年月日：平成14年4月1日',
    );
    assert.equal(mask('「入力例」では生年月日欄に「1867年2月9日」'), '「入力例」では生年月日欄に「1867年2月9日」');
    assert.equal(mask('利子 福島 翼'), '利子 福島 翼');
  });

  it('masks rare family names by where they stand: with their reading, after a phone, on a duty roster', () => {
    assert.equal(
      mask('ＩＤロックの解除をお願いします。黛（まゆずみ）です。'),
      'ＩＤロックの解除をお願いします。［氏名］（［氏名］）です。',
    );
    // A name of no list made of the listed names' kanji (高森, 北森, 宮森).
    assert.equal(mask('登録携帯：080 7721 4096（高森）'), '登録携帯：［電話番号］（［氏名］）');
    assert.equal(mask('電話ください。０８０ー３３１２ー９０４７ 北森'), '電話ください。［電話番号］ ［氏名］');
    assert.equal(
      mask('当番表\n11/12 宮森 080-2270-5518\n11/14 北ノ森 070-6637-1102'),
      '当番表\n11/12 ［氏名］ ［電話番号］\n11/14 ［氏名］ ［電話番号］',
    );
    assert.equal(
      mask('住民票コードの移行データ\n正：08214736509\n誤：08214763509'),
      '住民票コードの移行データ\n正：［住民票コード］\n誤：［住民票コード］',
    );
    // A gloss, whose number it is, a list's topic, a department's numbers.
    assert.equal(mask('住所の字（あざ）が抜けている'), '住所の字（あざ）が抜けている');
    assert.equal(
      mask('折返し：090-3385-7021（夕方以降） 042-318-7702（自宅） 0120-95-0178（無料）'),
      '折返し：［電話番号］（夕方以降） ［電話番号］（自宅） ［電話番号］（無料）',
    );
    assert.equal(mask('1) 10:05 宇佐美様 0584-73-2210 国保'), '1) 10:05 ［氏名］様 ［電話番号］ 国保');
    assert.equal(mask('電話06-6489-6264（土地）・6265'), '電話［電話番号］（土地）・6265');
  });

  it('reads double-barrelled names, a name spoken with, a name on a form, a name before a field’s colon, insurer numbers', () => {
    assert.equal(mask('Mr. Oluwaseun Adebayo-Clarke, DOB 12/04/1987'), 'Mr. ［氏名］, DOB ［生年月日］');
    assert.equal(
      mask('Spoke with Hiroko Tanabe (Welfare Div.) — she needs'),
      'Spoke with ［氏名］ (Welfare Div.) — she needs',
    );
    assert.equal(mask('Name on form: Marcus Lindgren.'), 'Name on form: ［氏名］.');
    assert.equal(mask('application of Mr. Kenjiro Amami: basic pension'), 'application of Mr. ［氏名］: basic pension');
    assert.equal(
      mask('Insurer no. 138214, insured no. 4417-0926. She was born on 22nd July 1979.'),
      'Insurer no. ［保険者番号］, insured no. ［保険者番号］. She was born on ［生年月日］.',
    );
  });

  it('reads a lower-case romaji name with a listed given name, and a Hangul name outside Korean prose', () => {
    assert.equal(
      mask('user: kanzaki haruto (Kosodate Shien-ka) reports'),
      'user: ［氏名］ (Kosodate Shien-ka) reports',
    );
    assert.equal(
      mask('can u reset pw for eri kobayashi (user id: tz0412)?'),
      'can u reset pw for ［氏名］ (user id: tz0412)?',
    );
    assert.equal(mask('KIM SEOYEON (김서연), DOB 1997.03.21'), '［氏名］ (［氏名］), DOB ［生年月日］');
    // Romanised words and Korean prose stay.
    assert.equal(mask('kono mama de ii desu'), 'kono mama de ii desu');
    assert.equal(mask('안녕하세요 저는 학생입니다 감사합니다 네'), '안녕하세요 저는 학생입니다 감사합니다 네');
  });
});
