import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

// Session 36's general rules for the fifty-third blind batch's classes (a city desk at the year end, school ICT, a water
// bureau, an election office, a vaccination line, a consumer centre, interpreters; chat exports, ticket CSV, OCR), each
// with cases written for this spec, not taken from the batch.
describe('privacy: offices, parents, kana names, cells, services (session 36, fifty-third blind batch)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  describe('a colleague named right after the office where a value ends', () => {
    it('masks a chat speaker tagged by room, a quoted cell’s reporter and a checklist’s person', () => {
      assert.equal(
        mask('[Slack] 税務課 堀田: 申告書のPDFが開けません'),
        '[Slack] 税務課 ［氏名］: 申告書のPDFが開けません',
      );
      assert.equal(
        mask('"INC-0042","モニタ故障","市民課 窓口係 柳田"'),
        '"INC-0042","モニタ故障","市民課 窓口係 ［氏名］"',
      );
      assert.equal(mask('■ 保育課 みずの → 済'), '■ 保育課 ［氏名］ → 済');
      assert.equal(mask('後任：同課 たなか ゆうか'), '後任：同課 ［氏名］');
    });
    it('takes no next field’s label for a given name', () => {
      assert.equal(
        mask('入力者：住民記録係 村田　確認者：係長 青木'),
        '入力者：住民記録係 ［氏名］　確認者：係長 ［氏名］',
      );
    });
    it('leaves a section, a state and a topic after the office', () => {
      assert.equal(mask('[Slack] 総務課 庶務係: 明日の会議'), '[Slack] 総務課 庶務係: 明日の会議');
      assert.equal(mask('□ 市民課 確認済 → OK'), '□ 市民課 確認済 → OK');
    });
  });

  describe('names set apart by spaces', () => {
    it('masks a child’s full name before の and the writer’s relation, not two words of no listed family name', () => {
      assert.equal(mask('2年3組 中村 大翔の母です。'), '2年3組 ［氏名］の母です。');
      assert.equal(mask('管理 画面の親ウィンドウが閉じます'), '管理 画面の親ウィンドウが閉じます');
    });
    it('masks kana names read as listed family and given names, not other kana words', () => {
      assert.equal(mask('お父さん いけだ こうじ、45歳'), 'お父さん ［氏名］、45歳');
      assert.equal(mask('申込者 かねこ ゆうか さんから電話'), '申込者 ［氏名］ さんから電話');
      assert.equal(mask('きょうは はると くんが休みです'), 'きょうは ［氏名］ くんが休みです');
      assert.equal(mask('しりょうは あした くばります'), 'しりょうは あした くばります');
      assert.equal(mask('（音声入力）あした ごご さんじ から かいぎ'), '（音声入力）あした ごご さんじ から かいぎ');
    });
    it('masks a family name set apart before 先生, not a post', () => {
      assert.equal(mask('養護の 加賀谷 先生に相談'), '養護の ［氏名］ 先生に相談');
      assert.equal(mask('校長 先生に確認'), '校長 先生に確認');
    });
    it('takes no relation said in one kanji nor a nationality’s 籍 into a katakana name, but a one-kanji family name', () => {
      assert.equal(mask('娘 マリア・ロペス さんの予約'), '娘 ［氏名］さんの予約');
      assert.equal(mask('子 アイシャ ちゃんの予約'), '子 ［氏名］ちゃんの予約');
      assert.equal(mask('堀 ハル さんの予約'), '［氏名］さんの予約');
    });
    it('takes the parts of a katakana name before ・ with the part found', () => {
      assert.equal(mask('対応：係員 カルロス・サトウ が案内'), '対応：係員 ［氏名］ が案内');
    });
    it('leaves words for a class of people after a label', () => {
      assert.equal(mask('通報者：中学生 女子'), '通報者：中学生 女子');
      assert.equal(mask('小学生 男児（たかし くん）'), '小学生 男児（［氏名］）');
    });
  });

  describe('signatures known by their shape', () => {
    it('masks a family name of the listed names’ kanji after a closing dash, alone after a blank line, in a block', () => {
      assert.equal(mask('ありがとうございました。—加賀谷'), 'ありがとうございました。—［氏名］');
      assert.equal(mask('了解です。\n\n小野寺'), '了解です。\n\n［氏名］');
      assert.equal(
        mask('以上です。\n――――\nみどり市 子ども課\n主査 古賀谷 健太'),
        '以上です。\n――――\nみどり市 子ども課\n主査 ［氏名］',
      );
    });
  });

  describe('forms copied cell by cell', () => {
    it('masks the name under a person’s name label, each half under its own label, not another label', () => {
      assert.equal(mask('申込者氏名\n早瀬\n葵'), '申込者氏名\n［氏名］');
      assert.equal(mask('氏名（姓）\n青木\n氏名（名）\n美月'), '氏名（姓）\n［氏名］\n氏名（名）\n［氏名］');
      assert.equal(mask('氏名\n生年月日\n住所'), '氏名\n生年月日\n住所');
    });
    it('reads a table one cell a line by its header lines: a date under 生年月日 is a birth date', () => {
      assert.equal(
        mask('No\n氏名\n生年月日\n備考\n1\nAnna Schmidt\n1990/01/02\nなし\n2\nLee Min\n1988/12/30\nなし'),
        'No\n氏名\n生年月日\n備考\n1\n［氏名］\n［生年月日］\nなし\n2\n［氏名］\n［生年月日］\nなし',
      );
    });
    it('masks a hiragana full name typed without a space after its label', () => {
      assert.equal(mask('名前：やまもとゆうき'), '名前：［氏名］');
    });
  });

  describe('residents’ and interpreters’ languages', () => {
    it('masks a name in its own script in brackets after the name found', () => {
      assert.equal(mask('申請者：ビシュヌ・タパ（बिष्णु थापा）'), '申請者：［氏名］（［氏名］）');
    });
    it('masks a name after a Portuguese or Spanish courtesy title, and a contact’s name before its number', () => {
      assert.equal(mask('O senhor Ricardo Tanaka pediu o formulário.'), 'O senhor ［氏名］ pediu o formulário.');
      assert.equal(mask('la señora Rosa Quispe llamó ayer'), 'la señora ［氏名］ llamó ayer');
      assert.equal(mask('Contact: Lucas Pereira, 080-0000-1111'), 'Contact: ［氏名］, ［電話番号］');
    });
    it('masks a lower-case name after "name on card", not other words', () => {
      assert.equal(
        mask('please update the badge, name on card: yui matsuda (new staff)'),
        'please update the badge, name on card: ［氏名］ (new staff)',
      );
      assert.equal(mask('the field name on card: not printed.'), 'the field name on card: not printed.');
      assert.equal(mask('my name is yuki sato, i cant login'), 'my name is ［氏名］, i cant login');
    });
    it('masks a Chinese name set apart before 小姐 / 女士 in traditional script', () => {
      assert.equal(mask('通譯：周雅婷 小姐想問帳單'), '通譯：［氏名］ 小姐想問帳單');
      assert.equal(mask('請問：許嘉玲 女士的帳單'), '請問：［氏名］ 女士的帳單');
    });
    it('masks a pension number’s shape in a Portuguese text about the pension', () => {
      assert.equal(mask('Sobre a pensão: meu número é 4821-305716.'), 'Sobre a pensão: meu número é ［基礎年金番号］.');
    });
  });

  describe('numbers and places of services, not of people', () => {
    it('leaves a free dial named by its centre or dial, masks one given as a caller’s or by its kind', () => {
      assert.equal(
        mask('予約センター（0120-000-111）までお電話ください'),
        '予約センター（0120-000-111）までお電話ください',
      );
      assert.equal(mask('服务中心 0570-000-123'), '服务中心 0570-000-123');
      assert.equal(mask('折り返し先 0120-000-111'), '折り返し先 ［電話番号］');
      assert.equal(mask('フリーダイヤル 0120-000-222'), 'フリーダイヤル ［電話番号］');
    });
    it('takes no office named after the insurance for the label of an insurance number', () => {
      assert.equal(mask('介護保険課の代表番号は 0467-00-1111 です'), '介護保険課の代表番号は 0467-00-1111 です');
    });
    it('masks the 番号 of an insurance certificate whose 記号 is kana', () => {
      assert.equal(
        mask('国保の資格確認書\n記号 ひか\n番号 00123456'),
        '国保の資格確認書\n記号 ひか\n番号 ［保険者番号］',
      );
    });
    it('leaves a polling district’s number and an area of blocks', () => {
      assert.equal(mask('第2投票区 512番 の入場券'), '第2投票区 512番 の入場券');
      assert.equal(mask('本町1丁目〜4丁目の各世帯に配布'), '本町1丁目〜4丁目の各世帯に配布');
    });
    it('masks a Japanese address written in Hangul after 주소', () => {
      assert.equal(mask('주소: 아오바시 미도리초 3-2-1'), '주소: ［住所］');
    });
    it('masks a name ending in 多 before さん', () => {
      assert.equal(mask('本多さんに連絡'), '［氏名］さんに連絡');
    });
  });
});
