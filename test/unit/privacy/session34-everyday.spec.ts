import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

// Session 34's general rules (the forty-eighth blind batch's classes: chatbot questions, operators' notes, HR and
// payroll, school ICT, shelter lists, pasted tables), each with cases written for this spec.
describe('privacy: questions, payroll and school text (session 34, forty-eighth blind batch)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  describe('a question signed or a message to be passed on', () => {
    it('masks a listed family name set apart after the sentence’s end, not a place’s name nor 以上', () => {
      assert.equal(
        mask('共有フォルダに入れません。見てもらえますか　石井'),
        '共有フォルダに入れません。見てもらえますか　［氏名］',
      );
      assert.equal(
        mask('共有フォルダに入れません。見てもらえますか　千葉'),
        '共有フォルダに入れません。見てもらえますか　千葉',
      );
      assert.equal(
        mask('共有フォルダの件、よろしくお願いします。 以上'),
        '共有フォルダの件、よろしくお願いします。 以上',
      );
    });
    it('masks a signing name in half-width katakana, a foreign resident’s in katakana and a second reading in hiragana', () => {
      assert.equal(mask('ﾌﾟﾘﾝﾀｶﾞ ｳｺﾞｷﾏｾﾝ ﾀﾅｶ'), 'ﾌﾟﾘﾝﾀｶﾞ ｳｺﾞｷﾏｾﾝ ［氏名］');
      assert.equal(mask('ﾃﾞｰﾀｶﾞ ｷｴﾏｼﾀ ｼｷｭｳ'), 'ﾃﾞｰﾀｶﾞ ｷｴﾏｼﾀ ｼｷｭｳ');
      assert.equal(mask('在留カードの更新はどこですか　グエン'), '在留カードの更新はどこですか　［氏名］');
      assert.equal(mask('在留カードの更新はどこですか　サーバー'), '在留カードの更新はどこですか　サーバー');
      assert.equal(mask('印刷が止まったままです　ふじはら'), '印刷が止まったままです　［氏名］');
    });
    it('masks a romaji family name with the given name’s initial, not a product’s letter', () => {
      assert.equal(mask('受付：Kato M.'), '受付：［氏名］');
      assert.equal(mask('引継ぎ先 matsumoto k. に確認'), '引継ぎ先 ［氏名］ に確認');
      assert.equal(mask('Windows X. の件'), 'Windows X. の件');
    });
    it('masks the family name a message is to be passed to, and the writer after a staff number', () => {
      assert.equal(mask('高橋に明日の会議室変更って伝えといて'), '［氏名］に明日の会議室変更って伝えといて');
      assert.equal(mask('明日に延期って伝えといて'), '明日に延期って伝えといて');
      assert.equal(mask('職員番号 C22018 の長岡です'), '職員番号 C22018 の［氏名］です');
    });
  });

  describe('family members and rosters', () => {
    it('masks a name between a relation and の before that person’s data, not 名義 or 宛', () => {
      assert.equal(mask('次男 岳 の個人番号を登録'), '次男 ［氏名］ の個人番号を登録');
      assert.equal(mask('長女 ひまり の保険証が届きません'), '長女 ［氏名］ の保険証が届きません');
      assert.equal(mask('母 名義 の口座を登録'), '母 名義 の口座を登録');
      assert.equal(mask('父 宛 の住所'), '父 宛 の住所');
    });
    it('masks a given name after a relation before a birth date in brackets, not an honorific', () => {
      assert.equal(mask('長男：蒼（平成30年4月2日生）を追加'), '長男：［氏名］（［生年月日］生）を追加');
      assert.equal(mask('妻 様（平成元年1月2日生）'), '妻 様（［生年月日］生）');
    });
    it('masks a guardian between the relation and the phone, and the child before the guardian’s brackets', () => {
      assert.equal(
        mask('連絡網\n3 すみよし はる（父 すみよし けん 090-0000-2222）'),
        '連絡網\n3 ［氏名］（父 ［氏名］ ［電話番号］）',
      );
      assert.equal(mask('父 日中 連絡 090-0000-2222'), '父 日中 連絡 ［電話番号］');
    });
    it('masks a name broken after its first kanji when the pieces make a listed family name', () => {
      assert.equal(mask('宛名が\n渡\n辺 健一\nと出ます'), '宛名が\n［氏名］\nと出ます');
      assert.equal(mask('当番\n林\n森 太郎'), '当番\n林\n［氏名］');
    });
    it('reads ツ inside a kanji name, and a katakana name before 先生', () => {
      assert.equal(mask('氏名：六ツ川 達也'), '氏名：［氏名］');
      assert.equal(mask('スミス・ジョン 先生の授業'), '［氏名］ 先生の授業');
    });
    it('masks a rare full name after 対象 in a person’s record, not a scope after 対象', () => {
      assert.equal(mask('住民票の写しの交付。対象 柊木 蒼真'), '住民票の写しの交付。対象 ［氏名］');
      assert.equal(mask('対象 保育 施設'), '対象 保育 施設');
      assert.equal(mask('対象 一部 業務'), '対象 一部 業務');
    });
    it('masks a listed Latin family name after a section in a list, and a Nepali name after नाम without a colon', () => {
      assert.equal(mask('未提出：経理課 Garcia、人事課 Smith'), '未提出：経理課 ［氏名］、人事課 ［氏名］');
      assert.equal(mask('दर्ता: नाम सीता गुरुङ, फोन 080-0000-1234'), 'दर्ता: नाम ［氏名］, फोन ［電話番号］');
    });
  });

  describe('lists, rows and quotes', () => {
    it('masks the names and numbers of the rows under a title naming the numbers listed', () => {
      assert.equal(
        mask('研修参加者の旅券番号一覧\n企画課 三好 葵　TK1234567\n国際課 Maria Lopez　P1234567A'),
        '研修参加者の旅券番号一覧\n企画課 ［氏名］　［旅券番号］\n国際課 ［氏名］　［旅券番号］',
      );
      assert.equal(
        mask('扶養親族の個人番号一覧\n長男 翔太 1234 5678 9012'),
        '扶養親族の個人番号一覧\n長男 ［氏名］ ［マイナンバー］',
      );
    });
    it('masks both readings of a name split in two cells beside a date, not two katakana words of data', () => {
      assert.equal(mask('0093,佐野,美咲,サノ,ミサキ,1990/02/03'), '0093,［氏名］,［氏名］,［氏名］,［生年月日］');
      assert.equal(mask('佐野,美咲,テスト,ケース'), '［氏名］,テスト,ケース');
    });
    it('masks the kana form quoted beside a Latin name found when both read the same', () => {
      assert.equal(mask('「Sumiyoshi Haru」さんと「すみよしはる」'), '「［氏名］」さんと「［氏名］」');
      assert.equal(mask('「さくら」「Sakura Internet」'), '「さくら」「Sakura Internet」');
    });
    it('leaves 同上 in a roster’s address column', () => {
      assert.equal(
        mask('名前\t住所\t電話\n上野 直子\tみどり野市緑町1-2-3\t090-0000-1111\n上野 健\t同上\t090-0000-2222'),
        '名前\t住所\t電話\n［氏名］\t［住所］\t［電話番号］\n［氏名］\t同上\t［電話番号］',
      );
    });
  });

  describe('numbers, labels and addresses', () => {
    it('reads the passport’s and the insurance card’s labels as voice input writes them', () => {
      assert.equal(mask('ぱすぽーとばんごうは TK1234567 です'), 'ぱすぽーとばんごうは ［旅券番号］ です');
      assert.equal(mask('ひほけんしゃばんごう 10293847 です'), 'ひほけんしゃばんごう ［保険者番号］ です');
    });
    it('masks ゆうちょ’s 記号番号 as an account when the sentence before names the bank', () => {
      assert.equal(
        mask('振込口座はゆうちょです。記号番号は 12345-67891234 です'),
        '振込口座はゆうちょです。記号番号は ［口座番号］ です',
      );
    });
    it('masks a postal code before an address without its hyphen, not another number’s', () => {
      assert.equal(mask('転居先 1500042 みどり野市緑町1-2-3'), '転居先 ［郵便番号］ ［住所］');
      assert.equal(mask('会員番号 1234567 千葉市中央区新町1-2-3'), '会員番号 1234567 ［住所］');
    });
    it('ends an address before a number’s label on the next line', () => {
      assert.equal(
        mask('住所　みどり野市緑町２丁目３番地４\n郵便番号　１２３－４５６７'),
        '住所　［住所］\n郵便番号　［郵便番号］',
      );
    });
  });

  describe('not personal data', () => {
    it('leaves くん inside a word voice input wrote, and letters set apart on a scanned line', () => {
      assert.equal(mask('あしたは ひなんくんれんです'), 'あしたは ひなんくんれんです');
      assert.equal(mask('ゆうたくんが来た'), '［氏名］くんが来た');
      assert.equal(mask('請 求 書\n金 額  ¥ 1 2 , 0 0 0'), '請 求 書\n金 額  ¥ 1 2 , 0 0 0');
      assert.equal(
        mask('領 収 書\n氏 名  林　和 也\n金 額  ¥ 3 , 0 0 0'),
        '領 収 書\n氏 名  ［氏名］\n金 額  ¥ 3 , 0 0 0',
      );
    });
    it('leaves a value labelled for tests', () => {
      assert.equal(
        mask('検証用の電話番号：090-1234-5678 に発信してください'),
        '検証用の電話番号：090-1234-5678 に発信してください',
      );
      assert.equal(mask('テスト用マイナンバー 1234 5678 9018 を入力'), 'テスト用マイナンバー 1234 5678 9018 を入力');
      assert.equal(mask('テスト用の端末から 090-1234-5678 に電話'), 'テスト用の端末から ［電話番号］ に電話');
    });
  });
});
