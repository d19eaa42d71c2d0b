import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

// Session 34's general rules for the fiftieth blind batch's classes (exported chat logs, OCR of paper forms, hospital and
// school notes, romaji-heavy messages, spreadsheet rows with shuffled columns), each with cases written for this spec.
describe('privacy: chat logs, scanned forms and shuffled rows (session 34, fiftieth blind batch)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  describe('who speaks in an exported chat log', () => {
    it('masks the speaker after a bracketed date and time and a section', () => {
      assert.equal(
        mask('[2025-01-14 09:02] 保険年金課 鰐淵: 端末が起動しません'),
        '[2025-01-14 09:02] 保険年金課 ［氏名］: 端末が起動しません',
      );
    });
    it('masks a Latin handle that is a family name, not a bot’s handle', () => {
      assert.equal(
        mask('[09:15] yoshida: 了解です\n[09:16] helpdesk-bot: 受付番号を入力してください'),
        '[09:15] ［氏名］: 了解です\n[09:16] helpdesk-bot: 受付番号を入力してください',
      );
    });
  });

  describe('people of a hospital, a health centre or a school', () => {
    it('masks a colleague between a unit and a care post, in kanji or Latin letters', () => {
      assert.equal(mask('看護部の高橋看護師に確認します'), '看護部の［氏名］看護師に確認します');
      assert.equal(mask('薬剤部 Fernandez 薬剤師 が異動'), '薬剤部 ［氏名］ 薬剤師 が異動');
    });
    it('leaves the post’s own words alone', () => {
      assert.equal(mask('病棟の夜勤看護師から連絡'), '病棟の夜勤看護師から連絡');
      assert.equal(mask('地域保健課の管理栄養士まで'), '地域保健課の管理栄養士まで');
    });
  });

  describe('names in other scripts and in English field lists', () => {
    it('masks two capitalised Cyrillic words in an English or Japanese text', () => {
      assert.equal(mask('Анна Петрова (CIR) cannot log in.'), '［氏名］ (CIR) cannot log in.');
    });
    it('masks the name after "name" as a field of a list, not a file’s name in a sentence', () => {
      assert.equal(
        mask('DOB 12 May 1979, name Kwame Mensah, passport TZ0012345 attached.'),
        'DOB ［生年月日］, name ［氏名］, passport ［旅券番号］ attached.',
      );
      assert.equal(mask('the file name Report Draft, version 2'), 'the file name Report Draft, version 2');
    });
  });

  describe('lists, signatures and display names', () => {
    it('masks a bracketed list of full names as many as the count before it, and only then', () => {
      assert.equal(
        mask('実習生 2名（宇佐美 岳、Grace Lee）のアカウント'),
        '実習生 2名（［氏名］、［氏名］）のアカウント',
      );
      assert.equal(
        mask('実習生 3名（宇佐美 岳、Grace Lee）のアカウント'),
        '実習生 3名（宇佐美 岳、Grace Lee）のアカウント',
      );
    });
    it('masks a full name typed in hiragana before です closing the message', () => {
      assert.equal(mask('ぱそこんがおもいです。おがわけんたです'), 'ぱそこんがおもいです。［氏名］です');
    });
    it('masks a display name quoted after its label when it is a name', () => {
      assert.equal(mask('teamsのひょうじめいが「kawaguchi」のままです'), 'teamsのひょうじめいが「［氏名］」のままです');
      assert.equal(mask('表示名が「テスト」のままです'), '表示名が「テスト」のままです');
    });
  });

  describe('tables read by their cells’ shapes', () => {
    it('gives a shuffled row’s cells the type their shape shows', () => {
      assert.equal(
        mask('電話\t氏名\t生年月日\n090-1111-2222\t森 一郎\t1980/01/02\n昭和55年1月2日\t080-3333-4444\t森 花子'),
        '電話\t氏名\t生年月日\n［電話番号］\t［氏名］\t［生年月日］\n［生年月日］\t［電話番号］\t［氏名］',
      );
      assert.equal(
        mask('口座番号,名義,銀行\n1234567,ヤマダ タロウ,北斗銀行 本店\n北斗信金 南,7654321,サトウ ハナコ'),
        '口座番号,名義,銀行\n［口座番号］,［氏名］,北斗銀行 本店\n北斗信金 南,［口座番号］,［氏名］',
      );
    });
    it('keeps a section’s name in a name column unmasked', () => {
      assert.equal(
        mask('S001,いしだ あや,石田 彩,市民課,2024/04/01\nS002,市民課,いしい りく,石井 陸,2024/04/01'),
        'S001,［氏名］,［氏名］,市民課,2024/04/01\nS002,市民課,［氏名］,［氏名］,2024/04/01',
      );
    });
    it('masks the names of a column headed 担当, not a state written there', () => {
      assert.equal(
        mask(
          '| 受付 | 内容 | 担当 |\n|---|---|---|\n| 9:10 | PW初期化 | 鬼頭 |\n| 9:25 | 印刷不可 | 未定 |\n| 9:40 | Teams音声 | 村井 |',
        ),
        '| 受付 | 内容 | 担当 |\n|---|---|---|\n| 9:10 | PW初期化 | ［氏名］ |\n| 9:25 | 印刷不可 | 未定 |\n| 9:40 | Teams音声 | ［氏名］ |',
      );
    });
  });

  describe('scanned forms', () => {
    it('reads a label spaced out as widely as its value', () => {
      assert.equal(
        mask('氏　名　　桐 生　あ や め\nフ リ ガ ナ　キリュウ アヤメ'),
        '氏　名　　［氏名］\nフ リ ガ ナ　［氏名］',
      );
    });
    it('reads a letter O among a date’s digits as a zero', () => {
      assert.equal(mask('生年月日　昭和4O年1O月2日'), '生年月日　［生年月日］');
    });
    it('masks an insurance number printed in groups, and one under the card’s 番号 field', () => {
      assert.equal(mask('被保険者番号\n0012 3345 67'), '被保険者番号\n［保険者番号］');
      assert.equal(mask('被保険者番号：0012 3345 67'), '被保険者番号：［保険者番号］');
      assert.equal(mask('国保 被保険者証\n番号\n12048836'), '国保 被保険者証\n番号\n［保険者番号］');
    });
  });

  describe('katakana messages and foreign card words', () => {
    it('ends a phone said in katakana groups before a particle written in katakana', () => {
      assert.equal(
        mask('デンワ ゼロキューゼロ イチニーサンヨン ゴーロクナナハチ ニ オリカエシ'),
        'デンワ ［電話番号］ ニ オリカエシ',
      );
    });
    it('takes no half-width question for a name', () => {
      assert.equal(mask('ﾔﾏﾀﾞ ﾀﾛｳ ﾉ ﾖﾐｶﾞﾅ ｦ ｶｴﾀｲ ﾄﾞｳｽﾚﾊﾞ ｲｲﾃﾞｽｶ'), '［氏名］ ﾉ ﾖﾐｶﾞﾅ ｦ ｶｴﾀｲ ﾄﾞｳｽﾚﾊﾞ ｲｲﾃﾞｽｶ');
    });
    it('masks a card number after the card’s Spanish or Portuguese word', () => {
      assert.equal(mask('Mi tarjeta 4000 1234 5678 9012 fue rechazada'), 'Mi tarjeta ［カード番号］ fue rechazada');
      assert.equal(mask('Meu cartão 5100 2233 4455 6677 foi recusado'), 'Meu cartão ［カード番号］ foi recusado');
    });
  });
});
