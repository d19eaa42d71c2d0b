import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

// Session 37's general rules for the fifty-seventh blind batch's classes (a 市民課 counter, ship agents, a cooperative,
// a university office, call centre transcripts, a vendor's support chat, guardians' letters, flattened spreadsheets),
// each with cases written for this spec, not taken from the batch.
describe('privacy: ranks, chat speakers, label lines, family members, headers, sections (session 37 c)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  describe('a rank before a name', () => {
    it('takes one capitalised word or an initial and a word after an academic, police or ship rank', () => {
      assert.equal(
        mask('Office hours with Prof. Adeyemi are on Friday.'),
        'Office hours with Prof. ［氏名］ are on Friday.',
      );
      assert.equal(mask('Reported to Sgt. K. Brennan at the gate.'), 'Reported to Sgt. ［氏名］ at the gate.');
      assert.equal(mask('Inspector Wada will call back.'), 'Inspector ［氏名］ will call back.');
    });
    it('leaves a rank before no capitalised word', () => {
      assert.equal(mask('Lt. on duty: see the roster.'), 'Lt. on duty: see the roster.');
    });
  });

  describe('the speaker of a chat line', () => {
    it('takes the name in brackets after a role under a time stamp', () => {
      assert.equal(
        mask('[09:14] Agent(Mendes): ログを送ってください'),
        '[09:14] Agent(［氏名］): ログを送ってください',
      );
      assert.equal(mask('[16:40] 保守(北沢): 再起動します'), '[16:40] 保守(［氏名］): 再起動します');
    });
    it('takes a listed family name in hiragana after a unit', () => {
      assert.equal(mask('[09:16] 窓口 たなか: 再起動しました'), '[09:16] 窓口 ［氏名］: 再起動しました');
    });
    it('leaves a note in brackets that is no name, and an unlisted hiragana word', () => {
      assert.equal(mask('[09:14] Vendor(NEC): 了解です'), '[09:14] Vendor(NEC): 了解です');
      assert.equal(mask('[09:16] 窓口 みなさま: お待ちください'), '[09:16] 窓口 みなさま: お待ちください');
    });
  });

  describe('a birth date label on its own line', () => {
    it('takes the date under a bulleted or bracketed label', () => {
      assert.equal(mask('●生年月日\n平成3年2月8日\n●連絡先'), '●生年月日\n［生年月日］\n●連絡先');
      assert.equal(mask('【生年月日】\n1968/12/01'), '【生年月日】\n［生年月日］');
    });
    it('leaves a date under another label', () => {
      assert.equal(mask('■受付日\n令和7年5月2日'), '■受付日\n令和7年5月2日');
    });
  });

  describe('a family’s other members', () => {
    it('takes the family name of a full name found set apart before another given name', () => {
      assert.equal(mask('申立人 笹倉 加代子、本人は夫の 笹倉 善三 です'), '申立人 ［氏名］、本人は夫の ［氏名］ です');
    });
    it('leaves the family name before an honorific or a post', () => {
      assert.equal(
        mask('氏名 笹倉 加代子\n笹倉 様の件は 笹倉 課長へ'),
        '氏名 ［氏名］\n［氏名］様の件は ［氏名］ 課長へ',
      );
    });
    it('ends a member’s given name before a title written on (様, 殿): the requester’s own name can be kept', () => {
      const text = '申立人 笹倉 加代子\n笹倉 善三様へ';
      const kept = masker.mask(text, { keep: (item, type) => type === 'person_name' && item === '笹倉 善三' });
      assert.equal(kept.text, '申立人 ［氏名］\n笹倉 善三様へ');
      assert.equal(mask('申立人 笹倉 加代子\n笹倉 善三殿'), '申立人 ［氏名］\n［氏名］殿');
    });
  });

  describe('a katakana name said again', () => {
    it('takes a found katakana name again before です', () => {
      assert.equal(
        mask('お名前は ハシモト様ですね。\n客：ハシモトです'),
        'お名前は ［氏名］様ですね。\n客：［氏名］です',
      );
    });
  });

  describe('not names', () => {
    it('leaves an office section in a list of attendees', () => {
      assert.equal(mask('出席：保健師 岩淵、県 障害福祉課 1名'), '出席：保健師 ［氏名］、県 障害福祉課 1名');
    });
    it('leaves the cells of a header row holding a number column’s heading', () => {
      assert.equal(mask('No.\t区分\t備考\n1\t氏名\t柚木 典子'), 'No.\t区分\t備考\n1\t氏名\t［氏名］');
      assert.equal(
        mask('会員番号,氏名,校区,会費\n0031,柚木 典子,東原,1200'),
        '会員番号,氏名,校区,会費\n0031,［氏名］,東原,1200',
      );
    });
  });
});
