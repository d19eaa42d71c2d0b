import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 28's rules found by the twenty-fourth to twenty-sixth blind batches (test/fixtures/pii/blind-24…26.jsonl). */
describe('privacy: voice memos, phone lines, citizens’ records relayed by staff', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks a full name whose family part kuromoji reads as a place and whose given part it cuts into single kanji', () => {
    assert.equal(mask('・服部 陽菜（はっとり ひな）　建設課'), '・［氏名］（［氏名］）　建設課');
    // The full name wins over the given name an honorific found alone.
    assert.equal(mask('服部 陽菜さん'), '［氏名］さん');
    // Two cells under a header stay two names; a town's name before a space stays a place.
    assert.equal(
      mask('番号,姓,名,生年月日\n1024,山口,真由美,1985-09-30'),
      '番号,姓,名,生年月日\n1024,［氏名］,［氏名］,［生年月日］',
    );
    assert.equal(mask('服部 北口 行き'), '服部 北口 行き');
  });

  it('masks the writer’s name after an office written with a space or after a greeting and 、', () => {
    assert.equal(
      mask('保険年金課 国民年金係の前川（まえかわ）です。'),
      '保険年金課 国民年金係の［氏名］（［氏名］）です。',
    );
    assert.equal(
      mask('お世話になってます、総務の菅野（かんの）です。'),
      'お世話になってます、総務の［氏名］（［氏名］）です。',
    );
    assert.equal(mask('お世話になっております、総務課です。'), 'お世話になっております、総務課です。');
  });

  it('reads numbers, dates and addresses dictated by voice input as they would be typed', () => {
    assert.equal(mask('電話番号 は 0 3 の 3 2 1 0 の 4 4 5 6 です'), '電話番号 は ［電話番号］ です');
    assert.equal(mask('折り返しは 090 ハイフン 3344 ハイフン 5566 です'), '折り返しは ［電話番号］ です');
    assert.equal(mask('お電話番号 ぜろよんごーろく よんなな ろくろくぜろいち です'), 'お電話番号 ［電話番号］ です');
    assert.equal(mask('生年月日 1985 年 12 月 3 日 です'), '生年月日 ［生年月日］ です');
    assert.equal(mask('パスポート番号は エム ゼット 4 0 7 7 1 2 8 です'), 'パスポート番号は ［旅券番号］ です');
    assert.equal(mask('住所が 神奈川県 相模原市 中央区 淵野辺 4 丁目 17 番 9 号 です'), '住所が ［住所］ です');
    // Kana that only sound like digits, and numbers typed as such, stay as they are.
    assert.equal(mask('午後 に いち ど ご 連絡'), '午後 に いち ど ご 連絡');
    assert.equal(mask('会議は 2024 年 4 月 1 日 です'), '会議は 2024 年 4 月 1 日 です');
    assert.equal(mask('手順 1 2 3 の 順で'), '手順 1 2 3 の 順で');
  });

  it('masks a name in a relayed record: before a birth date, an age or a relation, after a role, before a post', () => {
    assert.equal(mask('・河合 ヨシ（昭和5年3月20日生、特養入所中）'), '・［氏名］（［生年月日］生、特養入所中）');
    assert.equal(mask('祖母（熊谷 ハナ、大正14年6月1日生）'), '祖母（［氏名］、［生年月日］生）');
    assert.equal(mask('本人は福田 キヨ（母）。'), '本人は［氏名］（母）。');
    assert.equal(mask('児童：今井 蒼空。'), '児童：［氏名］。');
    assert.equal(mask('対象者A：大橋 隆（記号 62）'), '対象者A：［氏名］（記号 62）');
    assert.equal(mask('再発行済／職員：竹内'), '再発行済／職員：［氏名］');
    assert.equal(mask('調査員は 池田。'), '調査員は ［氏名］。');
    assert.equal(mask('教頭 川村 先生より'), '教頭 ［氏名］ 先生より');
    assert.equal(mask('生活安全課の 石井 巡査部長 から照会'), '生活安全課の ［氏名］ 巡査部長 から照会');
    assert.equal(mask('子育て支援課の 中島 から、'), '子育て支援課の ［氏名］ から、');
    assert.equal(mask('（丸山 と名乗る男性）'), '（［氏名］ と名乗る男性）');
    assert.equal(mask('パッチ適用済み by 今村'), 'パッチ適用済み by ［氏名］');
    assert.equal(mask('宛名：ハセガワ リョウ'), '宛名：［氏名］');
    assert.equal(mask('やまもと たろう さん'), '［氏名］ さん');
    // A spaced honorific is no given name; words that are no family names stay.
    assert.equal(mask('すずき さんが'), '［氏名］ さんが');
    assert.equal(mask('本人は来庁していません（母）'), '本人は来庁していません（母）');
    assert.equal(mask('データ エラー'), 'データ エラー');
    assert.equal(mask('職員：会計年度任用'), '職員：会計年度任用');
  });

  it('masks lone given names in English by their introduction, a chat line, a mention, a header or a people list', () => {
    assert.equal(mask('Hi, David here (ALT). Can someone help?'), 'Hi, ［氏名］ here (ALT). Can someone help?');
    assert.equal(mask("Hey it's Ryan, new phone"), "Hey it's ［氏名］, new phone");
    assert.equal(
      mask("Jake: VPN's down again @Ayumi can u check?"),
      "［氏名］: VPN's down again @［氏名］ can u check?",
    );
    assert.equal(mask('To: Tanabe-san\nCc: Mark\nDone.'), 'To: ［氏名］-san\nCc: ［氏名］\nDone.');
    assert.equal(
      mask('Attendee list: Kimura, Abe, Fernandez (vendor). Room: Hinoki.'),
      'Attendee list: ［氏名］, ［氏名］, ［氏名］ (vendor). Room: Hinoki.',
    );
    assert.equal(mask('please update the master. Best, Sophie'), 'please update the master. Best, ［氏名］');
    assert.equal(mask('Can you check? Thx, Priya'), 'Can you check? Thx, ［氏名］');
    // The same person's name elsewhere in the text.
    assert.equal(
      mask('From: "Sarah Mitchell" <sm@example.com>\nCould you re-send it? -Sarah'),
      'From: "［氏名］" <［メールアドレス］>\nCould you re-send it? -［氏名］',
    );
    // Not names: a note's label, a list of groups.
    assert.equal(mask('Note: the server restarts at 9'), 'Note: the server restarts at 9');
    assert.equal(mask('Attendees: All staff, IT Team'), 'Attendees: All staff, IT Team');
  });

  it('masks names in log heads and keys, hiragana names before posts and particles, card and account fields', () => {
    assert.equal(mask('--- 2024/10/21 15:20 市民課 武田 ---\n窓口'), '--- 2024/10/21 15:20 市民課 ［氏名］ ---\n窓口');
    assert.equal(mask('[10:03] ヘルプデスク(横山): 確認します。'), '[10:03] ヘルプデスク(［氏名］): 確認します。');
    assert.equal(mask('INFO auth display="岡部 孝" ip=10.0.0.1'), 'INFO auth display="［氏名］" ip=10.0.0.1');
    assert.equal(mask('"requested_by": "人事課 村田",'), '"requested_by": "人事課 ［氏名］",');
    assert.equal(mask('author=system'), 'author=system');
    assert.equal(mask('さっき　いのうえ　から電話あった'), 'さっき　［氏名］　から電話あった');
    assert.equal(mask('うえだ部長のiPhone'), '［氏名］部長のiPhone');
    assert.equal(mask('ひがし から 入って'), 'ひがし から 入って');
    assert.equal(mask('お願いします。福祉課の大野でした'), 'お願いします。福祉課の［氏名］でした');
    assert.equal(
      mask('被保険者の資格喪失日が違います。\n記号：55-301\n番号：1024'),
      '被保険者の資格喪失日が違います。\n記号：［保険者番号］\n番号：［保険者番号］',
    );
    assert.equal(
      mask('資格確認書の誤交付（記号 18 番号 3320）'),
      '資格確認書の誤交付（記号 ［保険者番号］ 番号 ［保険者番号］）',
    );
    assert.equal(mask('・口座番号：055512'), '・口座番号：［口座番号］');
    assert.equal(mask('備品一覧 記号 A1 番号 12'), '備品一覧 記号 A1 番号 12');
  });

  it('masks the corrected value beside a value found, and both values of a correction record naming the item', () => {
    assert.equal(
      mask('生年月日が 1992.11.08 で登録されているが、本人申告は 1992.08.11。'),
      '生年月日が ［生年月日］ で登録されているが、本人申告は ［生年月日］。',
    );
    assert.equal(mask('生年月日S55.3.2じゃなくてS55.3.12でした'), '生年月日［生年月日］じゃなくて［生年月日］でした');
    assert.equal(
      mask('修正項目：生年月日\n誤）1988/07/14\n正）1988/01/14'),
      '修正項目：生年月日\n誤）［生年月日］\n正）［生年月日］',
    );
    // A date that is no correction stays; so does a correction record of another item.
    assert.equal(mask('生年月日 S55.3.2、受付は 2024/05/01'), '生年月日 ［生年月日］、受付は 2024/05/01');
    assert.equal(
      mask('修正項目：提出期限\n誤）2024/07/14\n正）2024/07/15'),
      '修正項目：提出期限\n誤）2024/07/14\n正）2024/07/15',
    );
  });

  it('masks foreign residents’ names after a relation or a script’s label, a known Latin name before 様, English labels', () => {
    assert.equal(
      mask('在留カード表記：NGUYEN THI HONG NHUNG\nカナ併記：グエン ティ ホン ニュン'),
      '在留カード表記：［氏名］\nカナ併記：［氏名］',
    );
    assert.equal(mask('父 Mohammed AL-RASHID\n子 Yusuf（7）'), '父 ［氏名］\n子 ［氏名］（7）');
    assert.equal(
      mask('世帯主 SANTOS OLIVEIRA, Carlos Eduardo（サントス オリベイラ カルロス エドゥアルド）'),
      '世帯主 ［氏名］（［氏名］）',
    );
    assert.equal(mask('10:40 Lee様 転入'), '10:40 ［氏名］様 転入');
    assert.equal(mask('Microsoftさん'), 'Microsoftさん');
    assert.equal(mask('Her pension no. is 5012-348876.'), 'Her pension no. is ［基礎年金番号］.');
    assert.equal(mask('his account number changed to 0098123;'), 'his account number changed to ［口座番号］;');
    assert.equal(mask('折返し 090-6281-4470／14時以降希望'), '折返し ［電話番号］／14時以降希望');
    assert.equal(mask('表記 データ エラー'), '表記 データ エラー');
  });

  it('masks a family name after a section or a company at an item’s end, a katakana family name, a name found alone again', () => {
    assert.equal(mask('参加：広報課 秋山／情報政策課 関'), '参加：広報課 ［氏名］／情報政策課 ［氏名］');
    assert.equal(mask('（株）ミライソフト 安藤、'), '（株）ミライソフト ［氏名］、');
    assert.equal(mask('桁数チェックの問題ですか？ 税務課小池'), '桁数チェックの問題ですか？ 税務課［氏名］');
    assert.equal(mask('これ本人のですか？ (国保 川口)'), 'これ本人のですか？ (国保 ［氏名］)');
    assert.equal(mask('折り返しはサトウでお願いします。'), '折り返しは［氏名］でお願いします。');
    assert.equal(
      mask('・書かない窓口のデモ（安藤さん）\n・安藤：申請書'),
      '・書かない窓口のデモ（［氏名］さん）\n・［氏名］：申請書',
    );
    assert.equal(mask('Birth date: 14 March 1992.'), 'Birth date: ［生年月日］.');
    assert.equal(
      mask('お世話になっております。○○市情報政策課の中野です。'),
      'お世話になっております。○○市情報政策課の［氏名］です。',
    );
    // Not names: an entry named for its action, a section's window, a product in katakana.
    assert.equal(mask('[09:20] 一次対応：APの状態確認。'), '[09:20] 一次対応：APの状態確認。');
    assert.equal(mask('市民課 窓口、'), '市民課 窓口、');
    assert.equal(mask('ロッカーまでお願いします'), 'ロッカーまでお願いします');
  });

  it('masks Latin names in a Japanese attendee list, before their katakana reading, in passport fields, after a section', () => {
    assert.equal(mask('出席：Aoki, Morita, Lee（ALT）'), '出席：［氏名］, ［氏名］, ［氏名］（ALT）');
    assert.equal(
      mask('名前が長くて入らない。NGUYEN THI THANH HUYEN（グエン・ティ・タイン・フエン）、'),
      '名前が長くて入らない。［氏名］（［氏名］）、',
    );
    assert.equal(mask('姓 / Surname KATO\n名 / Given name MIKI'), '姓 / Surname ［氏名］\n名 / Given name ［氏名］');
    assert.equal(mask('・情報政策課　Kevin O’Brien（CIO補佐官）'), '・情報政策課　［氏名］（CIO補佐官）');
    assert.equal(
      mask('基礎年金番号 5501-203948 の人と 5501-203984 の人'),
      '基礎年金番号 ［基礎年金番号］ の人と ［基礎年金番号］ の人',
    );
    // Products with their reading, a list of sections, another code after a label stay.
    assert.equal(mask('Trend Micro（トレンド マイクロ）'), 'Trend Micro（トレンド マイクロ）');
    assert.equal(mask('出席：市民課、情報政策課'), '出席：市民課、情報政策課');
    // A branch's code without an account's number is a bank's master data (session 37; batches 17, 18, 28, 34, 49).
    assert.equal(mask('支店コード 045、金融機関コード 0009 を'), '支店コード 045、金融機関コード 0009 を');
  });

  it('reads words broken across a line as PDFs copy them, not a table’s rows, a name list or two names', () => {
    assert.equal(mask('生年月日：昭和\n50年11月2日'), '生年月日：［生年月日］');
    assert.equal(mask('住所：鹿児島県鹿児島市\n郡元3丁目7番22号'), '住所：［住所］');
    assert.equal(mask('担当：吉田\n 菅原さんへ再実行依頼済み。'), '担当：［氏名］\n ［氏名］さんへ再実行依頼済み。');
    assert.equal(mask('@情報政策課 @全員\n本日 18:00 から'), '@情報政策課 @全員\n本日 18:00 から');
  });

  it('masks chat heads copied from Teams, Japanese names in a mail header, quoted CSV names; not a form’s example', () => {
    assert.equal(mask('[14:05] 遠藤（情報政策課）: 確認します'), '[14:05] ［氏名］（情報政策課）: 確認します');
    assert.equal(mask('[16:01] Fernandes, Lucas\nI will share'), '[16:01] ［氏名］\nI will share');
    assert.equal(mask('[13:30] ジョンソン・マイケル（ALT）: 学校の'), '[13:30] ［氏名］（ALT）: 学校の');
    assert.equal(mask('情報システム係 西村 13:43\n資産番号を'), '情報システム係 ［氏名］ 13:43\n資産番号を');
    assert.equal(mask('Cc: 坂本 純一; 川口 美樹'), 'Cc: ［氏名］; ［氏名］');
    assert.equal(mask('"0042","井上 大樹","福岡市"'), '"0042","［氏名］","福岡市"');
    assert.equal(mask('児童1  : 斎藤 結衣  H30.05.02'), '児童1  : ［氏名］  ［生年月日］');
    assert.equal(
      mask('kiso_nenkin_no,name_kanji,birthday\n5270-113984,大野 幸子,1956/03/22'),
      'kiso_nenkin_no,name_kanji,birthday\n［基礎年金番号］,［氏名］,［生年月日］',
    );
    assert.equal(
      mask('申請書の記入例（氏名：山田 太郎、生年月日：昭和50年1月1日）のフォント'),
      '申請書の記入例（氏名：山田 太郎、生年月日：昭和50年1月1日）のフォント',
    );
    assert.equal(mask('[09:00] 一次対応 (HD)'), '[09:00] 一次対応 (HD)');
    assert.equal(mask('定例会議 13:30'), '定例会議 13:30');
  });

  it('masks a romanised family name in brackets after a desk’s role, and digits an OCR read box by box', () => {
    assert.equal(mask('[11:22 AM] Helpdesk (Yamaguchi)\nSure.'), '[11:22 AM] Helpdesk (［氏名］)\nSure.');
    assert.equal(mask('reset performed by helpdesk (K. Ishida).'), 'reset performed by helpdesk (［氏名］).');
    assert.equal(mask('thx (from Ota)'), 'thx (from ［氏名］)');
    assert.equal(mask('口座番号 ［０］［３］［４］［５］［６］［７］［８］'), '口座番号 ［口座番号］');
    assert.equal(mask('Support (Tokyo)'), 'Support (Tokyo)');
    assert.equal(mask('Support (Windows)'), 'Support (Windows)');
  });
});
