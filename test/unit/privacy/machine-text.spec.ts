import assert from 'node:assert/strict';
import { createPiiMasker } from '../../../privacy';

/** Session 12's rules after the eighth blind batch: machine text staff paste into a chat. */
describe('privacy: JSON, logs, SQL, tables and chat mentions', () => {
  const masker = createPiiMasker();
  const mask = (text: string): string => masker.mask(text).text;

  it('masks values whose key names their type, and leaves other keys and placeholders', () => {
    assert.equal(
      mask('{"contact":{"name":"Emily Carter","email":"emily.carter@example.com","id":"u-1182"}}'),
      '{"contact":{"name":"［氏名］","email":"［メールアドレス］","id":"u-1182"}}',
    );
    assert.equal(
      mask('kiso_nenkin_bango=5082-113764 name="川口 正" status=照会済 op=u20117'),
      'kiso_nenkin_bango=［基礎年金番号］ name="［氏名］" status=照会済 op=u20117',
    );
    assert.equal(mask('pan=4111 name=ENDO SATOSHI amount=30000'), 'pan=4111 name=［氏名］ amount=30000');
    assert.equal(
      mask('<applicant><name>片山 直人</name><birth>1991-01-09</birth></applicant>'),
      '<applicant><name>［氏名］</name><birth>［生年月日］</birth></applicant>',
    );
    assert.equal(
      mask('applicant:\n  zip: "064-0820"\n  raw_addr: 札幌市中央区大通西20丁目3-8'),
      'applicant:\n  zip: "［郵便番号］"\n  raw_addr: ［住所］',
    );
    // A bind parameter, a group's name and an empty value are no one's data.
    assert.equal(mask('VALUES ($1, $2) name=情報政策課 tel=null'), 'VALUES ($1, $2) name=情報政策課 tel=null');
  });

  it('masks an INSERT’s values by their columns', () => {
    assert.equal(
      mask(
        "INSERT INTO residents (id, name, kana, birth_date) VALUES (7, '野口 英樹', 'ノグチ ヒデキ', '1966-04-30');",
      ),
      "INSERT INTO residents (id, name, kana, birth_date) VALUES (7, '［氏名］', '［氏名］', '［生年月日］');",
    );
  });

  it('reads English, Markdown and fixed-width tables by their header, the header’s type first', () => {
    assert.equal(
      mask('hihokensha_no,name,care_level,birthday\n0300219934,桜井 ヨシ,要支援1,S06.12.24'),
      'hihokensha_no,name,care_level,birthday\n［保険者番号］,［氏名］,要支援1,［生年月日］',
    );
    assert.equal(
      mask('| 氏名 | 電話 | 備考 |\n|---|---|---|\n| 安藤 里奈 | 0263-32-1180 | 折り返し希望 |\n| （空欄） | | |'),
      '| 氏名 | 電話 | 備考 |\n|---|---|---|\n| ［氏名］ | ［電話番号］ | 折り返し希望 |\n| （空欄） | | |',
    );
  });

  it('masks chat mentions of people, not of groups; role mailboxes and placeholders stay', () => {
    assert.equal(mask('@西川 夏美 さん @北野 さん 明日の当番'), '@［氏名］さん @［氏名］さん 明日の当番');
    assert.equal(mask('@情報政策課 へ連絡'), '@情報政策課 へ連絡');
    assert.equal(mask('mailbox: helpdesk@city.example.lg.jp'), 'mailbox: helpdesk@city.example.lg.jp');
    assert.equal(mask('郵便番号は 000-0000 形式'), '郵便番号は 000-0000 形式');
  });

  it('leaves teams, companies, shared and device mailboxes, job names and dummy values alone', () => {
    for (const text of [
      'Regards,\nIT Service Desk',
      'Kato Electric さんから来た見積書',
      '総務課の共有アドレス somu@city.example.lg.jp に届く',
      '[printer]\nmail = scan-2f@city.example.lg.jp',
      '介護保険システムの月次バッチ（JOB-KAIGO-M01）が 03:12 に異常終了しました。RC=12',
      'IMEI 356938035643809 の端末',
      'マイナンバー入力欄でテスト値「000000000000」が通ります',
      '生年月日が 1900/01/01 のダミーデータ',
      '「090-1234-5678」のような形式を許可する正規表現',
    ])
      assert.equal(mask(text), text);
    // The person is masked, the office in brackets after the name is not.
    assert.equal(mask('user Yuki Tanaka (Nagoya Office) cannot open'), 'user ［氏名］ (Nagoya Office) cannot open');
    // The same number written as someone's is masked.
    assert.equal(mask('携帯は 090-1234-5678 です'), '携帯は ［電話番号］ です');
  });

  it('addresses with Kyoto streets, Hokkaido 条 and 無番地; era years in one kanji', () => {
    assert.equal(mask('京都市下京区西洞院通塩小路下る東塩小路町608番地の9 宛'), '［住所］ 宛');
    assert.equal(mask('住所：北海道帯広市西17条南4丁目25番地12'), '住所：［住所］');
    assert.equal(mask('住所：長野県南佐久郡小海町大字豊里字松原無番地\n'), '住所：［住所］\n');
    assert.equal(mask('生年月日 昭58.4.12（41歳）'), '生年月日 ［生年月日］（41歳）');
  });
});
