import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

describe('privacy: blind batches of session 33 (written by helpers who read neither the detectors nor the dev set)', () => {
  it('the forty-fifth (session 32’s held-out check of the forty-fourth’s rules, an everyday mix by many writers; fixed in session 33): 150 cases — recall at least 241 / 252 (243 now), at most 3 false positives (2 now)', async () => {
    // Written blind. First sight: session 31's code [252, 205, 210, 206] (recall 0.813, precision 0.981); session 32's
    // code [252, 208, 213, 209] (0.825 / 0.981) — the forty-second to forty-fourth batches' rules carried 1.2 points.
    // Then fixed by general rules (session33-everyday.spec.ts), now [252, 243, 245, 243] (0.964 / 0.992, names 0.958 /
    // 0.993): labels as voice input writes them (こじんばんごう, こうざばんごう, めいぎ) and a number read one digit a word
    // (ぜろ ぜろ なな に …), a western year said in kana (せんきゅうひゃく…ねん), a dictated lot after a pause (さんの じゅうご);
    // 年金の番号, Insurance card No., ｼﾞｭｳﾐﾝﾋｮｳｺｰﾄﾞ, sinh ngày, Mã bưu điện, Nome completo:, 我的名字是 / 我是…的妻子…,
    // 이름은 …이고 and …일생, a Hangul name before です; a hiragana name set apart before 様; my name is + lower case, a
    // word quoted after name is, a Latin name broken after Name:, a hiragana family name signing after a question, a
    // katakana family name after a role and の, a relation and a family name closing the message (母 野口), a Latin family
    // name after a post (主事 Tran), 窓口の林に, …と二人で, a name under 世帯主's line, a household member of one kanji
    // after the relation (長男 蒼); a header-less row of name, passport and birth date; a first column under a
    // space-separated header naming the number; not personal: a phone-shaped number after 問い合わせ番号 / 受付番号.
    // Left: three four-digit 内線 the writer labelled as phones (extensions stay unmasked on purpose), hiragana given
    // names only a word list would give (ゆうたも, れいなにも, 母はきよこです, うえのが), 夫の 健二 の分 (a given name alone
    // between spaces), a closing Hana (no listed given name); false positives: a toll-free support number (0120: other
    // batches label such numbers personal) and half-width katakana words of a sentence taken for a name (ﾃﾝｼｭﾂ ｼｮﾘ).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-45.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 252);
    assert.ok(overall.found >= 241, `found ${overall.found} / 252`);
    assert.ok(overall.masked - overall.correct <= 3, `false positives ${overall.masked - overall.correct}`);
  });
});
