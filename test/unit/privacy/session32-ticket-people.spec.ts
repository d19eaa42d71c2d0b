import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

/** Session 32's rules found by the forty-fourth blind batch (test/fixtures/pii/blind-44.jsonl); invented examples. */
describe('privacy: staff questions and ticket notes — spaced names, relatives, labels, lower-case Latin (session 32, batch 44)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const mask = (text: string): string => masker.mask(text).text;

  it('masks a family name set apart after a section, a post in 員 or a contractor, not a table’s cells or 全員', () => {
    assert.equal(mask('職員 山際 が休みです'), '職員 ［氏名］ が休みです');
    assert.equal(mask('学芸員 松尾 から連絡'), '学芸員 ［氏名］ から連絡');
    assert.equal(mask('総務課 森 と打合せ'), '総務課 ［氏名］ と打合せ');
    assert.equal(mask('福祉課 西田 あて'), '福祉課 ［氏名］ あて');
    assert.equal(mask('立会いは ひかりシステム 加藤。'), '立会いは ひかりシステム ［氏名］。');
    assert.equal(mask('定員\t設備\n会議A\t12'), '定員\t設備\n会議A\t12');
    assert.equal(mask('会議室 全員 と'), '会議室 全員 と');
  });

  it('masks a listed family name joined to the section by の before a particle, or someone worked with', () => {
    assert.equal(mask('人事課の佐藤に送った資料'), '人事課の［氏名］に送った資料');
    assert.equal(mask('市民課の窓口に行く'), '市民課の窓口に行く');
    assert.equal(mask('市民課の上野に行く'), '市民課の上野に行く');
    assert.equal(mask('村田と一緒に作業します'), '［氏名］と一緒に作業します');
  });

  it('masks the given names of a list of relatives and their other mentions, not what belongs to them', () => {
    assert.equal(
      mask('長女の結衣、次男の大翔を追加。結衣の保険証は後日'),
      '長女の［氏名］、次男の［氏名］を追加。［氏名］の保険証は後日',
    );
    assert.equal(mask('夫の 浩二と 娘の 真央の分'), '夫の ［氏名］と 娘の ［氏名］の分');
    assert.equal(mask('妻の収入と夫の控除'), '妻の収入と夫の控除');
    assert.equal(mask('息子の分と娘の分を出す'), '息子の分と娘の分を出す');
  });

  it('masks a name on the line under its label, a given name on a line of its own too', () => {
    assert.equal(mask('氏名\n坂口 蓮'), '氏名\n［氏名］');
    assert.equal(mask('借用者\n平井\n拓海（総務課）'), '借用者\n［氏名］（総務課）');
    assert.equal(mask('対象：上原 拓'), '対象：［氏名］');
  });

  it('masks lower-case Latin names after Name: or a person’s role, the line after a signature’s --, and sou …', () => {
    assert.equal(mask('Name: emily clark\nDept: HR'), 'Name: ［氏名］\nDept: HR');
    assert.equal(mask('applicant kimura aoi asked'), 'applicant ［氏名］ asked');
    assert.equal(mask('resident asked about the form'), 'resident asked about the form');
    assert.equal(mask("Regards,\n--\nMegan O'Neill\nALT"), 'Regards,\n--\n［氏名］\nALT');
    assert.equal(mask('Olá, sou Ana Paula Ribeiro.'), 'Olá, sou ［氏名］.');
  });

  it('masks a lower-case name before its characters and a katakana name with ・ in brackets with its other script', () => {
    assert.equal(mask('li na（李娜）さんの件'), '［氏名］（［氏名］）さんの件');
    assert.equal(mask('の方（リー・ウェイ／李伟）が来庁'), 'の方（［氏名］／［氏名］）が来庁');
  });

  it('reads a weekday before a roster’s item as the day, not a family name', () => {
    assert.equal(
      mask('当番表：月 浜口、火 大川、水 浜口、木 委託、金 大川'),
      '当番表：月 ［氏名］、火 ［氏名］、水 ［氏名］、木 委託、金 ［氏名］',
    );
  });
});
