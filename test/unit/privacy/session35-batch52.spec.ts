import assert from 'node:assert/strict';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, type PiiMasker } from '../../../privacy';

// Session 35's general rules for the fifty-second blind batch's classes (a prefecture desk, fire and ambulance logs, a
// hospital records office, a port, contractors, forms with label and value in separate cells), each with cases written
// for this spec, not taken from the batch.
describe('privacy: separate cells, set-apart names, titles and romanised names (session 35, fifty-second blind batch)', () => {
  let masker: PiiMasker;
  before(async () => {
    masker = createPiiMasker({ nameTagger: await createPersonNameTagger() });
  });
  const found = (text: string): Array<[string, string]> =>
    masker.find(text).map((s) => [s.type, text.slice(s.start, s.end)]);

  describe('forms whose label and value stand in separate cells', () => {
    it('reads the value on the next line that is not blank under a label alone on its line', () => {
      assert.deepEqual(found('生年月日\n\n1985年4月12日'), [['birth_date', '1985年4月12日']]);
      assert.deepEqual(found('Passport No.\nTK2345678'), [['passport', 'TK2345678']]);
      assert.deepEqual(found('Name\nPEREZ, Luis'), [['person_name', 'PEREZ, Luis']]);
    });
    it('leaves a value without the label’s shape', () => {
      assert.deepEqual(found('生年月日\n未記入'), []);
    });
    it('reads the dates and passport numbers of a header-less row holding a name as passports print it', () => {
      assert.deepEqual(found('NGUYEN, VAN AN\tM\t1990-05-06\tC2345678'), [
        ['person_name', 'NGUYEN, VAN AN'],
        ['birth_date', '1990-05-06'],
        ['passport', 'C2345678'],
      ]);
      assert.deepEqual(found('ITEM\t2024-01-01\tAB1234567'), []);
    });
    it('reads each cell under a row of name labels only, and never the labels', () => {
      assert.deepEqual(found('姓\t名\n村井\t健司'), [
        ['person_name', '村井'],
        ['person_name', '健司'],
      ]);
    });
    it('leaves a Markdown table’s header cell', () => {
      assert.deepEqual(found('| No | 参加者名 | 連絡先 |\n|---|---|---|\n| 1 | 小西 美穂 | 090-1111-2222 |'), [
        ['person_name', '小西 美穂'],
        ['phone', '090-1111-2222'],
      ]);
    });
  });

  describe('a given name set apart with spaces', () => {
    it('masks a kanji given name after a relation and の when spaces set it apart', () => {
      assert.deepEqual(found('娘の 美香 が来ます'), [['person_name', '美香']]);
      assert.deepEqual(found('母の 介護 が大変'), []);
    });
    it('masks a kana given name introduced after の before です', () => {
      assert.deepEqual(found('受付の はるか です'), [['person_name', 'はるか']]);
    });
  });

  describe('a listed family name with a title', () => {
    it('masks the name before a medical title or after ドクター, not a medical association', () => {
      assert.deepEqual(found('（佐藤医師）に確認'), [['person_name', '佐藤']]);
      assert.deepEqual(found('当直はドクター佐藤です'), [['person_name', '佐藤']]);
      assert.deepEqual(found('田中医師会の会報'), []);
    });
    it('masks the full name set apart after a member’s post', () => {
      assert.deepEqual(found('隊員 小林 拓也（救急）'), [['person_name', '小林 拓也']]);
    });
  });

  describe('labels of the person and names in Latin letters', () => {
    it('reads the injured person’s, the Chinese full name’s and the capitals’ NAME labels', () => {
      assert.deepEqual(found('傷病者：ヤマモト ケン 45歳'), [['person_name', 'ヤマモト ケン']]);
      assert.deepEqual(found('患者姓名：王小明'), [['person_name', '王小明']]);
      assert.deepEqual(found('USER NAME TANAKA AKIRA. RESET'), [['person_name', 'TANAKA AKIRA']]);
    });
    it('masks a romanised family name before an honorific, not a product', () => {
      assert.deepEqual(found('Suzukiさんに確認'), [['person_name', 'Suzuki']]);
      assert.deepEqual(found('Windowsさんが固まる'), []);
    });
    it('masks a given name before a family name in capitals, and the Latin name after a slash read alike', () => {
      assert.deepEqual(found('名刺：Taro YAMADA'), [['person_name', 'Taro YAMADA']]);
      assert.deepEqual(found('総務課 小野 ゆかり / Yukari ONO'), [
        ['person_name', '小野 ゆかり'],
        ['person_name', 'Yukari ONO'],
      ]);
    });
  });

  describe('numbers said in kana and businesses', () => {
    it('reads kana digits after a label’s colon, not a time’s digits', () => {
      assert.deepEqual(found('連絡先：ゼロハチゼロ、イチニーサンヨン、ゴーロクナナハチ'), [
        ['phone', 'ゼロハチゼロ、イチニーサンヨン、ゴーロクナナハチ'],
      ]);
      assert.deepEqual(found('覚知 02:13 出場 02:15'), []);
    });
    it('takes no name from digits said in hiragana', () => {
      assert.deepEqual(found('ばんごうは　ぜろぜろ　いちにいさん　です'), []);
    });
    it('takes no name from a business named after its owner', () => {
      assert.deepEqual(found('株式会社 田村商店 の件'), []);
    });
  });
});
