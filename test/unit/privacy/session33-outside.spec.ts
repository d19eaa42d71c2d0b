import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

// Session 33's third set of general rules (the forty-seventh blind batch's classes: what reaches the IT desk from other
// departments, residents and contractors), each with cases written for this spec.
describe('privacy: text from outside the IT department (session 33, forty-seventh blind batch)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  describe('an office’s published numbers and mailboxes', () => {
    it('leaves a geographic number named by the section it rings, before it or in brackets after it', () => {
      assert.equal(
        mask('窓口案内：子育て支援課 0467-00-2210／環境課 0467-00-2230'),
        '窓口案内：子育て支援課 0467-00-2210／環境課 0467-00-2230',
      );
      assert.equal(
        mask('問い合わせは 0467-00-2210（子育て支援課）まで'),
        '問い合わせは 0467-00-2210（子育て支援課）まで',
      );
      assert.equal(
        mask('情報政策課直通 0467-00-2299 を載せてください'),
        '情報政策課直通 0467-00-2299 を載せてください',
      );
    });
    it('still masks a person’s direct line, a free dial after a desk and a mobile named 公用', () => {
      assert.equal(mask('連絡は 松尾 直通 0467-00-2345 へ'), '連絡は 松尾 直通 ［電話番号］ へ');
      assert.equal(mask('保守窓口：0120-000-771'), '保守窓口：［電話番号］');
      assert.equal(mask('公用携帯 080-0000-2219 に転送'), '公用携帯 ［電話番号］ に転送');
    });
    it('leaves a shared box’s and a facility’s mailbox', () => {
      assert.equal(
        mask('共有BOX jinji-kyuyo@city.example.lg.jp がいっぱいです'),
        '共有BOX jinji-kyuyo@city.example.lg.jp がいっぱいです',
      );
      assert.equal(mask('To: 公民館 <kominkan@city.example.lg.jp>'), 'To: 公民館 <kominkan@city.example.lg.jp>');
    });
  });

  describe('not personal data', () => {
    it('leaves a count grouped by thousands after an insurance card’s word', () => {
      assert.equal(mask('被保険者証の発送件数は 18,204件です。'), '被保険者証の発送件数は 18,204件です。');
    });
    it('leaves the role name columns of a header row and a state in a number’s column', () => {
      assert.equal(
        mask('生徒名\t保護者名\t電話\n松井 蓮\t松井 葵\t090-0000-1187'),
        '生徒名\t保護者名\t電話\n［氏名］\t［氏名］\t［電話番号］',
      );
      assert.equal(
        mask('氏名\t個人番号\n岡 拓真\t確認中\n河合 咲\t8835 1270 6614'),
        '氏名\t個人番号\n［氏名］\t確認中\n［氏名］\t［マイナンバー］',
      );
    });
    it('leaves a trade in brackets after a Latin name, and an adjective after 氏名が', () => {
      assert.equal(mask('出席：林、Lại Thị Hoa（通訳）'), '出席：［氏名］、［氏名］（通訳）');
      assert.equal(mask('申込者の氏名が長すぎて入りません'), '申込者の氏名が長すぎて入りません');
      assert.equal(mask('メールの氏名が長くて切れます'), 'メールの氏名が長くて切れます');
    });
    it('leaves the quoted values of a form’s example field', () => {
      assert.equal(
        mask('記入例欄は「氏名：鈴木 一郎」「生年月日：昭和50年5月5日」のままです'),
        '記入例欄は「氏名：鈴木 一郎」「生年月日：昭和50年5月5日」のままです',
      );
    });
  });

  describe('Japanese names by the structure around them', () => {
    it('finds a writer introduced after the section and の, and a full name opening a quoted message', () => {
      assert.equal(
        mask('子育て支援課の 宮脇 です。印刷できません。'),
        '子育て支援課の ［氏名］ です。印刷できません。',
      );
      assert.equal(
        mask('件名: 申請について\n古谷 誠です。書類は届きましたか'),
        '件名: 申請について\n［氏名］です。書類は届きましたか',
      );
      assert.equal(
        mask('お疲れさまです　長谷川でーす　パスワード再発行お願いします'),
        'お疲れさまです　［氏名］でーす　パスワード再発行お願いします',
      );
    });
    it('finds the name a mobile number is given for, but not 公用 before 携帯', () => {
      assert.equal(
        mask('搬入の立会いは設備係長の坂巻（携帯 080-0000-4471）です。'),
        '搬入の立会いは設備係長の［氏名］（携帯 ［電話番号］）です。',
      );
      assert.equal(
        mask('明日は 村瀬 と2名で伺います。\n村瀬 携帯 090-0000-3318'),
        '明日は ［氏名］ と2名で伺います。\n［氏名］ 携帯 ［電話番号］',
      );
    });
    it('finds a kana name after 名前, a family name after a post, a company or a vendor and の', () => {
      assert.equal(mask('名前 すぎもと で登録しました'), '名前 ［氏名］ で登録しました');
      assert.equal(mask('図書館長補佐の 森下 が対応します'), '図書館長補佐の ［氏名］ が対応します');
      assert.equal(mask('委託業者の村井と係長の堀が行きます'), '委託業者の［氏名］と係長の［氏名］が行きます');
    });
    it('finds a full name after a label ending in 者 past the sections and the post, not a word run on to 者', () => {
      assert.equal(mask('依頼者 保険年金課 資格係 柏木 友梨。'), '依頼者 保険年金課 資格係 ［氏名］。');
      assert.equal(mask('報告者：教諭 堂本 浩二'), '報告者：教諭 ［氏名］');
      assert.equal(mask('被保険者証 再交付'), '被保険者証 再交付');
    });
    it('finds a chat mention and the hiragana signing under a section or after a closing request', () => {
      assert.equal(mask('@ちひろ 資料を共有しました'), '@［氏名］ 資料を共有しました');
      assert.equal(mask('ログインできません\n\nこども課\nかなえ'), 'ログインできません\n\nこども課\n［氏名］');
      assert.equal(
        mask('プリンタが詰まりました。よろしくお願いします\n\nみのり'),
        'プリンタが詰まりました。よろしくお願いします\n\n［氏名］',
      );
      assert.equal(mask('プリンタが詰まりました\nよろしく'), 'プリンタが詰まりました\nよろしく');
    });
    it('finds a katakana name under カナ氏名 and a name before 様宅 without the お客様 before it', () => {
      assert.equal(mask('カナ氏名\nタカセ　ミドリ'), 'カナ氏名\n［氏名］');
      assert.equal(mask('（お客様 宇佐美 様宅）'), '（お客様 ［氏名］様宅）');
    });
  });

  describe('other scripts, Latin names and addresses', () => {
    it('finds a Thai, a Russian and an Arabic form’s name, birth date and passport', () => {
      assert.equal(
        mask('ชื่อ-นามสกุล: สมชาย ใจดี\nวันเกิด: 12 สิงหาคม 1985\nหนังสือเดินทาง: AA1234567'),
        'ชื่อ-นามสกุล: ［氏名］\nวันเกิด: ［生年月日］\nหนังสือเดินทาง: ［旅券番号］',
      );
      assert.equal(mask('ФИО: Иван Петров\nДата рождения: 03.04.1979'), 'ФИО: ［氏名］\nДата рождения: ［生年月日］');
      assert.equal(mask('اسمي فاطمة الزهراء\nتاريخ الميلاد: 1992/07/21'), 'اسمي ［氏名］\nتاريخ الميلاد: ［生年月日］');
      assert.equal(mask('Số thẻ bảo hiểm: 4471 0923'), 'Số thẻ bảo hiểm: ［保険者番号］');
    });
    it('finds a street address abroad and a lower-case name after named', () => {
      assert.equal(mask('New address: 8 Avenue Foch, Paris, France'), 'New address: ［住所］');
      assert.equal(
        mask('a student named aoi suzuki has a locked account'),
        'a student named ［氏名］ has a locked account',
      );
      assert.equal(mask('I named the file report final'), 'I named the file report final');
    });
    it('finds romaji names in two-cell rows before a section, in any case', () => {
      assert.equal(mask('Gomez Ana,国際交流課\ntakeda RYO,税務課'), '［氏名］,国際交流課\n［氏名］,税務課');
    });
    it('reads a prefecture’s shape before a city, and a block of flats’ number after its name', () => {
      assert.equal(mask('〒000-1234 北浜県みなと市桜町3丁目2番地 桜団地 2-105'), '［郵便番号］ ［住所］');
    });
  });
});
