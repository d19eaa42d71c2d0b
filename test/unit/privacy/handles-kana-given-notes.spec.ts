import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 17's rules found by the eighteenth blind batch (test/fixtures/pii/blind-18.jsonl). */
describe('privacy: user names and handles, hiragana given names, notes about someone, main numbers', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks a user name or handle of a family name and a given name or initial, not an e-mail address or a file type', () => {
    assert.equal(mask('kenta.ogawa 14:03 共有設定お願いします'), '［氏名］ 14:03 共有設定お願いします');
    assert.equal(mask('user=ogawa_kenta host=WS-ZEI-011'), 'user=［氏名］ host=WS-ZEI-011');
    assert.equal(mask('C:\\Users\\yamada.t\\Desktop'), 'C:\\Users\\［氏名］\\Desktop');
    assert.equal(mask('@m.sakamoto 資格確認できますか'), '@［氏名］ 資格確認できますか');
    assert.equal(mask('monshin_0615_ikeda-haruka.pdf を削除'), 'monshin_0615_［氏名］.pdf を削除');
    assert.equal(mask('連絡先 t.yamada@example.jp'), '連絡先 ［メールアドレス］');
    assert.equal(mask('設定は sato.config.json に'), '設定は sato.config.json に');
  });

  it('masks romaji names in lower case, with a comma after capitals, in Kunrei spelling, after a quote', () => {
    assert.equal(mask('taro yamada wrote:'), '［氏名］ wrote:');
    assert.equal(mask('user KOBAYASHI, Naomi (employee ID 204513)'), 'user ［氏名］ (employee ID 204513)');
    assert.equal(mask('誤 Syota Kikuti'), '誤 ［氏名］');
    assert.equal(mask("user 'Sato Kenichi' cannot print."), "user '［氏名］' cannot print.");
    assert.equal(mask('user Yuki Tanaka (Nagoya Office)'), 'user ［氏名］ (Nagoya Office)');
    // A romanised sentence is words (kono mama de).
    assert.equal(mask('kono mama de ii'), 'kono mama de ii');
  });

  it('masks a hiragana given name before さん / くん standing alone, not a kin word, a polite word or a place', () => {
    assert.equal(mask('9:42 ひろみさんから連絡'), '9:42 ［氏名］さんから連絡');
    assert.equal(mask('受給者：はるとくん（小2）'), '受給者：［氏名］くん（小2）');
    assert.equal(mask('不在：ゆかりさん（午後半休）'), '不在：［氏名］さん（午後半休）');
    for (const text of [
      'みなさん、おはよう',
      'おつかれさんです',
      'そちらさんの担当',
      'さんさんタウン２番館',
      '浴室、すいさん場',
    ])
      assert.equal(mask(text), text);
  });

  it('masks a family name a note is about, an attendee in a bulleted minute, a name in an absence list', () => {
    assert.equal(mask('・小林の件、対応済み'), '・［氏名］の件、対応済み');
    assert.equal(mask('隣人の青木という男性から苦情'), '隣人の［氏名］という男性から苦情');
    assert.equal(mask('・岡田：9月予定'), '・［氏名］：9月予定');
    assert.equal(mask('不在者：藤本（年休）'), '不在者：［氏名］（年休）');
    assert.equal(mask('千葉の件で連絡'), '千葉の件で連絡');
    assert.equal(mask('・注意：明日は休み'), '・注意：明日は休み');
  });

  it('masks a full name between a relation and an age; a roster header ending in 氏名 is a header', () => {
    assert.equal(mask('長男 今井 拓海（27）'), '長男 ［氏名］（27）');
    assert.equal(
      mask('児童氏名,保護者氏名,生年月日\nさとう めい,佐藤 直人,R3.5.5'),
      '児童氏名,保護者氏名,生年月日\n［氏名］,［氏名］,［生年月日］',
    );
  });

  it('leaves an office’s main number and a city hall’s address unmasked', () => {
    assert.equal(mask('市民課（代表 0436-22-1111、内線 2101）'), '市民課（代表 0436-22-1111、内線 2101）');
    assert.equal(mask('保険年金課の代表番号 043-000-1250'), '保険年金課の代表番号 043-000-1250');
    assert.equal(mask('代表番号 043-000-1250 と FAX 043-000-1251'), '代表番号 043-000-1250 と FAX 043-000-1251');
    assert.equal(mask('施設電話 043-000-2345'), '施設電話 043-000-2345');
    assert.equal(mask('FAX 0799-22-3146 にお願いします'), 'FAX ［電話番号］ にお願いします');
    assert.equal(
      mask('みどり市役所 〒266-0001 千葉県みどり市中央1-1-1'),
      'みどり市役所 ［郵便番号］ 千葉県みどり市中央1-1-1',
    );
  });

  it('masks a person field after its section, a list of people after a colon, a camel-case name, a possessive (batch 19)', () => {
    assert.equal(mask('端末（利用者：会計課 須藤）'), '端末（利用者：会計課 ［氏名］）');
    assert.equal(mask('作業者：ベンダー 服部'), '作業者：ベンダー ［氏名］');
    assert.equal(
      mask('参加: 情報政策課 松本、伊藤、システム保守 小川(ベンダー)'),
      '参加: 情報政策課 ［氏名］、［氏名］、システム保守 ［氏名］(ベンダー)',
    );
    assert.equal(mask('市民課：佐々木、東'), '市民課：［氏名］、［氏名］');
    assert.equal(mask('お疲れ様です。税務課の増田です。'), 'お疲れ様です。税務課の［氏名］です。');
    assert.equal(mask('kyuuyo_2024_05_SuzukiTaro.xlsx'), 'kyuuyo_2024_05_［氏名］.xlsx');
    assert.equal(mask("why Yuki Hayashi's account"), "why ［氏名］'s account");
    assert.equal(mask('reported by Jun Arai (Finance)'), 'reported by ［氏名］ (Finance)');
    // A full name stays whole; a section or a place list is no one.
    assert.equal(mask('報告者：総務課 今村 由紀（内線 2104）'), '報告者：総務課 ［氏名］（内線 2104）');
    assert.equal(mask('総務課：会議室の予約'), '総務課：会議室の予約');
    assert.equal(mask('OneDrive と PowerPoint'), 'OneDrive と PowerPoint');
  });
  it('masks a log entry’s speaker, a self-introduction after a section, a name in brackets, English names by their parts (batch 20)', () => {
    assert.equal(mask('[2025/02/10 13:05 高田] 再起動しました'), '[2025/02/10 13:05 ［氏名］] 再起動しました');
    assert.equal(mask('2025-02-10 14:20 [保守 小松] ログ確認'), '2025-02-10 14:20 [保守 ［氏名］] ログ確認');
    assert.equal(mask('[14:02] support_安田: 了解です'), '[14:02] support_［氏名］: 了解です');
    assert.equal(mask('10:30 SE 中西 → ベンダーへ連絡'), '10:30 SE ［氏名］ → ベンダーへ連絡');
    assert.equal(mask('福祉課 大橋です。プリンタの件です。'), '福祉課 ［氏名］です。プリンタの件です。');
    assert.equal(mask('設定済み（総務課の 河合）'), '設定済み（総務課の ［氏名］）');
    assert.equal(mask('（中西の社用携帯）'), '（［氏名］の社用携帯）');
    assert.equal(mask('出席者：\n 総務課 野口課長、荒木、堀'), '出席者：\n 総務課 ［氏名］課長、［氏名］、［氏名］');
    assert.equal(mask('作業員：宇野'), '作業員：［氏名］');
    assert.equal(
      mask('The new coordinator is Rebecca Lawson; she starts Monday.'),
      'The new coordinator is ［氏名］; she starts Monday.',
    );
    assert.equal(mask('Contact Haruka Tsukimori (Parks) today'), 'Contact ［氏名］ (Parks) today');
    assert.equal(mask('Assigned to Pham Thi Lan'), 'Assigned to ［氏名］');
    assert.equal(mask('Email Paul Whitman (ALT) first'), 'Email ［氏名］ (ALT) first');
    // Places, placeholders, teams and calendars are no one.
    assert.equal(mask('（千葉の端末）を回収'), '（千葉の端末）を回収');
    assert.equal(mask('the sample user John Doe'), 'the sample user John Doe');
    assert.equal(mask('Kevin Team meeting on Friday'), 'Kevin Team meeting on Friday');
    assert.equal(mask('[2025/02/10 13:05 障害対応] 復旧'), '[2025/02/10 13:05 障害対応] 復旧');
    assert.equal(mask('Open Data Portal and Smart City Office'), 'Open Data Portal and Smart City Office');
  });
  it('reads pipe rows and a よみ column, quoted insurance fields, the 資格確認書, a hiragana family name before です (batch 20)', () => {
    assert.equal(
      mask('No.3｜吉村　直子｜ヨシムラ　ナオコ｜S52.4.9\nNo.4｜堀内　健｜ホリウチ　ケン｜H2.11.30'),
      'No.3｜［氏名］｜［氏名］｜［生年月日］\nNo.4｜［氏名］｜［氏名］｜［生年月日］',
    );
    assert.equal(
      mask('氏名\tよみ\t所属\n野田 亮\tのだ りょう\t財政課'),
      '氏名\tよみ\t所属\n［氏名］\t［氏名］\t財政課',
    );
    assert.equal(
      mask('国保の照会で記号「南07」番号「2210」の方'),
      '国保の照会で記号「［保険者番号］」番号「［保険者番号］」の方',
    );
    assert.equal(
      mask('資格確認書の再交付。対象：記号 31-207 番号 00418'),
      '資格確認書の再交付。対象：記号 ［保険者番号］ 番号 ［保険者番号］',
    );
    assert.equal(mask('さっき電話した ふじい です'), 'さっき電話した ［氏名］ です');
    // Not a name: a hiragana word that is no family name, an error code in the card's sentence.
    assert.equal(mask('これです'), 'これです');
    assert.equal(mask('資格確認書の印刷でエラー(EQ-5031)'), '資格確認書の印刷でエラー(EQ-5031)');
  });
  it('masks listed family names ending like a shop or a section, English ticket parties, lower-case mentions, names before a role in English (batch 20)', () => {
    assert.equal(mask('土屋さんに連絡'), '［氏名］さんに連絡');
    assert.equal(mask('阿部さんの携帯'), '［氏名］さんの携帯');
    assert.equal(mask('申請者は 古川 さん（フルカワ ミキ）。'), '申請者は ［氏名］さん（［氏名］）。');
    assert.equal(mask('Requester: 松井 由美 (Finance)'), 'Requester: ［氏名］ (Finance)');
    assert.equal(mask('Caller: Ms. Anna Kowalski (resident)'), 'Caller: Ms. ［氏名］ (resident)');
    assert.equal(mask('@kimura 明日のVPNトークンお願い'), '@［氏名］ 明日のVPNトークンお願い');
    assert.equal(mask('hayashiさんのPC'), '［氏名］さんのPC');
    assert.equal(mask('Vendor — 吉村 (PM), 小西 (SE)'), 'Vendor — ［氏名］ (PM), ［氏名］ (SE)');
    assert.equal(mask('2. 今村（臨時職員）　内線2311'), '2. ［氏名］（臨時職員）　内線2311');
    assert.equal(mask('起票: 健康づくり課 亀田 / 2025-01-10'), '起票: 健康づくり課 ［氏名］ / 2025-01-10');
    // No one: a shop, a country after a Latin name, a team, a placeholder in quotes, a district in English.
    assert.equal(mask('名古屋さんの件'), '名古屋さんの件');
    assert.equal(mask('Nguyen Van An さん（ベトナム）'), '［氏名］ さん（ベトナム）');
    assert.equal(mask("shows 'John Doe' as the organizer"), "shows 'John Doe' as the organizer");
    assert.equal(mask('@channel 全員確認'), '@channel 全員確認');
    assert.equal(mask('千葉 (Chiba office)'), '千葉 (Chiba office)');
  });
  it('masks a name introduced between spaces, romanised posts, an elongated honorific; a field’s state is no one (batch 21)', () => {
    assert.equal(mask('職員番号 318842 の 石田 です。'), '職員番号 318842 の ［氏名］ です。');
    assert.equal(mask('ケースワーカー 竹内 です 受給者の件'), 'ケースワーカー ［氏名］ です 受給者の件');
    assert.equal(mask('私(松尾)のアドレスに送ってください'), '私(［氏名］)のアドレスに送ってください');
    assert.equal(mask('ashita no kaigi, yoshida san mo kimasu'), 'ashita no kaigi, ［氏名］ san mo kimasu');
    assert.equal(mask('Ito kachou ni okutte'), '［氏名］ kachou ni okutte');
    assert.equal(mask('訪問者：地域包括 保健師 高木'), '訪問者：地域包括 保健師 ［氏名］');
    assert.equal(mask('杉本 さーん、いまいい？'), '［氏名］さーん、いまいい？');
    assert.equal(mask('名義は 個人の オオノ マサミ です'), '名義は 個人の ［氏名］ です');
    assert.equal(mask('名義がカタカナで入らない。システム エラー'), '名義がカタカナで入らない。システム エラー');
    // A field's state, a person by situation, a place, a bank account's number.
    assert.equal(mask('口座名義人が不正です'), '口座名義人が不正です');
    assert.equal(mask('妊婦さんの名前が入らない'), '妊婦さんの名前が入らない');
    assert.equal(mask('発送先は 千葉 です'), '発送先は 千葉 です');
    assert.equal(mask('国保税の還付で 口座番号 1029384'), '国保税の還付で 口座番号 ［口座番号］');
  });
  it('masks pasted machine text and chat heads: speakers at a line’s end, key = value, key tuples, account holders, insured labels (batch 22)', () => {
    assert.equal(mask('[10:21] 窓口 村田\n在留カードの件です'), '[10:21] 窓口 ［氏名］\n在留カードの件です');
    assert.equal(
      mask("UPDATE atena SET yubin = '370-0841' WHERE id = 3"),
      "UPDATE atena SET yubin = '［郵便番号］' WHERE id = 3",
    );
    assert.equal(
      mask('ERROR: duplicate key. Key (hokensha_no, hihokensha_no)=(138209, 00417722) already exists.'),
      'ERROR: duplicate key. Key (hokensha_no, hihokensha_no)=(［保険者番号］, ［保険者番号］) already exists.',
    );
    assert.equal(mask('print failed: kigo=宮03 name=x'), 'print failed: kigo=［保険者番号］ name=x');
    assert.equal(mask('東北銀行 本店 普通 3018822 サイトウ ミホ'), '東北銀行 本店 普通 ［口座番号］ ［氏名］');
    assert.equal(mask('> 被保険者 野村 和子'), '> 被保険者 ［氏名］');
    // A fixed-width screen cut at its header's columns by display width; 記号 and 番号 under an insurance title.
    assert.equal(
      mask(
        '続柄   氏名          生年月日     住民票コード\n世帯主 森 健一       S45.02.11    71230458816\n長男   森 大輝       H15.07.30    71230458827',
      ),
      '続柄   氏名          生年月日     住民票コード\n世帯主 ［氏名］       ［生年月日］    ［住民票コード］\n長男   ［氏名］       ［生年月日］    ［住民票コード］',
    );
    assert.equal(
      mask('後期高齢 資格一覧\n記号\t番号\t氏名\n仙02\t4471\t森 健一'),
      '後期高齢 資格一覧\n記号\t番号\t氏名\n［保険者番号］\t［保険者番号］\t［氏名］',
    );
    assert.equal(mask('備品一覧\n記号\t番号\t品名\nA\t12\t机'), '備品一覧\n記号\t番号\t品名\nA\t12\t机');
    // Not personal data: a device's mail setting, a header row's roles, a bank's company name, examples, placeholders.
    assert.equal(mask('mail = scan-3f@example.lg.jp'), 'mail = scan-3f@example.lg.jp');
    assert.equal(mask('被保険者が死亡したが、届出は'), '被保険者が死亡したが、届出は');
    assert.equal(mask('受給者\t児童\t学年\n岩田 俊\t岩田 結衣\t3年'), '受給者\t児童\t学年\n［氏名］\t［氏名］\t3年');
    assert.equal(mask('記入例）氏名：市役所 花子'), '記入例）氏名：市役所 花子');
    assert.equal(mask('e.g. Name: Marie Curie'), 'e.g. Name: Marie Curie');
    assert.equal(mask('住所 ○○市中央一丁目1番1号'), '住所 ○○市中央一丁目1番1号');
  });
  it('masks a romaji name with a comma, a family name in capitals before a given name, a reading before です, role labels (batch 23)', () => {
    assert.equal(mask('[10:02] Kato, Haruka (財政課)'), '[10:02] ［氏名］ (財政課)');
    assert.equal(mask('cn=KOMATSU Yumi, ou=zeimu'), 'cn=［氏名］, ou=zeimu');
    assert.equal(mask('総務の大塚（おおつか）です。'), '総務の［氏名］（［氏名］）です。');
    assert.equal(mask('株式会社サンプル電機の野口でございます。'), '株式会社サンプル電機の［氏名］でございます。');
    assert.equal(mask('入力者【今井】のまま'), '入力者【［氏名］】のまま');
    assert.equal(mask('関係者：保守ベンダー 石田、当課 大野'), '関係者：保守ベンダー ［氏名］、当課 ［氏名］');
    // Not names: a place and a word in capitals before a common word.
    assert.equal(mask('Tokyo, Japan'), 'Tokyo, Japan');
    assert.equal(mask('SAKURA Mail server'), 'SAKURA Mail server');
  });
});
