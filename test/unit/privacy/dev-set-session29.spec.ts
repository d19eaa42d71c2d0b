import { assertBatch } from './blind-batch';

describe('privacy: blind batches of session 29 (written by helpers who read neither the detectors nor the dev set)', () => {
  it('the twenty-ninth (session 29, the desk’s own notes: work logs, incident reports, replies, registers): 150 cases — recall 287 / 293 at precision 295 / 297', async () => {
    // Written blind by a helper told only the style. First run with session 28's code: recall 0.939 (275 / 293) at
    // precision 0.983 (281 / 286). Fixed by general rules: a family name after a section or the help desk before a
    // table's next cell or a phone word, 氏 after a name, a card named by card=, a form's example after 記入例（…）：.
    // Session 33 (forty-seventh batch): a full name after a label ending in 者 (返却者 佐久間 陽子).
    // Session 34 (fiftieth batch): the names of a Markdown table's 担当 column (| … | 山下 |).
    await assertBatch('blind-29.jsonl', 150, [293, 287, 297, 295]);
  });

  it('the thirtieth (session 29, chat typed on a phone: pieces over several messages, nicknames, odd widths): 150 cases — recall 249 / 258 at precision 277 / 278', async () => {
    // Written blind like the twenty-ninth. First run with session 28's code: recall 0.868 (224 / 258) at precision 0.988
    // (253 / 256). Fixed by general rules: numbers and dates sent in pieces (chat-pieces.ts), the corrected value before
    // が正しい or after 間違えた, names signing a message in brackets or after a phone, katakana given names, lower-case
    // Latin names before さん, Latin chat speakers.
    // Session 33: a pension number of zeros after its label (ﾀﾞﾐｰ) is no longer masked.
    await assertBatch('blind-30.jsonl', 150, [258, 249, 278, 277]);
  });

  it('the thirty-first (session 29, an everyday mix: the held-out check of the session’s rules): 150 cases — recall 255 / 258 at precision 259 / 262', async () => {
    // Written blind after the twenty-ninth's and thirtieth's rules. First run: recall 0.934 (241 / 258) at precision
    // 0.976 (246 / 252); session 28's code gives 0.926 / 0.976 on it. Fixed by general rules: 姓／名／セイ／メイ lines,
    // 新姓, a writer in a subject's brackets, pension and passport numbers by their shape in a text about them, a number
    // after 個人番号 no insurance number, famous people written with a space. Session 31 (batch 41's rules): a family name
    // found alone joined to its given name (被保険者：松本 隆（…）), one item more, no mask more.
    // Session 32: a phone's groups joined by の inside a word (090の5512の3380).
    // Session 33: i'm + a lower-case name found (i'm jun okada).
    await assertBatch('blind-31.jsonl', 150, [258, 255, 262, 259]);
  });

  it('the thirty-second (session 29, residents’ own words: inquiry forms, letters, foreign residents, proxies): 150 cases — recall 279 / 282 at precision 279 / 280', async () => {
    // Written blind like the thirty-first. First run: recall 0.929 (262 / 282) at precision 0.996 (270 / 271); session
    // 28's code gives 0.926 / 0.996. Fixed by general rules: an address with a space after its city or without the
    // city after its label, none in brackets after an office, a My Number by its shape in a text about it, residents
    // introducing themselves in katakana.
    // Session 32: a postal code after ゆうびんばんごう and an address said in hiragana after じゅうしょ.
    await assertBatch('blind-32.jsonl', 150, [282, 279, 280, 279]);
  });

  it('the thirty-third (session 29, English and mixed-language text by foreign staff and residents): 150 cases — recall 256 / 273 at precision 257 / 263', async () => {
    // Written blind. First run: recall 0.762 (208 / 273) at precision 0.965 (218 / 226); session 28's code 0.758 /
    // 0.969. Fixed by general rules: English birth dates (ordinals, DOB … with more words between; an era's initial no
    // longer read in a word's last letter), labels with a bracket (Name (Latin):, Emergency contact (ALT):), O'Neill,
    // initials (K. Inoue), a romaji family name in brackets, introductions in residents' languages and relatives written
    // for, residence card numbers, futsu / savings accounts, insurer numbers, romanised addresses with a building.
    // Session 31 (batch 40's rules): the counting digits 1234-567890 are a pension number's shape shown, no one's.
    // Session 32: a name in capitals with a hyphen taken whole (PARK JI-HOON).
    // Session 33 (forty-sixth batch): a city hall's address in Latin letters after its name is no one's.
    // Session 34 (forty-eighth batch): a katakana name with ・ before 先生 taken whole (ジェームズ・ウィルソン先生).
    await assertBatch('blind-33.jsonl', 150, [273, 256, 263, 257]);
  });

  it('the thirty-fourth (session 29, personnel and payroll: 年末調整, 扶養, 通勤届, 勤怠 logs): 150 cases — recall 279 / 285 at precision 279 / 280', async () => {
    // Written blind. First run: recall 0.926 (264 / 285) at precision 0.982 (266 / 271); session 28's code 0.916 /
    // 0.978. Fixed by general rules: relatives with full names, a name in brackets after a user id or its reading, a
    // family name before の携帯, 普通 with six digits, sixteen digits in fours in a text about a card, はずが, （記入例）
    // closing a heading line, a manual's 入力例, birth dates before 1900.
    // Session 33 (forty-sixth batch): the dates in brackets after a clause about birth dates (…（人事：…、共済：…）).
    await assertBatch('blind-34.jsonl', 150, [285, 279, 279, 279]);
  });

  it('the thirty-fifth (session 29, English and mixed text again: the held-out check of the English rules): 150 cases — recall 247 / 290 at precision 257 / 263', async () => {
    // Written blind from the thirty-third's brief after its rules. First run: recall 0.721 (209 / 290) at precision 0.958
    // (227 / 237); session 28's code gives 0.662 / 0.963 on it. Fixed by general rules: double-barrelled names, spoke with,
    // Name on form:, Titular:, a two-word name before a colon, Insurer no., an English sentence's end for insurance numbers.
    // Session 31 (batch 40's rules): a katakana name of four parts found whole (アルバレス・ガルシア・マリアナ).
    // Session 32: a name after a title before a colon (Ms. Rosales:).
    // Session 33: a header-less CSV row of a name, a passport number and a birth date (three items).
    // Session 34 (batch 49's rules): Mette Andersen after ANDERSEN METTE, the same name in another case.
    // Session 36 (batch 53's rules): a Thai name in brackets after the name found is the same name.
    await assertBatch('blind-35.jsonl', 150, [290, 247, 263, 257]);
  });

  it('the thirty-sixth (session 29, an everyday mix: the held-out check of the session’s rules): 150 cases — recall 279 / 295 at precision 284 / 286', async () => {
    // Written blind after all but its own rules; many rare family names (黛, 籾山, 四ノ宮). First run: recall 0.868 (256 /
    // 295) at precision 0.989 (262 / 265); session 28's code 0.844 / 0.988. Fixed by general rules: a name with its reading
    // in hiragana, a name after a phone number or on a duty roster made of the listed names' kanji, 正／誤 lines of a
    // 住民票コード. Session 31 (batch 40's rules): a name with ノ after a phone number masked right (四ノ宮); (batch 41's
    // rules) a family name found alone joined to its given name (児童 葛城 蒼（…）, CC: 四ノ宮 純) and a NAME_KANJI
    // column, three items more, no false positive more.
    // Session 32 (batch 43's rules): 枝番「01」 is no insurance number (one false positive fewer).
    // Session 32 (the forty-fourth batch's rules): one more item found.
    // Session 33: a hiragana name set apart before 様 (えびさわ様).
    // Session 33 (forty-sixth batch): a full name after a label ending in 者 (被扶養者：…) and the date after it.
    // Session 33 (forty-seventh batch): a name before 様宅 (（仁科様宅）).
    // Session 34 (forty-eighth batch): a full name after 対象： in a text about a person's record (対象：鵜飼 純一).
    // Session 36 (fifty-fourth batch): a name closing the text after a sentence (…です。 舟橋) and a date after a name found whole.
    // Session 37 (fifty-seventh batch's rules): one more item found.
    await assertBatch('blind-36.jsonl', 150, [295, 279, 286, 284]);
  });
});
