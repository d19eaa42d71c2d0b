import assert from 'node:assert/strict';
import path from 'node:path';
import { createPersonNameTagger } from '../../../knowledge';
import { createPiiMasker, evaluatePii } from '../../../privacy';
import { readPiiCases } from '../../../adapters/cli/eval-pii';

describe('privacy: blind batches of session 32 (written by helpers who read neither the detectors nor the dev set)', () => {
  it('the forty-second (session 32, forwarded mail, minutes, registers from Excel, voice-to-text, chat, English-Japanese mixed, web forms): 150 cases — recall at least 325 / 330 (327 now), at most 4 false positives (3 now)', async () => {
    // Written blind. First sight [330, 246, 271, 256]: recall 0.745 (names 0.689) at precision 0.945. Fixed by general
    // rules (session32-forwarded.spec.ts): the name tagger's spans after an emoji (it counts one as one letter); numbers
    // dictated with pauses (、), joined by の inside a word, in kanji numerals, dates said in kana words, hiragana labels
    // (ゆうびんばんごう, きそねんきんばんごう, せいねんがっぴ), an address said in hiragana after じゅうしょ; numbers mistyped
    // right after their label (個人番号 4-5-3, カード番号 5-3-4-4, 090-004-41827, 口座番号 00-31-442), a day-first corrected
    // date; a labelled address's first letters, a building indented on the next line; rare family names where the shape
    // says a person (chat tags, quoted headers, signatures under the desk or a dash, minute takers, absentees, posts),
    // the other people of a list, names said in a transcript, 【氏名】, a register's cell before a section, Borrower, a
    // name's piece left out (・エマ, -WOO, 透|真), a full name again whole; not personal: a facilities' table, 「…」の記入例,
    // a sentence remarked (テスト用…), a fax after a main number, （共用）, 動作確認, （日本）.
    // Left: family names only a word list would give (集金は 新里 まで, 大嶺 課長補佐, a file name's _具志川), a city hall's
    // postal code (〒000-0001), a branch number 店番 012 read as an account (other batches label it one), a section's main
    // line marked （課代表） (batches 11 and 15 label such numbers personal).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-42.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 330);
    assert.ok(overall.found >= 325, `found ${overall.found} / 330`);
    assert.ok(overall.masked - overall.correct <= 4, `false positives ${overall.masked - overall.correct}`);
  });
  it('the forty-third (session 32, an everyday mix written after the forty-second’s rules — their held-out check): 150 cases — recall at least 228 / 269 (234 now), at most 14 false positives (11 now)', async () => {
    // Written blind, measured before any fix: session 31's code [269, 228, 238, 227] (recall 0.848, precision 0.954),
    // session 32's code [269, 234, 244, 233] (0.870 / 0.955). Not fixed this session: a held-out figure.
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-43.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 269);
    assert.ok(overall.found >= 228, `found ${overall.found} / 269`);
    assert.ok(overall.masked - overall.correct <= 14, `false positives ${overall.masked - overall.correct}`);
  });
});
