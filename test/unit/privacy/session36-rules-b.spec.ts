import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

// Session 36's general rules for the fifty-fourth blind batch's classes (personnel transfers, childcare enrolment, a
// drill roll call, public housing, a consultation log, chat exports, configuration snippets, a faxed form), each with
// cases written for this spec, not taken from the batch.
describe('privacy: posts, labels, chat heads, readings, settings, OCR dashes (session 36, fifty-fourth blind batch)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  describe('the kanji 一 between Arabic digits is a dash', () => {
    it('reads a phone number and an address with it', () => {
      assert.equal(mask('電話 048一123一4567 までお願いします'), '電話 ［電話番号］ までお願いします');
      assert.equal(mask('所在地 ひばり野市中町45一3'), '所在地 ［住所］');
    });
  });

  describe('a name set apart closing the text after the last sentence', () => {
    it('masks a kanji family name and a listed hiragana one', () => {
      assert.equal(mask('申請書は明日出します　高津'), '申請書は明日出します　［氏名］');
      assert.equal(mask('添付のとおり修正しました。　いしだ'), '添付のとおり修正しました。　［氏名］');
    });
  });

  describe('chat heads alone on their line', () => {
    it('masks the name after a date, a time and a role, and a full name alone after a time', () => {
      assert.equal(
        mask('[2025/06/02 10:11] 窓口(委託) 大橋\n受付番号を教えてください'),
        '[2025/06/02 10:11] 窓口(委託) ［氏名］\n受付番号を教えてください',
      );
      assert.equal(mask('[09:15] 楠 ちひろ\nおはようございます'), '[09:15] ［氏名］\nおはようございます');
    });
    it('masks handles before an honorific and a handle speaking after a time', () => {
      assert.equal(mask('@sakura.t さん確認お願いします'), '@［氏名］ さん確認お願いします');
      assert.equal(mask('09:30 haruto.ogawa: ログインできません'), '09:30 ［氏名］: ログインできません');
    });
    it('leaves a state after a role, and a team mentioned in kanji and katakana', () => {
      assert.equal(mask('[08:40] 情シス 確認中\n再起動します'), '[08:40] 情シス 確認中\n再起動します');
      assert.equal(mask('@総務チーム 資料お願いします'), '@総務チーム 資料お願いします');
    });
  });

  describe('a post before a name', () => {
    it('masks a kanji full name closing a value, but no state words', () => {
      assert.equal(
        mask('primary=係長 堀 千秋\nsecondary=主査 承認 済'),
        'primary=係長 ［氏名］\nsecondary=主査 承認 済',
      );
    });
    it('masks a Latin name after a post, keeping the employment term, and before a birth date', () => {
      assert.equal(mask('・会計課 技師　Oliveira, Bruno（非常勤）'), '・会計課 技師　［氏名］（非常勤）');
      assert.equal(mask('・Thapa Anjali　1990-08-21生'), '・［氏名］　［生年月日］生');
    });
    it('masks a listed katakana family name before a post', () => {
      assert.equal(mask('ヤマダ部長に確認'), '［氏名］部長に確認');
    });
  });

  describe('hiragana names by their label', () => {
    it('masks two hiragana words after a person’s label, typed or dictated', () => {
      assert.equal(mask('申込者：おおの はるか（平成30年5月1日生）'), '申込者：［氏名］（［生年月日］生）');
      assert.equal(mask('しんせいしゃは、いしだ ゆうと、でんわは'), 'しんせいしゃは、［氏名］、でんわは');
    });
    it('masks one word after なまえ, a name before と名乗る, a listed family name before さま', () => {
      assert.equal(mask('なまえ　しらかわ'), 'なまえ　［氏名］');
      assert.equal(mask('窓口の男性、かわしま と名乗った。'), '窓口の男性、［氏名］ と名乗った。');
      assert.equal(mask('そうだんしゃは やまもとさまです'), 'そうだんしゃは ［氏名］さまです');
    });
  });

  describe('the other half and the reading of a name found', () => {
    it('joins a hiragana given name after the same family name and drops a relation eaten into the name', () => {
      assert.equal(mask('保護者：中井 蒼／中井 みお\n住所'), '保護者：［氏名］／［氏名］\n住所');
      assert.equal(mask('相手方：元妻 長谷部 由紀\n内容'), '相手方：元妻 ［氏名］\n内容');
    });
    it('masks a Latin name after a name label and its labelled reading, and a hiragana reading in the next cell', () => {
      assert.equal(
        mask('入所児名：Mateus Silva（ふりがな：まてうす しるば）'),
        '入所児名：［氏名］（ふりがな：［氏名］）',
      );
      assert.equal(mask('北村 慎吾\tきたむら しんご\t1988/03/09\t会計課'), '［氏名］\t［氏名］\t［生年月日］\t会計課');
    });
  });

  describe('residents’ languages and Latin addresses', () => {
    it('masks an address in Latin letters in the Japanese order and the postal code before it', () => {
      assert.equal(
        mask('She now lives at 000-0521 Aonami-shi Sakuragaoka 3-12-7.'),
        'She now lives at ［郵便番号］ ［住所］.',
      );
      assert.equal(mask('New address: Hibari-machi Nakadori 1-4-2'), 'New address: ［住所］');
    });
    it('masks a child named after 叫 and its date before 出生, and a name after se chama', () => {
      assert.equal(mask('女儿叫王思琪，2020年3月8日出生。'), '女儿叫［氏名］，［生年月日］出生。');
      assert.equal(
        mask('Minha filha se chama Beatriz Moreira Lima e tem 3 anos.'),
        'Minha filha se chama ［氏名］ e tem 3 anos.',
      );
    });
    it('masks a Hangul name before its birth date, a quoted katakana name after a name label, a reading cut short', () => {
      assert.equal(mask('명단: 박서연 (1985년 9월 12일생)'), '명단: ［氏名］ (［生年月日］생)');
      assert.equal(mask('申請者名「マリア・サントス」で登録'), '申請者名「［氏名］」で登録');
      assert.equal(
        mask('申込者名：Grace Okafor Bello（ふりがな：ぐれいす おかふぉー べろ）'),
        '申込者名：［氏名］（ふりがな：［氏名］）',
      );
    });
  });

  describe('numbers and values that are no one’s', () => {
    it('leaves an asset number, an extension alone and an office’s own night line', () => {
      assert.equal(mask('資産番号 0466-00-2031 の端末を返却'), '資産番号 0466-00-2031 の端末を返却');
      assert.equal(mask('contact_tel: 内線 4410'), 'contact_tel: 内線 4410');
      assert.equal(
        mask('福祉課の夜間連絡先 0466-22-1190 に回してください'),
        '福祉課の夜間連絡先 0466-22-1190 に回してください',
      );
    });
    it('leaves identifiers, an office signed in English, household words and a header row', () => {
      assert.equal(mask('[db]\nname=kosodate_stg\nuser=app01'), '[db]\nname=kosodate_stg\nuser=app01');
      assert.equal(mask('Regards,\nAonami City Hall, IT Division'), 'Regards,\nAonami City Hall, IT Division');
      assert.equal(mask('世帯員 次女 マリ、世帯主 本人'), '世帯員 次女 ［氏名］、世帯主 本人');
      assert.equal(mask('続柄\t世帯員\t個人番号'), '続柄\t世帯員\t個人番号');
    });
    it('masks a setting’s mailbox named after a person, not a device’s', () => {
      assert.equal(mask('notify\nmail=kudo.m@city.example.lg.jp'), 'notify\nmail=［メールアドレス］');
      assert.equal(mask('mail=scanner-3f@city.example.lg.jp'), 'mail=scanner-3f@city.example.lg.jp');
    });
  });
});
