import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

// Session 34's general rules for the forty-ninth blind batch's classes (long ticket threads with quoted replies, key:
// value forms, phone notes, call transcripts with fillers, staff lists), each with cases written for this spec.
describe('privacy: ticket threads, forms and transcripts (session 34, forty-ninth blind batch)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  describe('who wrote an entry of a thread or a mail', () => {
    it('masks the writer of a dated entry before wrote: or a colon, not a time’s label', () => {
      assert.equal(
        mask('> 2024/11/02 10:05 保育課 新発田 真弓 wrote:\n> 画面が固まります。'),
        '> 2024/11/02 10:05 保育課 ［氏名］ wrote:\n> 画面が固まります。',
      );
      assert.equal(
        mask('2024/11/02 10:40 ヘルプデスク 岩舘:\nドライバを更新しました。'),
        '2024/11/02 10:40 ヘルプデスク ［氏名］:\nドライバを更新しました。',
      );
      assert.equal(
        mask('2024/11/02 10:40 更新:\n手順を追記しました。'),
        '2024/11/02 10:40 更新:\n手順を追記しました。',
      );
    });
    it('masks a quoted header’s writer after a section, a branch or the desk, also one ending like an office', () => {
      assert.equal(
        mask('> > From: 福祉課 日下部\n> > 至急お願いします。'),
        '> > From: 福祉課 ［氏名］\n> > 至急お願いします。',
      );
      assert.equal(mask('From: 南出張所 鰐淵\n件名: プリンタ'), 'From: 南出張所 ［氏名］\n件名: プリンタ');
      assert.equal(mask('北浜支所長の意見を聞く'), '北浜支所長の意見を聞く');
    });
    it('masks the name closing a party label after its sections, in brackets too', () => {
      assert.equal(mask('（作業者：ヘルプデスク 石動）で対応済み'), '（作業者：ヘルプデスク ［氏名］）で対応済み');
      assert.equal(mask('立会：東支所 庶務係 汐見'), '立会：東支所 庶務係 ［氏名］');
    });
    it('leaves a post standing alone where the name would be', () => {
      assert.equal(mask('確認者：会計室 主任、委託先 SE'), '確認者：会計室 主任、委託先 SE');
      assert.equal(mask('作業者：管財課 係長、保守業者 2名'), '作業者：管財課 係長、保守業者 2名');
    });
    it('masks a display name before an address in round brackets, the person after 本人, a section’s member', () => {
      assert.equal(mask('変更前：曽根 (sone.k@city.example.lg.jp)'), '変更前：［氏名］ (［メールアドレス］)');
      assert.equal(mask('本人(いわさき)には電話で伝えました。'), '本人(［氏名］)には電話で伝えました。');
      assert.equal(mask('本人（確認済み）です'), '本人（確認済み）です');
      assert.equal(mask('市民課の宇都宮さんから電話'), '市民課の［氏名］さんから電話');
      assert.equal(mask('宇都宮市の窓口'), '宇都宮市の窓口');
      assert.equal(mask('市長公室の秘書係長から依頼'), '市長公室の秘書係長から依頼');
    });
    it('masks a maiden name quoted after 旧姓 and a kanji name signing after by', () => {
      assert.equal(mask('旧姓の欄に「タカハシ」と入れたら'), '旧姓の欄に「［氏名］」と入れたら');
      assert.equal(mask('この件は私が見ます。by 上遠野'), 'この件は私が見ます。by ［氏名］');
    });
  });

  describe('lists of staff', () => {
    it('takes a found name ending like an office as a list’s item, and lists under 担当 / 作業者 / 立会', () => {
      assert.equal(mask('担当：岡部、日下部、鍋島'), '担当：［氏名］、［氏名］、［氏名］');
      assert.equal(mask('作業者：(株)ミナトシステム 兼平、宍戸'), '作業者：(株)ミナトシステム ［氏名］、［氏名］');
    });
    it('reads a duty roster by dates (a date’s slash parts nothing)', () => {
      assert.equal(mask('当番：5/3（土）鴨志田、5/4（日）Sato Yui'), '当番：5/3（土）［氏名］、5/4（日）［氏名］');
    });
  });

  describe('forms and transcripts', () => {
    it('masks a kana field’s value, a full name under its label and one broken over two lines', () => {
      assert.equal(mask('カナ: スギウラ マコト'), 'カナ: ［氏名］');
      assert.equal(mask('氏名：\n杉浦 マコト\n電話：なし'), '氏名：\n［氏名］\n電話：なし');
      assert.equal(
        mask('氏名欄が折り返されました：\n長谷部\n直人\n生年月日 平成2年1月3日'),
        '氏名欄が折り返されました：\n［氏名］\n生年月日 ［生年月日］',
      );
    });
    it('masks the writer after a section said in hiragana, and a name said twice, not 担当', () => {
      assert.equal(
        mask('（音声入力）えー ぜいむかの さくらいです あの'),
        '（音声入力）えー ぜいむかの ［氏名］です あの',
      );
      assert.equal(mask('（音声入力）ぜいむかの たんとうです'), '（音声入力）ぜいむかの たんとうです');
      assert.equal(
        mask('えっと、こばやし、こばやし ゆう です、ほいくかの'),
        'えっと、［氏名］、［氏名］ です、ほいくかの',
      );
    });
    it('masks a listed family name set apart between の and です, not another word', () => {
      assert.equal(mask('来週から出張の 石川 です よろしく'), '来週から出張の ［氏名］ です よろしく');
      assert.equal(mask('来週からの 予定 です'), '来週からの 予定 です');
    });
    it('reads a kana year with its counter set apart, and a dictated address with pauses', () => {
      assert.equal(
        mask('せいねんがっぴは せんきゅうひゃくななじゅうに ねん ごがつ みっか です'),
        'せいねんがっぴは ［生年月日］ です',
      );
      assert.equal(mask('じゅうしょは、あおばし、さくらまち、に の いち の ご、です'), 'じゅうしょは、［住所］、です');
    });
  });

  describe('not personal data', () => {
    it('leaves a filler after 名前は, hiragana inside a section’s name, a test account’s values, a ratio', () => {
      assert.equal(mask('はい、名前はですね、あの、サイトウです'), 'はい、名前はですね、あの、［氏名］です');
      assert.equal(mask('所属：こども家庭課'), '所属：こども家庭課');
      assert.equal(
        mask('テスト用のアカウント（氏名「検証 花子」、電話 090-0000-0000）を登録'),
        'テスト用のアカウント（氏名「検証 花子」、電話 090-0000-0000）を登録',
      );
      assert.equal(mask('マイナ保険証の登録率は 48.7% です'), 'マイナ保険証の登録率は 48.7% です');
    });
  });

  describe('residents’ languages and English', () => {
    it('masks an account number after conta or the transfer’s destination', () => {
      assert.equal(
        mask('Meu banco é Banco Sul, agência 12, conta 4410382.'),
        'Meu banco é Banco Sul, agência 12, conta ［口座番号］.',
      );
      assert.equal(mask('振込先が 1234567 になっていました'), '振込先が ［口座番号］ になっていました');
    });
    it('masks a birth date after nasci em, a Vietnamese date, a Vietnamese name after its label', () => {
      assert.equal(mask('Nasci em 2 de maio de 1985 em Lima.'), 'Nasci em ［生年月日］ em Lima.');
      assert.equal(mask('ngày sinh 14 tháng 2 năm 1990'), 'ngày sinh ［生年月日］');
      assert.equal(mask('Họ và tên: TRẦN THỊ HOA, quê Hà Nội'), 'Họ và tên: ［氏名］, quê Hà Nội');
    });
    it('masks a Korean form’s address, an English form’s block-first address and its postal code', () => {
      assert.equal(mask('주소: 미도리시 혼마치 1-2-3 그린하우스 201호, 전화 없음'), '주소: ［住所］, 전화 없음');
      assert.equal(
        mask('Address: 2-5-10 Honcho, Midori, Sunny Court 305, 000-1234 / Tel: none'),
        'Address: ［住所］, ［郵便番号］ / Tel: none',
      );
    });
    it('masks an insurance number on the line under its English label and after seguro de saúde', () => {
      assert.equal(
        mask('Health insurance no.\n12345678\nplease check'),
        'Health insurance no.\n［保険者番号］\nplease check',
      );
      assert.equal(mask('O número do seguro de saúde é 87654321.'), 'O número do seguro de saúde é ［保険者番号］.');
    });
    it('masks a Korean pension number and the name closing a Korean message, not a closing word', () => {
      assert.equal(
        mask('안녕하세요. 국민연금 기초연금번호 1234-567890 관련 문의입니다. 서류는 어디로 보내면 되나요?\n박민수'),
        '안녕하세요. 국민연금 기초연금번호 ［基礎年金番号］ 관련 문의입니다. 서류는 어디로 보내면 되나요?\n［氏名］',
      );
      assert.equal(
        mask('안녕하세요. 국민연금 탈퇴일시금 관련 문의입니다. 서류는 어디로 보내면 되나요?\n이상'),
        '안녕하세요. 국민연금 탈퇴일시금 관련 문의입니다. 서류는 어디로 보내면 되나요?\n이상',
      );
    });
    it('masks a name again in another case, who an action item is given to, a lower-case name after the section', () => {
      assert.equal(
        mask('my display name shows SOPHIE DURAND, please change to Sophie Durand'),
        'my display name shows ［氏名］, please change to ［氏名］',
      );
      assert.equal(
        mask('Action: Hamada to check the logs; (2) Morita will call the vendor.'),
        'Action: ［氏名］ to check the logs; (2) ［氏名］ will call the vendor.',
      );
      assert.equal(mask('Action: Update to the latest version.'), 'Action: Update to the latest version.');
      assert.equal(mask('もう限界 なんとかして 市民課 yuki'), 'もう限界 なんとかして 市民課 ［氏名］');
      assert.equal(mask('なんとかして 市民課 test'), 'なんとかして 市民課 test');
    });
  });
});
