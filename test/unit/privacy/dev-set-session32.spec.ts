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
  it('the forty-third (session 32, an everyday mix written after the forty-second’s rules — their held-out check): 150 cases — recall at least 258 / 269 (260 now), at most 8 false positives (7 now)', async () => {
    // Written blind, measured before any fix: session 31's code [269, 228, 238, 227] (recall 0.848, precision 0.954),
    // session 32's code [269, 234, 244, 233] (0.870 / 0.955): the forty-second's rules carried 2.2 points to it.
    // Then fixed by general rules (session32-everyday.spec.ts), now [269, 260, 265, 258] (0.967 / 0.974, names 0.958 / 1.000): a listed
    // romaji family name after an English title (Director Hoshino, ms. ueno), a handover or a log's keeper (handover
    // to ikeda, work log (sato)), after a Japanese role (営業 Watanabe); a mention of two Hepburn words (@Nakazawa
    // Toru); Family, Given cells with a common given name (Rodriguez, Ana); a dash signature with a common given name
    // (🙌 — Mike, -- jessica lam, tourism); SURNAME: / GIVEN NAMES:; a Latin name after 氏名 before a full stop; a chat
    // speaker with a Latin role ([16:40] 長瀬（helpdesk）:); a listed family name joined to a post (保育課長白鳥の承認);
    // a label's section and (name) (借用者：道路維持課（浦上）); a numbered roster line's name in any script (主事 ちば
    // 070-…); the family name closing the message after the section (情報政策課 久米); a hiragana name after 名前 and a
    // space; んー among a transcript's fillers; a birth date under its label line; a number read in groups found again
    // written together; a pension number in any grouping; a dictated number over hesitations; not personal: a date
    // named another date (有効期限), 枝番, a desk's Latin display name, a public building's address before a space.
    // Left: a four-digit 内線 labelled as a phone (2315), two TSV rows' names beside a Latin one (朝比奈 蓮),
    // matsui r., a vendor's signature name (真鍋 航), 「ハインズ さやか」 (only さやか found once), いとう → and
    // 国枝 (no listed kanji), a dictated address corrected midway; false positives: toll-free desk numbers (other
    // batches label such numbers), a company's address and main line in a signature, a city hall's postal code, a
    // hiragana insurance symbol's digits (こと12).
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-43.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 269);
    assert.ok(overall.found >= 258, `found ${overall.found} / 269`);
    assert.ok(overall.masked - overall.correct <= 8, `false positives ${overall.masked - overall.correct}`);
  });

  it('the forty-fourth (session 32, what staff type to the bot and operators write into tickets, foreign residents’ names in many scripts; the held-out check of the forty-third’s rules): 150 cases — recall at least 210 / 218 (212 now), at most 1 false positive (0 now)', async () => {
    // Written blind, measured before any fix: session 31's code and session 32's code before the forty-third's rules
    // [218, 186, 189, 188] (recall 0.853, precision 0.995); after them [218, 188, 191, 190] (0.862 / 0.995).
    // Then fixed by general rules (session32-ticket-people.spec.ts), now [218, 212, 213, 213] (0.972 / 1.000): a family
    // name set apart after a section, a post in 員 or a contractor before a particle (職員 山際 が), a listed one joined
    // to the section by の (人事課の佐藤に) or worked with (村田と一緒に); the given names of a list of relatives (長女の
    // 結衣、次男の大翔) and their other mentions; a name under its label's line, broken over two lines; 対象：without a
    // space; lower-case Latin names after Name: or a person's role (applicant kimura aoi), the line after a signature's
    // --, sou …; a lower-case name before its characters (li na（李娜）さん); a katakana name with ・ in brackets after 方
    // with its characters after a slash; not a name: a weekday before a roster's item (木 委託).
    // Left: 本人は山下 健二です (a given name before です is as often a state), 「三ツ矢⏎智子」 (ツ inside a kanji name, a
    // quote broken across a line), a Chinese building and room (本町公寓302室), a katakana name of five parts
    // (ヤマモト　ルーカス　エンリケ　ダ　シルバ: three are taken), two four-digit 内線 the writer labelled phones.
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-44.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 218);
    assert.ok(overall.found >= 210, `found ${overall.found} / 218`);
    assert.ok(overall.masked - overall.correct <= 1, `false positives ${overall.masked - overall.correct}`);
  });

  it('the forty-fifth (session 32, an everyday mix by many writers; the held-out check of the forty-fourth’s rules): 150 cases — recall at least 205 / 252 (208 now), at most 5 false positives (4 now)', async () => {
    // Written blind, measured before any fix: session 31's code [252, 205, 210, 206] (recall 0.813, precision 0.981);
    // after the forty-second's rules [252, 206, 211, 207], the forty-third's [252, 207, 212, 208], the forty-fourth's
    // [252, 208, 213, 209] (0.825 / 0.981). Not fixed this session: a held-out figure.
    const cases = readPiiCases(path.join(__dirname, '../../fixtures/pii', 'blind-45.jsonl'));
    assert.equal(cases.length, 150);
    const { overall } = evaluatePii(createPiiMasker({ nameTagger: await createPersonNameTagger() }), cases);
    assert.equal(overall.expected, 252);
    assert.ok(overall.found >= 205, `found ${overall.found} / 252`);
    assert.ok(overall.masked - overall.correct <= 5, `false positives ${overall.masked - overall.correct}`);
  });
});
