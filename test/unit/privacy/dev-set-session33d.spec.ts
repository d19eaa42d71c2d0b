import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

describe('privacy: blind batches of session 33, fourth part (written by a helper who read neither the detectors nor the dev set)', () => {
  it('the forty-eighth (chatbot questions, operators’ notes, HR and payroll, school ICT, shelter lists, pasted tables; fixed in session 34): 150 cases — recall at least 243 / 246 (245 now), at most 1 false positive (0 now)', async () => {
    // Written blind as the held-out check of the forty-seventh batch's rules, and not fixed in session 33. First sight:
    // session 32's code [246, 210, 215, 210] (0.854 / 0.977); after the forty-fifth and forty-sixth batches' rules
    // 0.874 / 0.977; after the forty-seventh's [246, 216, 221, 216] (0.878 / 0.977).
    // Fixed in session 34 by general rules (session34-everyday.spec.ts), now [246, 245, 244, 244] (0.996 / 1.000): a
    // listed family name signing after a sentence's end (…です　大野), in half-width katakana (ｼﾐｽﾞ) or a foreign
    // resident's in katakana (ホアン), second readings of common names (かわの); Family + initial (Sato K.); someone a
    // message is to be passed to (村上に…って伝えといて); 職員番号 … の戸塚です; relatives before の and their data's field
    // (長男 湊 の個人番号), before a birth date in brackets (長女：結菜（…生）), guardians before a phone and a roster's
    // names before the guardian's brackets (あいざわ そうた（父 あいざわ たくみ 090-…）); a name broken after its first
    // kanji (大⏎槻 由香); 三ツ井 read as a kanji name; a katakana name before 先生; 対象 and a rare full name in a
    // person's record; a section before a Latin family name in a list (税務課 Lopez); a Nepali name label without a colon;
    // the rows of a list titled by the numbers it lists (旅券番号一覧: 北条 真央 TR0047163, Ellis Park 580031447); a
    // reading split in two cells; the kana and Latin forms of one name quoted side by side; hiragana labels ぱすぽーと,
    // ほけんしょう; ゆうちょ's 記号番号 after the sentence naming the bank; a postal code before an address with kana in
    // its city or without its hyphen; a label line under an address is no building. Not personal: ぼうさいくんれん (a
    // word, not くん), letters set apart on a scanned line (金 額), a value labelled for tests (テスト用カード番号), 同上 in a
    // roster's address column. Left: 由井 signing after a question (on no family-name list).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-48.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 246);
    assert.ok(overall.found >= 243, `found ${overall.found} / 246`);
    assert.ok(overall.masked - overall.correct <= 1, `false positives ${overall.masked - overall.correct}`);
  });
});
